import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { getPlan, listPolicyAreas } from '$lib/plan/plan-repo.server';
import { filterMatrix, matrixFilterFrom } from '$lib/plan-objectives/needs-matrix';
import { loadNeedsMatrix } from '$lib/plan-objectives/needs-matrix.server';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { listTavoliOfPlan } from '$lib/tavolo/tavolo-repo.server';
import { listMacroAreas } from '$lib/taxonomy/taxonomy-repo.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const planId = idParam(event.params.planId);
	requireAccess(event, (a) => access.viewPlan(a, planId));
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, planId));
	const all = loadNeedsMatrix(db, planId);
	const filter = matrixFilterFrom(event.url.searchParams);
	return {
		plan,
		rows: filterMatrix(all, filter),
		total: all.length,
		gaps: all.filter((r) => r.objective === null).length,
		filter,
		query: event.url.searchParams.toString(),
		policyAreas: listPolicyAreas(db, planId).map((a) => a.name),
		targets: [...new Set(all.flatMap((r) => r.targets))].sort((a, b) => a.localeCompare(b, 'it')),
		macroAreas: listMacroAreas(db, plan.taxonomyVersionId).map((a) => ({
			code: a.code,
			label: a.label
		})),
		tavoli: listTavoliOfPlan(db, planId).map((t) => ({ id: t.id, name: t.name }))
	};
};
