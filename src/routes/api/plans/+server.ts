import { json } from '@sveltejs/kit';
import { requireActor } from '$lib/auth/guard.server';
import { listVisiblePlans } from '$lib/plan/plan-repo.server';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The plans the session may see (rule A3): [{"id","title","period"}]. */
export const GET: RequestHandler = (event) => {
	const actor = requireActor(event);
	const plans = listVisiblePlans(getRuntime().database.db, actor);
	return json(plans.map(({ id, title, period, status }) => ({ id, title, period, status })));
};
