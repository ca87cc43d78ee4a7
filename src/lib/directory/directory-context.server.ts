import type { RequestEvent } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { listAmbiti } from '$lib/plan/plan-repo.server';
import { getRuntime } from '$lib/server/runtime';

/**
 * The Ambito whose directory a page shows: `?ambito=ID`, else the first one.
 * Null when no Ambito exists yet.
 */
export function directoryContext(event: Pick<RequestEvent, 'locals' | 'url'>, manage = false) {
	const actor = requireAccess(event, manage ? access.manageSetup : access.viewDirectory);
	const { database, clock } = getRuntime();
	const ambiti = listAmbiti(database.db);
	const wanted = Number(event.url.searchParams.get('ambito'));
	const ambito = ambiti.find((a) => a.id === wanted) ?? ambiti[0] ?? null;
	return {
		actor,
		ambiti,
		ambito,
		db: database.db,
		now: clock.now(),
		canManage: access.manageSetup(actor)
	};
}
