import { json } from '@sveltejs/kit';
import { saveEvaluation } from '$lib/monitoring/monitoring-commands.server';
import {
	monitoringContext,
	objectiveIdParam,
	refusalStatus
} from '$lib/monitoring/monitoring-context.server';
import { evaluationInput } from '$lib/monitoring/monitoring-input';
import { readJson } from '$lib/server/read-json';
import { invalidInputJson, refusalJson } from '$lib/server/result';
import type { RequestHandler } from './$types';

/**
 * Saves the objective's evaluation grid whole (UdP; monitoring M5–M8): 200 `{grid}` with
 * the bands computed. 400 `invalid-input` (fields named); 404 an objective of another plan.
 */
export const PUT: RequestHandler = async (event) => {
	const { db, plan, actor, now } = monitoringContext(event, 'write');
	const objectiveId = objectiveIdParam(event);
	const parsed = evaluationInput.safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	const ref = { planId: plan.id, objectiveId };
	const result = saveEvaluation(db, ref, parsed.data, { userId: actor.userId, now });
	if (!result.ok) return refusalJson(result, refusalStatus(result.reason));
	return json({ grid: result.value });
};
