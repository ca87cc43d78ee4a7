import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { boardContext } from '$lib/board/board-context.server';
import { readJson } from '$lib/server/read-json';
import { invalidInputJson, refusalJson } from '$lib/server/result';
import { demote, listPriorities, promote } from '$lib/voting/priority-commands.server';
import type { RequestHandler } from './$types';

const targetInput = z
	.object({
		type: z.enum(['card', 'cluster']),
		id: z.string().min(1).max(40),
		roundId: z.number().int().positive().nullable().default(null)
	})
	.strict();

/** The needs and clusters promoted to priorities (visible to the board's members). */
export const GET: RequestHandler = (event) => {
	const { board, services } = boardContext(event);
	return json(listPriorities(services.db, board.id));
};

/**
 * "Promuovi a priorità" (facilitators): 201 with the priorities; 400 bad input, 404 when the
 * card, cluster or round names nothing on this board (nothing is stored).
 */
export const POST: RequestHandler = async (event) => {
	const { board, services } = boardContext(event, true);
	const parsed = targetInput.safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	const result = promote(services, board.id, {
		type: parsed.data.type,
		id: parsed.data.id,
		roundId: parsed.data.roundId
	});
	if (!result.ok) return refusalJson(result, 404);
	return json(listPriorities(services.db, board.id), { status: 201 });
};

/** Takes a priority back (facilitators); 404 when the item is not a priority of this board. */
export const DELETE: RequestHandler = async (event) => {
	const { board, services } = boardContext(event, true);
	const parsed = targetInput.omit({ roundId: true }).safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	if (!demote(services.db, board.id, parsed.data.type, parsed.data.id))
		return json({ error: 'not-a-priority', unknown: [parsed.data.id] }, { status: 404 });
	return json(listPriorities(services.db, board.id));
};
