import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '$lib/auth/access';
import { authorize, requireActor } from '$lib/auth/guard.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { getTavolo } from './tavolo-repo.server';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/**
 * The tavolo named by the route, after the access rule passed: log-in first for
 * anonymous visitors, then 404 when it does not exist, 403 when the rule refuses. Every /tavoli/[tavoloId] route starts here.
 */
export function tavoloContext(event: Event, rule: (actor: Actor, tavoloId: number) => boolean) {
	const actor = requireActor(event);
	const tavoloId = idParam(event.params.tavoloId ?? '');
	const { database, clock } = getRuntime();
	const tavolo = found(getTavolo(database.db, tavoloId));
	authorize(rule(actor, tavoloId));
	const plan = found(getPlan(database.db, tavolo.planId));
	return { actor, tavolo, plan, db: database.db, now: clock.now() };
}
