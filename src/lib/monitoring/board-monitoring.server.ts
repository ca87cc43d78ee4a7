import type { RequestEvent } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import type { Db } from '$lib/server/db/database';
import { agendaMonitoring } from './meeting-monitoring.server';

/**
 * [M33] The «Monitoraggio» panel of an incontro's board, read when the page loads (it is
 * not board state, so it never enters the Y.Doc): the objectives on the agenda, and the
 * plan to link them to only for a reader who may see the plan (never a guest).
 */
export function boardMonitoring(db: Db, event: Pick<RequestEvent, 'locals'>, meetingId: number) {
	const found = getMeeting(db, meetingId);
	if (!found) return { planId: null, objectives: [] };
	const actor = event.locals.actor;
	const meeting = { id: meetingId, tavoloId: found.meeting.tavoloId, planId: found.planId };
	return {
		planId: actor && access.viewPlan(actor, found.planId) ? found.planId : null,
		objectives: agendaMonitoring(db, meeting)
	};
}
