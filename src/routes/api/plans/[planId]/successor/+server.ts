import { json } from '@sveltejs/kit';
import { monitoringContext } from '$lib/monitoring/monitoring-context.server';
import { successorInput } from '$lib/monitoring/monitoring-input';
import { createSuccessor } from '$lib/monitoring/successor-commands.server';
import { readJson } from '$lib/server/read-json';
import { invalidInputJson, refusalJson } from '$lib/server/result';
import type { RequestHandler } from './$types';

/**
 * Creates the next plan from this one (UdP; monitoring M41–M44): 201
 * `{id, carried, needsMapping}`. 400 `invalid-input` (fields named), `unknown-taxonomy`,
 * `period-not-after`, `unknown-objective` (with the ids: archived, of another plan, or
 * none); nothing is created on any refusal.
 */
export const POST: RequestHandler = async (event) => {
	const { db, plan, actor, now } = monitoringContext(event, 'write');
	const parsed = successorInput.safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	const result = createSuccessor(db, plan, parsed.data, { userId: actor.userId, now });
	if (!result.ok) return refusalJson(result, 400);
	return json(result.value, { status: 201 });
};
