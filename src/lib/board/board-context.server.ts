import { error, type RequestEvent } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import { boardAccess } from './board-access.server';
import type { BoardServices } from './board-commands.server';
import { getBoard } from './board-store.server';

type Event = Pick<RequestEvent, 'locals' | 'params'>;

/**
 * The board named by the route and who the visitor is on it: 404 when there is no
 * such board, 401 without a session, 403 without access. With `facilitatorOnly`,
 * only the tavolo's facilitators (and the UdP) get through (SPEC B3).
 */
export function boardContext(event: Event, facilitatorOnly = false) {
	const { database, clock, boards: hub } = getRuntime();
	const board = getBoard(database.db, event.params.boardId ?? '');
	if (!board) error(event.locals.actor || event.locals.guest ? 404 : 401, 'Not found');
	const result = boardAccess(
		database.db,
		board,
		{ actor: event.locals.actor, guest: event.locals.guest },
		clock.now()
	);
	if (!result.ok)
		error(result.status, result.status === 401 ? 'Autenticazione richiesta' : 'Accesso negato');
	if (facilitatorOnly && result.participant.writer.role !== 'facilitator')
		error(403, 'Accesso negato');
	const services: BoardServices = { db: database.db, hub, clock };
	return { board, participant: result.participant, tavoloId: result.tavoloId, services };
}
