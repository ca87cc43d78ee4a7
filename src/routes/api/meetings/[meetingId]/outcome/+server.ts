import { json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { listOutcomes, submitOutcome } from '$lib/outcomes/outcome-commands.server';
import { getRuntime } from '$lib/server/runtime';
import { readNoBody } from '$lib/server/read-json';
import type { RequestHandler } from './$types';

/** The versions of this incontro's outcome (members of the tavolo). */
export const GET: RequestHandler = (event) => {
	const { meeting, db } = meetingContext(event, access.viewTavolo);
	return json(
		listOutcomes(db, meeting.id).map((o) => ({
			outcomeId: o.id,
			version: o.version,
			submittedAt: new Date(o.createdAt).toISOString()
		}))
	);
};

/** Submits the outcome package (facilitators): 201 {outcomeId, version}; a resubmission is version 2. */
export const POST: RequestHandler = async (event) => {
	const { actor, meeting, db } = meetingContext(event, access.manageTavolo);
	await readNoBody(event.request);
	const { boards: hub, clock } = getRuntime();
	const result = submitOutcome({ db, hub, clock }, meeting.id, actor.userId);
	if (!result.ok) return json({ error: result.reason }, { status: 409 });
	return json(result.value, { status: 201 });
};
