import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { access } from '$lib/auth/access';
import { requireAccess, requireActor } from '$lib/auth/guard.server';
import { periodField } from '$lib/plan/plan';
import { savePlan } from '$lib/plan/plan-commands.server';
import { listAmbiti, listVisiblePlans } from '$lib/plan/plan-repo.server';
import { readJson } from '$lib/server/read-json';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The plans the session may see (rule A3): [{"id","title","period"}]. */
export const GET: RequestHandler = (event) => {
	const actor = requireActor(event);
	const plans = listVisiblePlans(getRuntime().database.db, (id) => access.viewPlan(actor, id));
	return json(plans.map(({ id, title, period, status }) => ({ id, title, period, status })));
};

const newPlan = z.strictObject({
	title: z.string().trim().min(1).max(200),
	period: periodField,
	taxonomyVersion: z.enum(['2025-2027', '2021-2023']),
	/** Optional when the installation has a single Ambito. */
	ambitoId: z.number().int().positive().optional()
});

/** Creates a plan (admin): 201 {"id"}; 400 with the reason (unknown keys too), 415 not JSON, 413 too large. */
export const POST: RequestHandler = async (event) => {
	requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	const parsed = newPlan.safeParse(await readJson(event.request));
	if (!parsed.success)
		return json(
			{
				problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message }))
			},
			{ status: 400 }
		);
	const ambiti = listAmbiti(db);
	const ambitoId = parsed.data.ambitoId ?? (ambiti.length === 1 ? ambiti[0]!.id : undefined);
	if (ambitoId === undefined)
		return json({ problems: [{ field: 'ambitoId', problem: 'ambito-required' }] }, { status: 400 });
	const { title, period, taxonomyVersion } = parsed.data;
	const saved = savePlan(
		db,
		ambitoId,
		null,
		{ title, period, status: 'drafting', taxonomyVersionId: taxonomyVersion },
		getRuntime().clock.now()
	);
	if (!saved.ok) {
		if (saved.reason === 'not-found') error(404, 'Ambito non trovato');
		return json(
			{ problems: [{ field: 'taxonomyVersion', problem: saved.reason }] },
			{ status: 400 }
		);
	}
	return json({ id: saved.value }, { status: 201 });
};
