import { error, json } from '@sveltejs/kit';
import { boardContext } from '$lib/board/board-context.server';
import { boardJson } from '$lib/board/board-json.server';
import type { RequestHandler } from './$types';

/** The board as the session may see it (SPEC B7, B8): what the socket would give it. */
export const GET: RequestHandler = (event) => {
	const { board, participant, services } = boardContext(event);
	const view = boardJson(services, board, participant);
	if (!view) error(404, 'Not found');
	return json(view, { headers: { 'Cache-Control': 'no-store' } });
};
