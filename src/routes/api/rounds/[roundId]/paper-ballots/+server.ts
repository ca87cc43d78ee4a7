import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getAttendance } from '$lib/attendance/attendance-commands.server';
import { fieldErrors } from '$lib/forms/form-data';
import { readJson } from '$lib/server/read-json';
import { refusalStatus } from '$lib/voting/refusal-status';
import { ballotInput } from '$lib/voting/voting';
import { castBallot } from '$lib/voting/ballot-commands.server';
import { roundContext } from '$lib/voting/round-context.server';
import { tellProgress } from '$lib/voting/round-signals.server';
import type { RequestHandler } from './$types';

const paperInput = z
	.object({ attendanceId: z.string().min(1).max(40), ballot: ballotInput })
	.strict();

/**
 * A paper ballot typed in by a facilitator for someone on the foglio firme
 * (V9), marked as such in the results; with one voice per organisation, only
 * for the organisation's delegate (403 `not-delegate`, V4).
 */
export const POST: RequestHandler = async (event) => {
	const { round, board, participant, services } = roundContext(event, true);
	const parsed = paperInput.safeParse(await readJson(event.request));
	if (!parsed.success)
		return json(
			{ error: 'invalid-input', fields: fieldErrors(parsed.error.issues) },
			{ status: 400 }
		);
	if (!getAttendance(services.db, board.meetingId, parsed.data.attendanceId))
		return json({ error: 'not-present' }, { status: 404 });
	const result = castBallot(
		services.db,
		round.id,
		parsed.data.attendanceId,
		parsed.data.ballot,
		services.clock.now(),
		{
			recordedBy: participant.writer.participantId
		}
	);
	if (!result.ok) return json({ error: result.reason }, { status: refusalStatus(result.reason) });
	tellProgress(services, round.boardId, round.id);
	return json(result.value, { status: 201 });
};
