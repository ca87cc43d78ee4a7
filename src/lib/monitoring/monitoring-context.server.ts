import { error, json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { access, type Actor } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { fieldErrors } from '$lib/forms/form-data';
import { getPlan } from '$lib/plan/plan-repo.server';
import { getRuntime } from '$lib/server/runtime';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/**
 * The plan in the URL for a monitoring endpoint (SPEC M9): reading needs the right to
 * see the plan, writing is the UdP's (403 otherwise); an unknown plan is 404 once the
 * role is allowed.
 */
export function monitoringContext(event: Event, mode: 'read' | 'write') {
	const planId = Number(event.params.planId);
	const actor: Actor = requireAccess(event, (a) =>
		mode === 'write'
			? access.manageSetup(a)
			: Number.isSafeInteger(planId) && access.viewPlan(a, planId)
	);
	const { db } = getRuntime().database;
	const plan = Number.isSafeInteger(planId) ? getPlan(db, planId) : undefined;
	if (!plan) error(404, 'Not found');
	return { actor, db, plan, now: getRuntime().clock.now() };
}

/** The objective id in the URL, or 404: a malformed id names nothing. */
export function objectiveIdParam(event: Event): number {
	const id = Number(event.params.objectiveId);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, 'Not found');
	return id;
}

/** 400 `invalid-input` naming each field that is wrong (an unknown key too). */
export const invalidInput = (error: z.ZodError) =>
	json({ error: 'invalid-input', fields: fieldErrors(error.issues) }, { status: 400 });

/** Reason → HTTP status of the monitoring commands: the objective not found, the rest bad input. */
export const refusalStatus = (reason: string) => (reason === 'unknown-objective' ? 404 : 400);
