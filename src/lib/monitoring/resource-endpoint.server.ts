import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Db } from '$lib/server/db/database';
import { readJson } from '$lib/server/read-json';
import { invalidInputJson, refusalJson, type Result } from '$lib/server/result';
import { liveObjective, type Actor, type ObjectiveRef } from './monitoring-commands.server';
import { monitoringContext, objectiveIdParam, refusalStatus } from './monitoring-context.server';

interface ResourceEndpoint<Body, Line> {
	/** The key of the list in the body and the answer: `actions`, `years`. */
	key: string;
	schema: z.ZodType<Body>;
	save: (db: Db, ref: ObjectiveRef, body: Body, actor: Actor) => Result<Line[], string>;
	list: (db: Db, objectiveId: number) => Line[];
}

/**
 * GET and PUT of one of an objective's lists (actions M15, budget M16): read by whoever may
 * see the plan, replaced whole by the UdP. 200 `{<key>: [...]}`; 400 `invalid-input` (fields
 * named) or the command's reason; 404 an objective not a live one of the plan.
 */
export function resourceEndpoint<Body, Line>(endpoint: ResourceEndpoint<Body, Line>) {
	const GET = (event: RequestEvent) => {
		const { db, plan } = monitoringContext(event, 'read');
		const objectiveId = objectiveIdParam(event);
		if (!liveObjective(db, { planId: plan.id, objectiveId }))
			return refusalJson({ reason: 'unknown-objective' }, 404);
		return json({ [endpoint.key]: endpoint.list(db, objectiveId) });
	};
	const PUT = async (event: RequestEvent) => {
		const { db, plan, actor, now } = monitoringContext(event, 'write');
		const objectiveId = objectiveIdParam(event);
		const parsed = endpoint.schema.safeParse(await readJson(event.request));
		if (!parsed.success) return invalidInputJson(parsed.error);
		const ref = { planId: plan.id, objectiveId };
		const result = endpoint.save(db, ref, parsed.data, { userId: actor.userId, now });
		if (!result.ok) return refusalJson(result, refusalStatus(result.reason));
		return json({ [endpoint.key]: result.value });
	};
	return { GET, PUT };
}
