import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { access } from '$lib/auth/access';
import { attendanceLineInput } from '$lib/attendance/attendance';
import { correctAttendance, removeAttendance } from '$lib/attendance/attendance-commands.server';
import { attendanceJson } from '$lib/attendance/attendance-json';
import { boardOfMeeting } from '$lib/board/board-commands.server';
import { CloseCode } from '$lib/sync/protocol';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { readJson, readNoBody } from '$lib/server/read-json';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';
import { invalidInputJson } from '$lib/server/result';

/** A correction names what it changes: a field left out keeps its value. */
const linePatch = z
	.strictObject({
		name: attendanceLineInput.shape.name.optional(),
		organization: z.string().trim().max(200, { error: 'too_long' }).optional()
	})
	.refine((p) => p.name !== undefined || p.organization !== undefined, {
		error: 'nothing_to_change'
	});

/**
 * Corrects a line of the foglio firme: {"name"?, "organization"?}, at least
 * one; what is left out stays as it was. 400 invalid-input, 404 not on this sheet.
 */
export const PATCH: RequestHandler = async (event) => {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	const parsed = linePatch.safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	const line = correctAttendance(
		db,
		{ meetingId: meeting.id, id: event.params.attendanceId },
		{ ...parsed.data, now }
	);
	if (!line) error(404, 'Not found');
	return json(attendanceJson(line));
};

/** Takes a line off the foglio firme; a guest's connection to the board ends. */
export const DELETE: RequestHandler = async (event) => {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	await readNoBody(event.request);
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
