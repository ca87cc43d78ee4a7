import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { idField } from '$lib/forms/fields';
import { parseForm } from '$lib/forms/form-data';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { planWarnings } from '$lib/plan-objectives/plan-checks';
import { renumberObjective } from '$lib/plan-objectives/plan-objective-commands.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { listArchivedObjectives } from '$lib/plan-objectives/objective-archive-commands.server';
import { importObjectivesJson } from '$lib/plan-objectives/plan-import.server';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const planId = idParam(event.params.planId);
	const actor = requireAccess(event, (a) => access.viewPlan(a, planId));
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, planId));
	const objectives = listPlanObjectives(db, planId);
	return {
		plan,
		objectives: objectives.map(({ id, number, title, policyArea, status, macroAreas }) => ({
			id,
			number,
			title,
			policyArea,
			status,
			macroAreas
		})),
		warnings: planWarnings(objectives),
		archived: listArchivedObjectives(db, planId),
		canManage: access.manageSetup(actor)
	};
};

const MAX_IMPORT = 5 * 1024 * 1024;
const fileProblem = (problem: string) => ({ objective: null, field: null, problem, path: '' });

const renumberForm = z.object({ objectiveId: idField, number: idField });

export const actions: Actions = {
	import: async (event) => {
		const actor = requireAccess(event, access.manageSetup);
		const planId = idParam(event.params.planId);
		const { db } = getRuntime().database;
		found(getPlan(db, planId));
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { importProblems: [fileProblem('no-file')] });
		if (file.size > MAX_IMPORT) return fail(400, { importProblems: [fileProblem('too-large')] });
		const now = getRuntime().clock.now();
		const result = importObjectivesJson(db, planId, await file.text(), actor.userId, now);
		if (!result.ok) return fail(400, { importProblems: result.problems });
		return { imported: result.imported };
	},
	renumber: async (event) => {
		requireAccess(event, access.manageSetup);
		const planId = idParam(event.params.planId);
		const form = parseForm(renumberForm, await event.request.formData());
		if (!form.ok) return fail(400, { renumberError: 'invalid' });
		const { objectiveId, number } = form.data;
		const result = renumberObjective(getRuntime().database.db, planId, objectiveId, number);
		if (!result.ok) return fail(400, { renumberError: result.reason });
		return { renumbered: true };
	}
};
