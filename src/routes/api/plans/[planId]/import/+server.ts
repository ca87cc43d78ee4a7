import { error, json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { importObjectivesJson } from '$lib/plan-objectives/plan-import.server';
import { readJsonText } from '$lib/server/read-json';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * Objectives into a plan, from our JSON export or the domain fixtures' format
 * (detected): 200 with a summary, or 400 with every problem (path and reason)
 * and nothing saved. 404 unknown plan, 415 not JSON, 413 too large.
 */
export const POST: RequestHandler = async (event) => {
	const actor = requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	const planId = Number(event.params.planId);
	if (!Number.isSafeInteger(planId) || !getPlan(db, planId)) error(404, 'Not found');
	const text = await readJsonText(event.request); // 415 not JSON, 413 over BODY_SIZE_LIMIT
	const now = getRuntime().clock.now();
	const result = importObjectivesJson(db, planId, text, actor.userId, now);
	if (!result.ok) return json({ problems: result.problems }, { status: 400 });
	return json({ imported: result.imported, policyAreasCreated: result.policyAreasCreated });
};
