import { json } from '@sveltejs/kit';
import {
	monitoringContext,
	objectiveIdParam,
	refusalStatus
} from '$lib/monitoring/monitoring-context.server';
import { budgetInput } from '$lib/monitoring/monitoring-input';
import { liveObjective } from '$lib/monitoring/monitoring-commands.server';
import { saveBudget } from '$lib/monitoring/resources-commands.server';
import { listBudget } from '$lib/monitoring/resources-read.server';
import { readJson } from '$lib/server/read-json';
import { invalidInputJson, refusalJson } from '$lib/server/result';
import type { RequestHandler } from './$types';

/** The objective's budget year by year (whoever may see the plan; monitoring M16): `{years}`. 404 elsewhere. */
export const GET: RequestHandler = (event) => {
	const { db, plan } = monitoringContext(event, 'read');
	const objectiveId = objectiveIdParam(event);
	if (!liveObjective(db, { planId: plan.id, objectiveId }))
		return refusalJson({ reason: 'unknown-objective' }, 404);
	return json({ years: listBudget(db, objectiveId) });
};

/**
 * Replaces the objective's budget (UdP; monitoring M16): 200 `{years}`. 400 `invalid-input`
 * (fields named), `year-outside-plan` or `year-repeated`; 404 an objective of another plan.
 */
export const PUT: RequestHandler = async (event) => {
	const { db, plan, actor, now } = monitoringContext(event, 'write');
	const objectiveId = objectiveIdParam(event);
	const parsed = budgetInput.safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	const ref = { planId: plan.id, objectiveId };
	const result = saveBudget(db, ref, parsed.data, { userId: actor.userId, now });
	if (!result.ok) return refusalJson(result, refusalStatus(result.reason));
	return json({ years: result.value });
};
