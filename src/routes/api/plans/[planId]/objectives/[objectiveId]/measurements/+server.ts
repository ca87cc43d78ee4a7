import { json } from '@sveltejs/kit';
import { recordMeasurement } from '$lib/monitoring/monitoring-commands.server';
import {
	monitoringContext,
	objectiveIdParam,
	refusalStatus
} from '$lib/monitoring/monitoring-context.server';
import { measurementInput } from '$lib/monitoring/monitoring-input';
import { readJson } from '$lib/server/read-json';
import { invalidInputJson, refusalJson } from '$lib/server/result';
import type { RequestHandler } from './$types';

/**
 * Records an indicator's value for a period (UdP; monitoring M1–M3, M8): 201 `{id, replaced}`.
 * 400 `invalid-input` (fields named) or the command's reason; 404 an objective of another plan.
 */
export const POST: RequestHandler = async (event) => {
	const { db, plan, actor, now } = monitoringContext(event, 'write');
	const objectiveId = objectiveIdParam(event);
	const parsed = measurementInput.safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	const ref = { planId: plan.id, objectiveId };
	const result = recordMeasurement(db, ref, parsed.data, { userId: actor.userId, now });
	if (!result.ok) return refusalJson(result, refusalStatus(result.reason));
	return json(result.value, { status: 201 });
};
