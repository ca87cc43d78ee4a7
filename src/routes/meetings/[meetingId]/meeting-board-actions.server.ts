import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { attendanceLineInput } from '$lib/attendance/attendance';
import {
	addAttendance,
	correctAttendance,
	removeAttendance,
	setDelegate
} from '$lib/attendance/attendance-commands.server';
import { refusalStatus } from '$lib/attendance/refusal-status';
import { access } from '$lib/auth/access';
import { boardOfMeeting, openBoard } from '$lib/board/board-commands.server';
import { mergeParticipants } from '$lib/live-session/participant-merge.server';
import { CloseCode } from '$lib/sync/protocol';
import { parseForm } from '$lib/forms/form-data';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { formFailure, readEmptyForm } from '$lib/server/form-failure';
import { getRuntime } from '$lib/server/runtime';
import { tellVoterChanged } from '$lib/voting/round-signals.server';

/**
 * The incontro page's board and foglio firme actions (SPEC J1, J3): facilitators
 * of the tavolo and the UdP only, like the HTTP API they mirror.
 */
const SCOPE = 'attendance';
const lineId = z.object({ id: z.string({ error: 'required' }).trim().min(1).max(40) });
const correction = attendanceLineInput.extend(lineId.shape);
const merge = lineId.extend({ into: lineId.shape.id });
const delegate = lineId.extend({ confirmed: z.enum(['yes', 'no']) });
/** A refused merge or confirmation, as the sheet's error summary shows it, with the API's status. */
const refused = (reason: Parameters<typeof refusalStatus>[0], values: Record<string, unknown>) =>
	fail(refusalStatus(reason), {
		errors: { _form: reason.replaceAll('-', '_') },
		values,
		scope: SCOPE
	});

/** Opens (or reopens) the board and goes to it. */
export async function openBoardAction(event: RequestEvent) {
	const { actor, meeting, db } = meetingContext(event, access.manageTavolo);
	await readEmptyForm(event.request);
	const { boards: hub, clock } = getRuntime();
	const { boardId } = openBoard({ db, hub, clock }, meeting.id, actor.userId);
	redirect(303, `/boards/${boardId}`);
}

/** Someone who signed the paper sheet. */
export async function addAttendanceAction(event: RequestEvent) {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	const parsed = parseForm(attendanceLineInput, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, SCOPE);
	addAttendance(db, meeting.id, { ...parsed.data, source: 'paper', consent: false }, now);
	return { attendanceAdded: true };
}

export async function correctAttendanceAction(event: RequestEvent) {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	const parsed = parseForm(correction, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, SCOPE);
	const { id, ...line } = parsed.data;
	if (!correctAttendance(db, { meetingId: meeting.id, id }, { ...line, now }))
		return fail(404, { errors: { _form: 'not_found' }, values: parsed.data, scope: SCOPE });
	return { attendanceCorrected: true };
}

/** Takes a line off the sheet; the guest's board connections end at once. */
export async function removeAttendanceAction(event: RequestEvent) {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	const parsed = parseForm(lineId, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, SCOPE);
	if (!removeAttendance(db, meeting.id, parsed.data.id, now))
		return fail(404, { errors: { _form: 'not_found' }, values: parsed.data, scope: SCOPE });
	const board = boardOfMeeting(db, meeting.id);
	if (board)
		getRuntime().boards.closeConnections(
			board.id,
			CloseCode.removed,
			'removed from the attendance list',
			parsed.data.id
		);
	return { attendanceRemoved: true };
}

/** SPEC J7: two lines that are one person become the chosen one. */
export async function mergeAttendanceAction(event: RequestEvent) {
	const { meeting, db } = meetingContext(event, access.manageTavolo);
	const parsed = parseForm(merge, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, SCOPE);
	const { boards: hub, clock } = getRuntime();
	const result = mergeParticipants({ db, hub, clock }, meeting.id, {
		from: parsed.data.id,
		into: parsed.data.into
	});
	if (!result.ok) return refused(result.reason, parsed.data);
	return { attendanceMerged: true };
}

/** SPEC J8: confirms a line as its organisation's delegate, or withdraws it. */
export async function delegateAttendanceAction(event: RequestEvent) {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	const parsed = parseForm(delegate, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, SCOPE);
	const confirmed = parsed.data.confirmed === 'yes';
	const result = setDelegate(db, { meetingId: meeting.id, id: parsed.data.id }, { confirmed, now });
	if (!result.ok) return refused(result.reason, parsed.data);
	const { boards: hub, clock } = getRuntime();
	tellVoterChanged({ db, hub, clock }, meeting.id, parsed.data.id);
	return confirmed ? { delegateConfirmed: true } : { delegateWithdrawn: true };
}
