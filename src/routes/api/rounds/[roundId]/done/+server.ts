import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { readJson } from '$lib/server/read-json';
import { refusalStatus } from '$lib/voting/refusal-status';
import { markDone } from '$lib/voting/ballot-commands.server';
import { mayVote } from '$lib/voting/ballot-repo.server';
import { roundContext } from '$lib/voting/round-context.server';
import { tellProgress } from '$lib/voting/round-signals.server';
import type { RequestHandler } from './$types';

const doneInput = z.object({ done: z.boolean() }).strict();

/** "Ho finito" (or "non ancora"): the facilitator sees the count, not the choices. */
export const POST: RequestHandler = async (event) => {
	const { round, participant, services } = roundContext(event);
	if (!mayVote(round, participant)) return json({ error: 'not-a-voter' }, { status: 403 });
	const parsed = doneInput.safeParse(await readJson(event.request));
	if (!parsed.success) return json({ error: 'invalid-input' }, { status: 400 });
	const result = markDone(
		services.db,
		round.id,
		participant.writer.participantId,
		parsed.data.done,
		services.clock.now()
	);
	if (!result.ok) return json({ error: result.reason }, { status: refusalStatus(result.reason) });
	tellProgress(services, round.boardId, round.id);
	return json({ done: parsed.data.done });
};
