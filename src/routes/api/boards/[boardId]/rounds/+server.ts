import { json } from '@sveltejs/kit';
import { boardContext } from '$lib/board/board-context.server';
import { fieldErrors } from '$lib/forms/form-data';
import { readJson } from '$lib/server/read-json';
import { refusalJson } from '$lib/server/result';
import { roundInput } from '$lib/voting/voting';
import { listRounds, openRound } from '$lib/voting/round-commands.server';
import { roundJson } from '$lib/voting/round-json.server';
import type { RequestHandler } from './$types';

/** The board's rounds, without any total (V5). */
export const GET: RequestHandler = (event) => {
	const { board, participant, services } = boardContext(event);
	return json(listRounds(services.db, board.id).map((r) => roundJson(services.db, r, participant)));
};

/** Reason → status of a round that was not opened. */
const statuses = { 'no-targets': 409, 'unknown-target': 404, 'unknown-round': 404 } as const;

/**
 * Opens a round (facilitators): 201 {roundId}; the board moves to the voting phase.
 * 404 when `targetIds` or `runOffOf` name nothing on this board, 409 when nothing is left to vote on.
 */
export const POST: RequestHandler = async (event) => {
	const { board, services } = boardContext(event, true);
	const parsed = roundInput.safeParse(await readJson(event.request));
	if (!parsed.success)
		return json(
			{ error: 'invalid-input', fields: fieldErrors(parsed.error.issues) },
			{ status: 400 }
		);
	const result = openRound(services, board.id, parsed.data);
	if (!result.ok) return refusalJson(result, statuses[result.reason]);
	return json({ roundId: result.value }, { status: 201 });
};
