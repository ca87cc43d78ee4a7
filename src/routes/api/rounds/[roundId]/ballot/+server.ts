import { json } from '@sveltejs/kit';
import { readJson } from '$lib/server/read-json';
import { answerJson } from '$lib/server/live-endpoint';
import { ballotEndpoint } from '$lib/voting/ballot-endpoint.server';
import { refusalStatus } from '$lib/voting/refusal-status';
import { mayVote, ownBallot } from '$lib/voting/ballot-repo.server';
import { roundContext } from '$lib/voting/round-context.server';
import type { RequestHandler } from './$types';

/**
 * One's own ballot (or one's organisation's, for its delegate) and the budget
 * left; 403 `not-delegate` for the other people of an organisation (V4).
 */
export const GET: RequestHandler = (event) => {
	const { round, participant, services } = roundContext(event);
	if (!mayVote(round, participant)) return json({ error: 'not-a-voter' }, { status: 403 });
	const result = ownBallot(services.db, round, participant.writer.participantId);
	if (!result.ok) return json({ error: result.reason }, { status: refusalStatus(result.reason) });
	return json(result.value);
};

/** Replaces one's whole ballot: `ballotEndpoint`, also served by server/live-api.ts. */
export const PUT: RequestHandler = async (event) =>
	answerJson(await ballotEndpoint.answer(event, () => readJson(event.request)));
