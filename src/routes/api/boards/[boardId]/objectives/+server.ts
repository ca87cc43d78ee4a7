import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { boardContext } from '$lib/board/board-context.server';
import { createObjectiveFrom } from '$lib/objectives/objective-commands.server';
import { readJson } from '$lib/server/read-json';
import type { RequestHandler } from './$types';

const sourceInput = z
	.object({ type: z.enum(['card', 'cluster']), id: z.string().min(1).max(40) })
	.strict();

/** Creates an objective card from a card or a cluster (facilitators): 201 {objectiveId}. */
export const POST: RequestHandler = async (event) => {
	const { board, services } = boardContext(event, true);
	const parsed = sourceInput.safeParse(await readJson(event.request));
	if (!parsed.success) return json({ error: 'invalid-input' }, { status: 400 });
	const result = createObjectiveFrom(services, board.id, parsed.data);
	if (!result.ok) return json({ error: result.reason }, { status: 404 });
	return json({ objectiveId: result.value }, { status: 201 });
};
