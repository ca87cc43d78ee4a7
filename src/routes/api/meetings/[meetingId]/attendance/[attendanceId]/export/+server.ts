import { error, json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { getAttendance } from '$lib/attendance/attendance-commands.server';
import { exportParticipant } from '$lib/attendance/participant-privacy.server';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Everything held about one participant of an incontro (SPEC J5): the UdP only. */
export const GET: RequestHandler = (event) => {
	const { meeting, db } = meetingContext(event, (a) => access.manageSetup(a));
	if (!getAttendance(db, meeting.id, event.params.attendanceId, { removed: true }))
		error(404, 'Not found');
	const data = exportParticipant(db, getRuntime().boards, event.params.attendanceId);
	return json(
		{ exportedAt: new Date().toISOString(), ...data },
		{
			headers: {
				'Content-Disposition': `attachment; filename="partecipante-${event.params.attendanceId}.json"`
			}
		}
	);
};
