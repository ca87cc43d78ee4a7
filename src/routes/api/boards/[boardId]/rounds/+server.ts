import { json } from '@sveltejs/kit';
import { boardContext } from '$lib/board/board-context.server';
import { fieldErrors } from '$lib/forms/form-data';
import { readJson } from '$lib/server/read-json';
import { roundInput } from '$lib/voting/voting';
import { listRounds, openRound } from '$lib/voting/voting-commands.server';
import { roundJson } from '$lib/voting/round-json.server';
import type { RequestHandler } from './$types';

/** The board's rounds, without any total (V5). */
export const GET: RequestHandler = (event) => {
	const { board, participant, services } = boardContext(event);
	return json(listRounds(services.db, board.id).map((r) => roundJson(services.db, r, participant)));
};

/** Opens a round (facilitators): 201 {roundId}; the board moves to the voting phase. */
export const POST: RequestHandler = async (event) => {
	const { board, services } = boardContext(event, true);
	const parsed = roundInput.safeParse(await readJson(event.request));
	if (!parsed.success)
		return json(
			{ error: 'invalid-input', fields: fieldErrors(parsed.error.issues) },
			{ status: 400 }
		);
	const result = openRound(services, board.id, parsed.data);
	if (!result.ok) return json({ error: result.reason }, { status: 409 });
	return json({ roundId: result.value }, { status: 201 });
};
