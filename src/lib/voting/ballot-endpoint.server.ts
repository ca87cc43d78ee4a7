import type { LiveEndpoint } from '$lib/server/live-endpoint';
import { invalidInput } from '$lib/server/live-endpoint';
import { BallotBatch } from './ballot-batch.server';
import { mayVote } from './ballot-repo.server';
import { refusalStatus } from './refusal-status';
import { roundContext } from './round-context.server';
import { tellProgress } from './round-signals.server';
import { ballotInput } from './voting';

/**
 * `PUT /api/rounds/:roundId/ballot`: replaces one's whole ballot (V2): 200 with
 * the stored ballot and the budget left; 400 with the reason when it breaks the
 * budget, a cap or the method; 409 when the round is not open; 403 for those who
 * may not vote, and `not-delegate` for people of an organisation who are not its
 * delegate (V4). Ballots arriving together share one commit (BallotBatch); the
 * answer comes after it. A live endpoint: one click of a dot is one request.
 */
export const ballotEndpoint: LiveEndpoint = {
	method: 'PUT',
	route: '/api/rounds/[roundId]/ballot',
	path: /^\/api\/rounds\/([^/]+)\/ballot$/,
	params: ['roundId'],
	async answer(event, body) {
		const { round, participant, services } = roundContext(event);
		if (!mayVote(round, participant)) return { status: 403, body: { error: 'not-a-voter' } };
		const parsed = ballotInput.safeParse(await body());
		if (!parsed.success) return invalidInput(parsed.error);
		const result = await BallotBatch.of(services.db).cast(
			round.id,
			participant.writer.participantId,
			parsed.data,
			services.clock.now()
		);
		if (!result.ok) return { status: refusalStatus(result.reason), body: { error: result.reason } };
		tellProgress(services, round.boardId, round.id);
		return { status: 200, body: result.value };
	}
};
