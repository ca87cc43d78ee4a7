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

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, idParam(event.params.planId)));
	return {
		plan,
		policyAreas: listPolicyAreas(db, plan.id),
		macroAreas: listMacroAreas(db, plan.taxonomyVersionId)
	};
};

export const actions: Actions = {
	create: async (event) => {
		requireAccess(event, access.manageSetup);
		const { db } = getRuntime().database;
		const plan = found(getPlan(db, idParam(event.params.planId)));
		const parsed = parseForm(policyAreaInput, await event.request.formData(), ['macroAreaIds']);
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = savePolicyArea(db, plan.id, null, parsed.data);
		if (!result.ok) return reasonFailure('macroAreaIds', result.reason, parsed.data);
		return { created: result.value };
	}
};
