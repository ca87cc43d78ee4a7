import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '$lib/auth/access';
import { authorize, requireActor } from '$lib/auth/guard.server';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { getMeeting } from './meeting-repo.server';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/**
 * The incontro named by the route once the rule for its tavolo passed (log-in,
 * then 404, then 403), as tavoloContext does for tavoli.
 */
export function meetingContext(event: Event, rule: (actor: Actor, tavoloId: number) => boolean) {
	const actor = requireActor(event);
	const { database, clock } = getRuntime();
	const row = found(getMeeting(database.db, idParam(event.params.meetingId ?? '')));
	authorize(rule(actor, row.meeting.tavoloId));
	return { actor, ...row, db: database.db, now: clock.now() };
}
