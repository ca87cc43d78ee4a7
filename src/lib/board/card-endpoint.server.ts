import { invalidInput, tooMany, type LiveEndpoint } from '$lib/server/live-endpoint';
import { getRuntime } from '$lib/server/runtime';
import { throttleOf } from '$lib/server/throttle';
import { cardInput, submitCard } from './board-cards.server';
import { boardContext } from './board-context.server';

/** 20 cards in a burst, then one every 2 s, per participant (a person types slower). */
const CARD_RATE = { capacity: 20, perSecond: 0.5 };

const REFUSAL_STATUS = { forbidden: 403, closed: 409, 'foreign-policy-area': 400, 'too-many': 429 };

/**
 * `POST /api/boards/:boardId/cards`: adds a card as the session's participant,
 * through the same rules as the socket: 201 with the card, 400 bad input, 403 not
 * allowed (observers), 409 when the phase or the lock closes writing, 429 past the
 * board's cards per participant and phase (B13), and 429 with Retry-After past 20
 * cards in a burst, then one every 2 s, per participant (a script is held;
 * facilitators transcribing paper cards are not). In anonymous or private mode the
 * card waits off the board (`pending: true`). A live endpoint: a room's cards.
 */
export const cardEndpoint: LiveEndpoint = {
	method: 'POST',
	route: '/api/boards/[boardId]/cards',
	path: /^\/api\/boards\/([^/]+)\/cards$/,
	params: ['boardId'],
	async answer(event, body) {
		const { board, participant, services } = boardContext(event);
		if (participant.writer.role === 'observer')
			return { status: 403, body: { error: 'forbidden' } };
		const parsed = cardInput.safeParse(await body());
		if (!parsed.success) return invalidInput(parsed.error);
		if (participant.writer.role !== 'facilitator') {
			const runtime = getRuntime();
			const key = `${board.id}:${participant.writer.participantId}`;
			const rate = throttleOf(runtime, 'card-submissions', CARD_RATE).take(
				key,
				1,
				runtime.clock.now()
			);
			if (!rate.ok) return tooMany(rate.retryAfterSeconds);
		}
		const result = submitCard(services, board.id, participant.writer, parsed.data);
		if (!result.ok)
			return { status: REFUSAL_STATUS[result.reason], body: { error: result.reason } };
		return { status: 201, body: result.value };
	}
};
