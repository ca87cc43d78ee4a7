import { error, json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { attendanceLineInput } from '$lib/attendance/attendance';
import {
	correctAttendance,
	getAttendance,
	removeAttendance
} from '$lib/attendance/attendance-commands.server';
import { attendanceJson } from '$lib/attendance/attendance-json';
import { boardOfMeeting } from '$lib/board/board-commands.server';
import { CloseCode } from '$lib/sync/protocol';
import { fieldErrors } from '$lib/forms/form-data';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { readJson } from '$lib/server/read-json';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Corrects a line of the foglio firme (name, organisation). */
export const PATCH: RequestHandler = async (event) => {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	const parsed = attendanceLineInput.safeParse(await readJson(event.request));
	if (!parsed.success)
		return json(
			{ error: 'invalid-input', fields: fieldErrors(parsed.error.issues) },
			{ status: 400 }
		);
	if (!correctAttendance(db, meeting.id, event.params.attendanceId, parsed.data, now))
		error(404, 'Not found');
	return json(attendanceJson(getAttendance(db, meeting.id, event.params.attendanceId)!));
};

/** Takes a line off the foglio firme; a guest's connection to the board ends. */
export const DELETE: RequestHandler = (event) => {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	if (!removeAttendance(db, meeting.id, event.params.attendanceId, now)) error(404, 'Not found');
	const board = boardOfMeeting(db, meeting.id);
	if (board)
		getRuntime().boards.closeConnections(
			board.id,
			CloseCode.removed,
			'removed from the attendance list',
			event.params.attendanceId
		);
	return new Response(null, { status: 204 });
};
