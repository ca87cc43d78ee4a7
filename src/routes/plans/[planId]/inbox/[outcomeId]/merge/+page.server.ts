import { fail, redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { templateFields } from '$lib/objectives/objective-template';
import { readMergeDecision } from '$lib/plan-objectives/objective-form.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { proposeMerge } from '$lib/plan-objectives/merge-fields';
import { getPlanObjective } from '$lib/plan-objectives/plan-inbox.server';
import { decideOnCard, outcomeInPlan } from '$lib/plan-objectives/plan-objective-commands.server';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

function context(
	event: { params: { planId: string; outcomeId: string } },
	cardId: string,
	intoId: number
) {
	const { db } = getRuntime().database;
	const plan = found(getPlan(db, idParam(event.params.planId)));
	const outcome = outcomeInPlan(db, idParam(event.params.outcomeId));
	if (outcome?.planId !== plan.id) found(undefined);
	const card = found(outcome!.outcome.content.objectives.find((c) => c.id === cardId));
	const objective = found(getPlanObjective(db, plan.id, intoId));
	return { db, plan, outcomeId: outcome!.outcome.id, card, objective };
}

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const into = Number(event.url.searchParams.get('into'));
	const { plan, card, objective } = context(event, event.url.searchParams.get('card') ?? '', into);
	const fields = templateFields(objective.template);
	return {
		plan,
		card: { id: card.id, title: card.title, fields: card.fields },
		objective: {
			id: objective.id,
			number: objective.number,
			title: objective.title,
			fields: objective.fields
		},
		fields,
		merged: proposeMerge(fields, objective.fields, card.fields)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireAccess(event, access.manageSetup);
		const form = await event.request.formData();
		const { db, plan, outcomeId, card, objective } = context(
			event,
			String(form.get('card') ?? ''),
			Number(form.get('into'))
		);
		const read = readMergeDecision(form, objective);
		if (!read.ok) return fail(400, { mergeError: 'invalid', problems: read.problems });
		const result = decideOnCard(
			db,
			outcomeId,
			card.id,
			read.input,
			actor.userId,
			getRuntime().clock.now()
		);
		if (!result.ok)
			return fail(400, { mergeError: result.reason, problems: result.problems ?? [] });
		redirect(303, `/plans/${plan.id}/objectives/${objective.id}`);
	}
};
