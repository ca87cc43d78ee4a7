import { json } from '@sveltejs/kit';
import { fieldErrors } from '$lib/forms/form-data';
import { readJson } from '$lib/server/read-json';
import { refusalStatus } from '$lib/voting/refusal-status';
import { ballotInput } from '$lib/voting/voting';
import { BallotBatch } from '$lib/voting/ballot-batch.server';
import { mayVote, ownBallot } from '$lib/voting/ballot-repo.server';
import { roundContext } from '$lib/voting/round-context.server';
import { tellProgress } from '$lib/voting/round-signals.server';
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

/**
 * Replaces one's whole ballot (V2): 200 with the stored ballot and the budget
 * left; 400 with the reason when it breaks the budget, a cap or the method; 409
 * when the round is not open; 403 for those who may not vote, and `not-delegate`
 * for people of an organisation who are not its delegate (V4). Ballots arriving
 * together share one commit (BallotBatch); the answer comes after it.
 */
export const PUT: RequestHandler = async (event) => {
	const { round, participant, services } = roundContext(event);
	if (!mayVote(round, participant)) return json({ error: 'not-a-voter' }, { status: 403 });
	const parsed = ballotInput.safeParse(await readJson(event.request));
	if (!parsed.success)
		return json(
			{ error: 'invalid-input', fields: fieldErrors(parsed.error.issues) },
			{ status: 400 }
		);
	const result = await BallotBatch.of(services.db).cast(
		round.id,
		participant.writer.participantId,
		parsed.data,
		services.clock.now()
	);
	if (!result.ok) return json({ error: result.reason }, { status: refusalStatus(result.reason) });
	tellProgress(services, round.boardId, round.id);
	return json(result.value);
};
