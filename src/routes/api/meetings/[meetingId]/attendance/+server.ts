import { json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { attendanceLineInput } from '$lib/attendance/attendance';
import { addAttendance, listAttendance } from '$lib/attendance/attendance-commands.server';
import { attendanceJson } from '$lib/attendance/attendance-json';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { readJson } from '$lib/server/read-json';
import type { RequestHandler } from './$types';
import { invalidInputJson } from '$lib/server/result';

/** The foglio firme of an incontro (SPEC J3): facilitators of the tavolo and the UdP. */
export const GET: RequestHandler = (event) => {
	const { meeting, db } = meetingContext(event, access.manageTavolo);
	return json(listAttendance(db, meeting.id).map(attendanceJson));
};

/** Adds someone who signed on paper. */
export const POST: RequestHandler = async (event) => {
	const { meeting, db, now } = meetingContext(event, access.manageTavolo);
	const parsed = attendanceLineInput.strict().safeParse(await readJson(event.request));
	if (!parsed.success) return invalidInputJson(parsed.error);
	const line = addAttendance(
		db,
		meeting.id,
		{ ...parsed.data, source: 'paper', consent: false },
		now
	);
	return json(attendanceJson(line), { status: 201 });
};
