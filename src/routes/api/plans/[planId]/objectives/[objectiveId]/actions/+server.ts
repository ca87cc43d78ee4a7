import { json } from '@sveltejs/kit';
import {
	monitoringContext,
	objectiveIdParam,
	refusalStatus
} from '$lib/monitoring/monitoring-context.server';
import { actionsInput } from '$lib/monitoring/monitoring-input';
import { liveObjective } from '$lib/monitoring/monitoring-commands.server';
import { saveActions } from '$lib/monitoring/resources-commands.server';
import { listActions } from '$lib/monitoring/resources-read.server';
import { readJson } from '$lib/server/read-json';
import { invalidInputJson, refusalJson } from '$lib/server/result';
import type { RequestHandler } from './$types';

/** The objective's actions in order (whoever may see the plan; monitoring M15): `{actions}`. 404 elsewhere. */
export const GET: RequestHandler = (event) => {
	const { db, plan } = monitoringContext(event, 'read');
	const objectiveId = objectiveIdParam(event);
	if (!liveObjective(db, { planId: plan.id, objectiveId }))
		return refusalJson({ reason: 'unknown-objective' }, 404);
	return json({ actions: listActions(db, objectiveId) });
};

/**
 * Replaces the objective's actions (UdP; monitoring M15): 200 `{actions}`. 400
 * `invalid-input` (fields named) or `date-outside-plan`; 404 an objective of another plan.
 */
export const PUT: RequestHandler = async (event) => {
	const { db, plan, actor, now } = monitoringContext(event, 'write');
	const objectiveId = objectiveIdParam(event);
	const parsed = actionsInput.safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	const ref = { planId: plan.id, objectiveId };
	const result = saveActions(db, ref, parsed.data, { userId: actor.userId, now });
	if (!result.ok) return refusalJson(result, refusalStatus(result.reason));
	return json({ actions: result.value });
};
