import { error, json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { authorize, requireActor } from '$lib/auth/guard.server';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import { getOutcome } from '$lib/outcomes/outcome-commands.server';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** An outcome package with every objective card, its fields and its sources, and what changed since the version before. */
export const GET: RequestHandler = (event) => {
	const actor = requireActor(event);
	const { db } = getRuntime().database;
	const outcome = Number.isSafeInteger(Number(event.params.outcomeId))
		? getOutcome(db, Number(event.params.outcomeId))
		: undefined;
	if (!outcome) error(404, 'Not found');
	const meeting = getMeeting(db, outcome.meetingId);
	authorize(meeting !== undefined && access.viewTavolo(actor, meeting.meeting.tavoloId));
	return json(outcome);
};
