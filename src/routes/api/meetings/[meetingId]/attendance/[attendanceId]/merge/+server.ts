import { json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { mergeInput } from '$lib/attendance/attendance';
import { getAttendance } from '$lib/attendance/attendance-commands.server';
import { attendanceJson } from '$lib/attendance/attendance-json';
import { refusalStatus } from '$lib/attendance/refusal-status';
import { mergeParticipants } from '$lib/live-session/participant-merge.server';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { readJson } from '$lib/server/read-json';
import { invalidInputJson, refusalJson } from '$lib/server/result';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * Merges this line into another of the same foglio firme, the same person
 * (SPEC J7): {"into": "<attendanceId>"} → 200 with the kept line. 400
 * `invalid-input` or `same-line`; 404 `unknown-line` (with `unknown`) when either
 * line is not on this incontro's sheet; 409 `different-accounts`.
 */
export const POST: RequestHandler = async (event) => {
	const { meeting, db } = meetingContext(event, access.manageTavolo);
	const parsed = mergeInput.safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	const { boards: hub, clock } = getRuntime();
	const result = mergeParticipants({ db, hub, clock }, meeting.id, {
		from: event.params.attendanceId,
		into: parsed.data.into
	});
	if (!result.ok) return refusalJson(result, refusalStatus(result.reason));
	return json(attendanceJson(getAttendance(db, meeting.id, result.keptId)!));
};
