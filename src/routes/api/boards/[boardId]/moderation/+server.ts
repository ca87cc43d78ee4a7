import { json } from '@sveltejs/kit';
import { moderationQueue } from '$lib/board/board-cards.server';
import { boardContext } from '$lib/board/board-context.server';
import type { RequestHandler } from './$types';

/** The anonymous cards waiting for approval (SPEC B7): text only, never the author. */
export const GET: RequestHandler = (event) => {
	const { board, services } = boardContext(event, true);
	return json(moderationQueue(services.db, board.id));
};
