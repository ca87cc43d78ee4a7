import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { idField } from '$lib/forms/fields';
import { parseForm } from '$lib/forms/form-data';
import { planInput } from '$lib/plan/plan';
import { savePlan } from '$lib/plan/plan-commands.server';
import { listAmbiti } from '$lib/plan/plan-repo.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { getRuntime } from '$lib/server/runtime';
import { currentTaxonomyVersionId } from '$lib/taxonomy/taxonomy';
import { listTaxonomyVersions } from '$lib/taxonomy/taxonomy-repo.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	return {
		ambiti: listAmbiti(db),
		taxonomies: listTaxonomyVersions(db),
		defaultTaxonomy: currentTaxonomyVersionId
	};
};

const newPlanInput = planInput.extend({ ambitoId: idField });

export const actions: Actions = {
	default: async (event) => {
		requireAccess(event, access.manageSetup);
		const parsed = parseForm(newPlanInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const { ambitoId, ...plan } = parsed.data;
		const { database, clock } = getRuntime();
		const result = savePlan(database.db, ambitoId, null, plan, clock.now());
		if (!result.ok) {
			const field = result.reason === 'not-found' ? 'ambitoId' : 'taxonomyVersionId';
			return reasonFailure(field, result.reason, parsed.data);
		}
		redirect(303, `/plans/${result.value}`);
	}
};
