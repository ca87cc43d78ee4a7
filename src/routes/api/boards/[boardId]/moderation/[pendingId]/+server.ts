import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { moderate } from '$lib/board/board-cards.server';
import { boardContext } from '$lib/board/board-context.server';
import { readJson } from '$lib/server/read-json';
import type { RequestHandler } from './$types';

const decisionInput = z.object({ approve: z.boolean() }).strict();

/** Approves (publishes, without author) or rejects one anonymous card. */
export const POST: RequestHandler = async (event) => {
	const { board, services } = boardContext(event, true);
	const parsed = decisionInput.safeParse(await readJson(event.request));
	if (!parsed.success) return json({ error: 'invalid-input' }, { status: 400 });
	if (!moderate(services, board.id, event.params.pendingId, parsed.data.approve))
		error(404, 'Not found');
	return json({ ok: true });
};
