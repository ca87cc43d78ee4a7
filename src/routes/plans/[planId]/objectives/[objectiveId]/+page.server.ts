import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { idField } from '$lib/forms/fields';
import { parseForm } from '$lib/forms/form-data';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { templateFields } from '$lib/objectives/objective-template';
import { getPlan, listPolicyAreas } from '$lib/plan/plan-repo.server';
import { planWarnings } from '$lib/plan-objectives/plan-checks';
import { getPlanObjective, provenance } from '$lib/plan-objectives/plan-inbox.server';
import {
	restoreRevision,
	updatePlanObjective
} from '$lib/plan-objectives/objective-edit-commands.server';
import { readObjectivePatch } from '$lib/plan-objectives/objective-form.server';
import { listPlanObjectives, listRevisions } from '$lib/plan-objectives/plan-objective-repo.server';
import { setArchived } from '$lib/plan-objectives/objective-archive-commands.server';
import { carriedFrom } from '$lib/monitoring/carried-objective.server';
import { objectiveMonitoring } from '$lib/monitoring/monitoring-read.server';
import { saveResource, type ResourceKind } from '$lib/monitoring/resource-form-commands.server';
import { readEmptyForm } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import { users } from '$lib/auth/auth.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const planId = idParam(event.params.planId);
	const actor = requireAccess(event, (a) => access.viewPlan(a, planId));
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, planId));
	const objective = found(getPlanObjective(db, planId, idParam(event.params.objectiveId)));
	const names = new Map(
		db
			.select({ id: users.id, name: users.displayName })
			.from(users)
			.all()
			.map((u) => [u.id, u.name])
	);
	return {
		plan,
		objective,
		fields: templateFields(objective.template),
		taxonomy: loadTaxonomy(db, plan.taxonomyVersionId),
		policyAreas: listPolicyAreas(db, planId).map(({ id, name }) => ({ id, name })),
		// Some checks compare the objective with the others (a copied target): run them on the plan.
		warnings: planWarnings(listPlanObjectives(db, planId))
			.filter((w) => w.objectiveId === objective.id)
			.map((w) => w.issue),
		revisions: listRevisions(db, objective.id).map((r) => ({
			revision: r.revision,
			changed: r.changed,
			changedAt: r.changedAt,
			by: r.changedBy ? (names.get(r.changedBy) ?? null) : null
		})),
		provenance: provenance(db, objective.id),
		monitoring: objectiveMonitoring(db, plan, objective.id),
		carried: carriedFrom(db, objective),
		canManage: access.manageSetup(actor)
	};
};

const restoreForm = z.object({ revision: idField });

export const actions: Actions = {
	save: async (event) => {
		const actor = requireAccess(event, access.manageSetup);
		const planId = idParam(event.params.planId);
		const { db } = getRuntime().database;
		const objective = found(getPlanObjective(db, planId, idParam(event.params.objectiveId)));
		const read = readObjectivePatch(await event.request.formData(), objective.template);
		if (!read.ok) return fail(400, { saveError: 'invalid', problems: read.problems });
		const saved = updatePlanObjective(
			db,
			planId,
			objective.id,
			read.patch,
			actor.userId,
			getRuntime().clock.now()
		);
		if (!saved.ok) return fail(400, { saveError: saved.reason, problems: saved.problems });
		return { saved: true };
	},
	restore: async (event) => {
		const actor = requireAccess(event, access.manageSetup);
		const planId = idParam(event.params.planId);
		const objectiveId = idParam(event.params.objectiveId);
		const form = parseForm(restoreForm, await event.request.formData());
		const revision = form.ok ? form.data.revision : 0;
		if (!form.ok)
			return fail(400, {
				saveError: 'invalid',
				problems: [{ field: 'revision', problem: 'invalid-value' }]
			});
		const { db } = getRuntime().database;
		const restored = restoreRevision(
			db,
			planId,
			objectiveId,
			revision,
			actor.userId,
			getRuntime().clock.now()
		);
		if (!restored.ok)
			return fail(restored.reason === 'not-found' ? 404 : 400, {
				saveError: restored.reason,
				problems: restored.problems
			});
		return { restored: revision };
	},
	archive: (event) => archiving(event, true),
	unarchive: (event) => archiving(event, false),
	actions: (event) => resourceAction(event, 'actions'),
	budget: (event) => resourceAction(event, 'budget'),
	evaluate: (event) => resourceAction(event, 'evaluation')
};

/**
 * The objective's actions, budget or evaluation grid (monitoring SPEC M15–M17): the form read
 * into the API's body and saved by the API's command. 400 with the problems, 404 elsewhere.
 */
async function resourceAction(event: Parameters<Actions['save']>[0], kind: ResourceKind) {
	const actor = requireAccess(event, access.manageSetup);
	const ref = {
		planId: idParam(event.params.planId),
		objectiveId: idParam(event.params.objectiveId)
	};
	const form = await event.request.formData();
	const { db } = getRuntime().database;
	const by = { userId: actor.userId, now: getRuntime().clock.now() };
	const result = saveResource(db, { ref, kind, form, actor: by });
	if (result.ok) return { resourceSaved: kind };
	return fail(result.status, { resourceScope: kind, resourceErrors: result.errors });
}

/** Archive or bring back (SPEC PO8): a button, no fields; 404 elsewhere, 409 when already so. */
async function archiving(event: Parameters<Actions['save']>[0], archive: boolean) {
	const actor = requireAccess(event, access.manageSetup);
	const planId = idParam(event.params.planId);
	const objectiveId = idParam(event.params.objectiveId);
	await readEmptyForm(event.request);
	const { db } = getRuntime().database;
	const now = getRuntime().clock.now();
	const done = setArchived(db, { planId, objectiveId }, archive, { userId: actor.userId, now });
	if (!done.ok) return fail(done.reason === 'not-found' ? 404 : 409, { archiveError: done.reason });
	return { archived: archive };
}
