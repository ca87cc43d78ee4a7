import { error } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { getAttendance } from '$lib/attendance/attendance-commands.server';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { eraseLine } from '$lib/privacy/person-privacy.server';
import { getRuntime } from '$lib/server/runtime';
import { readNoBody } from '$lib/server/read-json';
import type { RequestHandler } from './$types';

/** Erases a participant's name and organisation everywhere (SPEC J5): the UdP only. 204. */
export const POST: RequestHandler = async (event) => {
	const { meeting, db, now } = meetingContext(event, (a) => access.manageSetup(a));
	await readNoBody(event.request);
	if (!getAttendance(db, meeting.id, event.params.attendanceId, { removed: true }))
		error(404, 'Not found');
	eraseLine(db, getRuntime().boards, event.params.attendanceId, now);
	return new Response(null, { status: 204 });
};
