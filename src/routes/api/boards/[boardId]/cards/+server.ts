import { json } from '@sveltejs/kit';
import { cardInput, submitCard } from '$lib/board/board-cards.server';
import { boardContext } from '$lib/board/board-context.server';
import { readJson } from '$lib/server/read-json';
import { getRuntime } from '$lib/server/runtime';
import { throttleOf, tooManyRequests } from '$lib/server/throttle';
import type { RequestHandler } from './$types';
import { invalidInputJson } from '$lib/server/result';

/**
 * Adds a card as the session's participant, through the same rules as the socket:
 * 201 with the card, 400 bad input, 403 not allowed (observers), 409 when the
 * phase or the lock closes writing, 429 past the board's cards per participant
 * and phase (B13), and 429 with Retry-After past 20 cards in a burst, then one
 * every 2 s, per participant (a person types slower; a script is held; facilitators
 * transcribing paper cards are not held). In
 * anonymous or private mode the card waits off the board (`pending: true`).
 */
const CARD_RATE = { capacity: 20, perSecond: 0.5 };

export const POST: RequestHandler = async (event) => {
	const { board, participant, services } = boardContext(event);
	if (participant.writer.role === 'observer') return json({ error: 'forbidden' }, { status: 403 });
	const parsed = cardInput.safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	if (participant.writer.role !== 'facilitator') {
		const runtime = getRuntime();
		const key = `${board.id}:${participant.writer.participantId}`;
		const rate = throttleOf(runtime, 'card-submissions', CARD_RATE).take(
			key,
			1,
			runtime.clock.now()
		);
		if (!rate.ok) return tooManyRequests(rate.retryAfterSeconds);
	}
	const result = submitCard(services, board.id, participant.writer, parsed.data);
	if (!result.ok) {
		const status = { forbidden: 403, closed: 409, 'foreign-policy-area': 400, 'too-many': 429 }[
			result.reason
		];
		return json({ error: result.reason }, { status });
	}
	return json(result.value, { status: 201 });
};
