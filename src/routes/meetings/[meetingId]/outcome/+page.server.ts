import { access } from '$lib/auth/access';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { outcomePage } from '$lib/outcomes/outcome-page.server';
import type { PageServerLoad } from './$types';

/** The outcome of an incontro, version by version (SPEC E1, E2): anyone who sees the tavolo. */
export const load: PageServerLoad = (event) => {
	const { actor, meeting, tavoloName, planId, db } = meetingContext(event, access.viewTavolo);
	const version = Number(event.url.searchParams.get('version'));
	return {
		meeting: { id: meeting.id, title: meeting.title, tavoloId: meeting.tavoloId },
		tavoloName,
		canManage: access.manageTavolo(actor, meeting.tavoloId),
		...outcomePage(db, meeting.id, planId, Number.isSafeInteger(version) ? version : null)
	};
};
