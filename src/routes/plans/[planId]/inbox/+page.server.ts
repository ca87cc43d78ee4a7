import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { idField } from '$lib/forms/fields';
import { parseForm } from '$lib/forms/form-data';
import { objectiveTaxonomy } from '$lib/objectives/objective-taxonomy.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { planInbox } from '$lib/plan-objectives/plan-inbox.server';
import {
	decideOnCard,
	decisionInput,
	outcomeInPlan
} from '$lib/plan-objectives/plan-objective-commands.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import type { PartProblem } from '$lib/plan-objectives/plan-objective-rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, idParam(event.params.planId)));
	return {
		plan,
		inbox: planInbox(db, plan.id),
		objectives: listPlanObjectives(db, plan.id).map(({ id, number, title, macroAreas }) => ({
			id,
			number,
			title,
			macroAreas
		})),
		macroAreas: objectiveTaxonomy(db, plan.id).macroAreas.map(({ code, label }) => ({
			code,
			label
		}))
	};
};

/** One decision button of the inbox: "adopt" sends no reason, the other two a reason box. */
const decideForm = z.object({
	outcomeId: idField,
	cardId: z.string().trim().min(1).max(40),
	decision: z.enum(['adopted', 'sent_back', 'parked']),
	reason: z.string().max(2000).optional()
});

/** Every refused decision has one shape; `problems` names what an adopted card holds that the plan cannot (PO1a). */
const refused = (
	status: number,
	decideError: string,
	cardId: string,
	problems: PartProblem[] = []
) => fail(status, { decideError, cardId, problems });

export const actions: Actions = {
	decide: async (event) => {
		const actor = requireAccess(event, access.manageSetup);
		const planId = idParam(event.params.planId);
		const { db } = getRuntime().database;
		const form = parseForm(decideForm, await event.request.formData());
		if (!form.ok) return refused(400, 'invalid-input', '');
		const { outcomeId, cardId, decision, reason = '' } = form.data;
		if (outcomeInPlan(db, outcomeId)?.planId !== planId) return refused(404, 'not-found', cardId);
		const parsed = decisionInput.safeParse({ decision, reason });
		if (!parsed.success) return refused(400, 'reason-required', cardId);
		const result = decideOnCard(
			db,
			outcomeId,
			cardId,
			parsed.data,
			actor.userId,
			getRuntime().clock.now()
		);
		if (!result.ok) return refused(400, result.reason, cardId, result.problems);
		return { decided: cardId };
	}
};
