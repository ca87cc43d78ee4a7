import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { enumField } from '$lib/forms/fields';
import { parseForm } from '$lib/forms/form-data';
import { setCadence } from '$lib/monitoring/resources-commands.server';
import { monitoringCadences } from '$lib/plan/monitoring-cadence';
import { planInput } from '$lib/plan/plan';
import { savePlan } from '$lib/plan/plan-commands.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { listTaxonomyVersions } from '$lib/taxonomy/taxonomy-repo.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	return {
		plan: found(getPlan(db, idParam(event.params.planId))),
		taxonomies: listTaxonomyVersions(db)
	};
};

const cadenceForm = z.object({ monitoringCadence: enumField(monitoringCadences) });

export const actions: Actions = {
	save: async (event) => {
		requireAccess(event, access.manageSetup);
		const { database, clock } = getRuntime();
		const plan = found(getPlan(database.db, idParam(event.params.planId)));
		const parsed = parseForm(planInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = savePlan(database.db, plan.ambitoId, plan.id, parsed.data, clock.now());
		if (!result.ok) return reasonFailure('taxonomyVersionId', result.reason, parsed.data);
		redirect(303, `/plans/${plan.id}`);
	},
	/** How often the plan is measured (monitoring M14): 409 while measurements exist. */
	cadence: async (event) => {
		requireAccess(event, access.manageSetup);
		const { db } = getRuntime().database;
		const plan = found(getPlan(db, idParam(event.params.planId)));
		const parsed = parseForm(cadenceForm, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values, 'cadence');
		const result = setCadence(db, plan.id, parsed.data.monitoringCadence);
		if (!result.ok) return fail(409, { scope: 'cadence', cadenceError: result.reason });
		return { scope: 'cadence', cadenceSaved: true };
	}
};
