import { json, type RequestEvent } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { setDelegate } from '$lib/attendance/attendance-commands.server';
import { attendanceJson } from '$lib/attendance/attendance-json';
import { refusalStatus } from '$lib/attendance/refusal-status';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { readNoBody } from '$lib/server/read-json';
import { getRuntime } from '$lib/server/runtime';
import { tellVoterChanged } from '$lib/voting/round-signals.server';
import type { RequestHandler } from './$types';

async function delegate(event: RequestEvent, confirmed: boolean) {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	await readNoBody(event.request);
	const id = event.params.attendanceId ?? '';
	const result = setDelegate(db, { meetingId: meeting.id, id }, { confirmed, now });
	if (!result.ok) return json({ error: result.reason }, { status: refusalStatus(result.reason) });
	const { boards: hub, clock } = getRuntime();
	tellVoterChanged({ db, hub, clock }, meeting.id, id);
	return json(attendanceJson(result.value));
}

/**
 * Confirms the line as its organisation's delegate (SPEC J8): it alone reads and
 * writes the organisation's ballot in rounds with one voice per organisation.
 * No body (or `{}`). 200 with the line; 404 `unknown-line`; 409 `no-organization`.
 */
export const PUT: RequestHandler = (event) => delegate(event, true);

/** Withdraws the confirmation: 200 with the line, 404 `unknown-line`. */
export const DELETE: RequestHandler = (event) => delegate(event, false);
