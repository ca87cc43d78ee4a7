import { access } from '$lib/auth/access';
import { requireActor } from '$lib/auth/guard.server';
import { listAmbiti, listVisiblePlans } from '$lib/plan/plan-repo.server';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const { db } = getRuntime().database;
	const ambiti = new Map(listAmbiti(db).map((a) => [a.id, a.name]));
	return {
		plans: listVisiblePlans(db, (id) => access.viewPlan(actor, id)).map((p) => ({
			...p,
			ambitoName: ambiti.get(p.ambitoId) ?? ''
		}))
	};
};
