import type { RequestEvent } from '@sveltejs/kit';
import { access, type Actor } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { found, idParam } from '$lib/server/params';
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
	const plan = found(getPlan(db, idParam(event.params.planId ?? '')));
	return { actor, db, plan, now: getRuntime().clock.now() };
}

/** The objective id in the URL, or 404: a malformed id names nothing. */
export const objectiveIdParam = (event: Event): number => idParam(event.params.objectiveId ?? '');

/** Reason → HTTP status of the monitoring commands: the objective not found, the rest bad input. */
export const refusalStatus = (reason: string) => (reason === 'unknown-objective' ? 404 : 400);

/**
 * The one file of an upload form (the desk's XLSX import, page and API): its bytes, or
 * why there are none — a missing or empty file, another field, a second file.
 */
export async function uploadedFile(
	form: FormData
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
	if ([...form.keys()].some((k) => k !== 'file')) return { ok: false, reason: 'unknown-field' };
	const files = form.getAll('file');
	const file = files[0];
	if (files.length !== 1 || !(file instanceof File) || file.size === 0)
		return { ok: false, reason: 'file-required' };
	return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
}
