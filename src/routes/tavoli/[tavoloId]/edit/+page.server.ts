import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { parseForm } from '$lib/forms/form-data';
import { listPolicyAreas } from '$lib/plan/plan-repo.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { tavoloInput } from '$lib/tavolo/tavolo';
import { saveTavolo } from '$lib/tavolo/tavolo-commands.server';
import { tavoloContext } from '$lib/tavolo/tavolo-context.server';
import { listTavoloPolicyAreas } from '$lib/tavolo/tavolo-repo.server';
import type { Actions, PageServerLoad } from './$types';

const manageSetup = (a: Parameters<typeof access.manageSetup>[0]) => access.manageSetup(a);

export const load: PageServerLoad = (event) => {
	const { tavolo, plan, db } = tavoloContext(event, manageSetup);
	return {
		tavolo,
		policyAreas: listPolicyAreas(db, plan.id),
		selectedAreas: listTavoloPolicyAreas(db, tavolo.id).map((a) => a.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { tavolo, plan, db, now } = tavoloContext(event, manageSetup);
		const parsed = parseForm(tavoloInput, await event.request.formData(), ['policyAreaIds']);
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = saveTavolo(db, plan.id, tavolo.id, parsed.data, now);
		if (!result.ok) return reasonFailure('policyAreaIds', result.reason, parsed.data);
		redirect(303, `/tavoli/${tavolo.id}`);
	}
};
