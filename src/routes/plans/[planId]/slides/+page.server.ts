import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { getAmbito, getPlan } from '$lib/plan/plan-repo.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { loadPlanSummary } from '$lib/plan-objectives/plan-summary.server';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** The slide di sintesi: the whole plan, or one tavolo with ?tavolo=ID. */
export const load: PageServerLoad = (event) => {
	const planId = idParam(event.params.planId);
	requireAccess(event, (a) => access.viewPlan(a, planId));
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, planId));
	const summary = loadPlanSummary(db, planId);
	const only = Number(event.url.searchParams.get('tavolo'));
	const objectives = listPlanObjectives(db, planId);
	return {
		plan,
		ambito: found(getAmbito(db, plan.ambitoId)),
		summary: {
			...summary,
			tavoli: only ? summary.tavoli.filter((t) => t.id === only) : summary.tavoli
		},
		wholePlan: !only,
		objectives: {
			total: objectives.length,
			byStatus: ['draft', 'review', 'consolidated', 'approved'].map((s) => ({
				status: s,
				count: objectives.filter((o) => o.status === s).length
			}))
		}
	};
};
