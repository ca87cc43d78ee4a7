import { json } from '@sveltejs/kit';
import { cardInput, submitCard } from '$lib/board/board-cards.server';
import { boardContext } from '$lib/board/board-context.server';
import { fieldErrors } from '$lib/forms/form-data';
import { readJson } from '$lib/server/read-json';
import type { RequestHandler } from './$types';

/**
 * Adds a card as the session's participant, through the same rules as the socket:
 * 201 with the card, 400 bad input, 403 not allowed (observers), 409 when the
 * phase or the lock closes writing, 429 past the board's cards per participant
 * and phase (B13). In anonymous or private mode the card waits
 * off the board (`pending: true`).
 */
export const POST: RequestHandler = async (event) => {
	const { board, participant, services } = boardContext(event);
	if (participant.writer.role === 'observer') return json({ error: 'forbidden' }, { status: 403 });
	const parsed = cardInput.safeParse(await readJson(event.request));
	if (!parsed.success)
		return json(
			{ error: 'invalid-input', fields: fieldErrors(parsed.error.issues) },
			{ status: 400 }
		);
	const result = submitCard(services, board.id, participant.writer, parsed.data);
	if (!result.ok) {
		const status = { forbidden: 403, closed: 409, 'foreign-policy-area': 400, 'too-many': 429 }[
			result.reason
		];
		return json({ error: result.reason }, { status });
	}
	return json(result.value, { status: 201 });
};
