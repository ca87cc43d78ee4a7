import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { parseForm } from '$lib/forms/form-data';
import { policyAreaInput } from '$lib/plan/plan';
import { savePolicyArea } from '$lib/plan/plan-commands.server';
import { getPlan, listPolicyAreas } from '$lib/plan/plan-repo.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { listMacroAreas } from '$lib/taxonomy/taxonomy-repo.server';
import type { Actions, PageServerLoad } from './$types';

function loadArea(planParam: string, areaParam: string) {
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, idParam(planParam)));
	const area = found(listPolicyAreas(db, plan.id).find((a) => a.id === idParam(areaParam)));
	return { db, plan, area };
}

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const { db, plan, area } = loadArea(event.params.planId, event.params.areaId);
	return { plan, area, macroAreas: listMacroAreas(db, plan.taxonomyVersionId) };
};

export const actions: Actions = {
	default: async (event) => {
		requireAccess(event, access.manageSetup);
		const { db, plan, area } = loadArea(event.params.planId, event.params.areaId);
		const parsed = parseForm(policyAreaInput, await event.request.formData(), ['macroAreaIds']);
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = savePolicyArea(db, plan.id, area.id, parsed.data);
		if (!result.ok) return reasonFailure('macroAreaIds', result.reason, parsed.data);
		redirect(303, `/plans/${plan.id}/policy-areas`);
	}
};
