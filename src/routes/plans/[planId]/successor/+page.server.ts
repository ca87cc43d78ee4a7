import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { parseForm } from '$lib/forms/form-data';
import { successorForm } from '$lib/monitoring/monitoring-input';
import { planEvaluation } from '$lib/monitoring/monitoring-read.server';
import { createSuccessor } from '$lib/monitoring/successor-commands.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { currentTaxonomyVersionId } from '$lib/taxonomy/taxonomy';
import { listTaxonomyVersions } from '$lib/taxonomy/taxonomy-repo.server';
import type { Actions, PageServerLoad } from './$types';

/** «Crea il piano successivo» (monitoring SPEC M41): the UdP's form over createSuccessor. */
export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, idParam(event.params.planId)));
	return {
		plan,
		objectives: planEvaluation(db, plan.id).map((o) => ({
			id: o.id,
			number: o.number,
			title: o.title,
			band: o.evaluation ? (o.grid[0]?.band ?? null) : null,
			evaluated: o.evaluation !== null
		})),
		versions: listTaxonomyVersions(db).map((v) => ({ id: v.id, label: v.label })),
		defaultVersion: currentTaxonomyVersionId
	};
};

/** Which field a refusal of the command belongs to. */
const refusedField = {
	'unknown-taxonomy': 'taxonomyVersion',
	'unknown-objective': 'objectiveIds',
	'period-not-after': 'period'
} as const;

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAccess(event, access.manageSetup);
		const { database, clock } = getRuntime();
		const plan = found(getPlan(database.db, idParam(event.params.planId)));
		const parsed = parseForm(successorForm, await event.request.formData(), ['objectiveIds']);
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = createSuccessor(database.db, plan, parsed.data, {
			userId: actor.userId,
			now: clock.now()
		});
		if (!result.ok) return reasonFailure(refusedField[result.reason], result.reason, parsed.data);
		redirect(303, `/plans/${result.value.id}/objectives`);
	}
};
