import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Guest } from '$lib/attendance/guest-session.server';
import { access, type Actor } from '$lib/auth/access';
import type { BoardServices } from '$lib/board/board-commands.server';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import type { Db } from '$lib/server/db/database';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { accountLine } from './minutes-repo.server';

/**
 * Who may do what with an incontro's verbale (SPEC M-V8): the tavolo's
 * facilitators and the UdP edit it and see every version; the participants of
 * that incontro — a guest who joined it, an account on its foglio firme, a
 * member of the tavolo — read the shared and frozen versions. `participantId`
 * is the reader's line on the foglio firme, which commenting needs.
 */
export interface MinutesViewer {
	role: 'editor' | 'reader';
	participantId: string | null;
	userId: number | null;
}

type Verdict = { ok: true; viewer: MinutesViewer } | { ok: false; status: 401 | 403 };

export function minutesViewer(
	db: Db,
	meeting: { id: number; tavoloId: number },
	who: { actor: Actor | null; guest: Guest | null }
): Verdict {
	const { actor, guest } = who;
	if (actor) {
		const line = accountLine(db, meeting.id, actor.userId);
		const viewer = { participantId: line, userId: actor.userId };
		if (access.manageTavolo(actor, meeting.tavoloId))
			return { ok: true, viewer: { ...viewer, role: 'editor' } };
		if (access.viewTavolo(actor, meeting.tavoloId) || line)
			return { ok: true, viewer: { ...viewer, role: 'reader' } };
	}
	if (guest && guest.meetingId === meeting.id)
		return {
			ok: true,
			viewer: { role: 'reader', participantId: guest.attendanceId, userId: null }
		};
	return { ok: false, status: actor || guest ? 403 : 401 };
}

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/**
 * The incontro named by the route and the visitor's standing on its verbale, in
 * the order meetingContext uses: the log-in form (401 on the API), then 404 for
 * no such incontro, then 403.
 */
export function minutesContext(event: Event, editorOnly = false) {
	const { database, clock, boards } = getRuntime();
	if (!event.locals.actor && !event.locals.guest) {
		if (event.url.pathname.startsWith('/api/')) error(401, 'Autenticazione richiesta');
		redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	const row = found(getMeeting(database.db, idParam(event.params.meetingId ?? '')));
	const verdict = minutesViewer(database.db, row.meeting, event.locals);
	if (!verdict.ok || (editorOnly && verdict.viewer.role !== 'editor')) error(403, 'Accesso negato');
	const services: BoardServices = { db: database.db, hub: boards, clock };
	return { ...row, viewer: verdict.viewer, db: database.db, now: clock.now(), services };
}
