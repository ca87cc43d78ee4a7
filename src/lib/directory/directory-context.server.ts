import { error, type RequestEvent } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { listAmbiti } from '$lib/plan/plan-repo.server';
import { getRuntime } from '$lib/server/runtime';

/**
 * The Ambito whose directory a page shows: `?ambito=ID`, else the first one.
 * Null when no Ambito exists yet. An `?ambito=` that names no Ambito is a 404:
 * falling back to the first would show, or import into, an Ambito nobody chose.
 */
export function directoryContext(event: Pick<RequestEvent, 'locals' | 'url'>, manage = false) {
	const actor = requireAccess(event, manage ? access.manageSetup : access.viewDirectory);
	const { database, clock } = getRuntime();
	const ambiti = listAmbiti(database.db);
	const param = event.url.searchParams.get('ambito');
	const ambito = param === null ? (ambiti[0] ?? null) : ambiti.find((a) => String(a.id) === param);
	if (ambito === undefined) error(404, `Unknown ambito: ${param}`);
	return {
		actor,
		ambiti,
		ambito,
		db: database.db,
		now: clock.now(),
		canManage: access.manageSetup(actor)
	};
}
