import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { parseForm } from '$lib/forms/form-data';
import { getPlan, listPolicyAreas } from '$lib/plan/plan-repo.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { tavoloInput } from '$lib/tavolo/tavolo';
import { saveTavolo } from '$lib/tavolo/tavolo-commands.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, idParam(event.params.planId)));
	return { plan, policyAreas: listPolicyAreas(db, plan.id) };
};

export const actions: Actions = {
	default: async (event) => {
		requireAccess(event, access.manageSetup);
		const { database, clock } = getRuntime();
		const plan = found(getPlan(database.db, idParam(event.params.planId)));
		const parsed = parseForm(tavoloInput, await event.request.formData(), ['policyAreaIds']);
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = saveTavolo(database.db, plan.id, null, parsed.data, clock.now());
		if (!result.ok) return reasonFailure('policyAreaIds', result.reason, parsed.data);
		redirect(303, `/tavoli/${result.value}`);
	}
};
