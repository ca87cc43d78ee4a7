import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { boardContext } from '$lib/board/board-context.server';
import { readJson } from '$lib/server/read-json';
import { demote, listPriorities, promote } from '$lib/voting/voting-commands.server';
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

/** "Promuovi a priorità" (facilitators). */
export const POST: RequestHandler = async (event) => {
	const { board, services } = boardContext(event, true);
	const parsed = targetInput.safeParse(await readJson(event.request));
	if (!parsed.success) return json({ error: 'invalid-input' }, { status: 400 });
	promote(services, board.id, {
		type: parsed.data.type,
		id: parsed.data.id,
		roundId: parsed.data.roundId
	});
	return json(listPriorities(services.db, board.id), { status: 201 });
};

/** Takes a priority back (facilitators). */
export const DELETE: RequestHandler = async (event) => {
	const { board, services } = boardContext(event, true);
	const parsed = targetInput.omit({ roundId: true }).safeParse(await readJson(event.request));
	if (!parsed.success) return json({ error: 'invalid-input' }, { status: 400 });
	demote(services.db, board.id, parsed.data.type, parsed.data.id);
	return json(listPriorities(services.db, board.id));
};
