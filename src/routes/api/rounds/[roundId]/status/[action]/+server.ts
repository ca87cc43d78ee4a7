import { error, json } from '@sveltejs/kit';
import { roundJson } from '$lib/voting/round-json.server';
import { setRoundStatus } from '$lib/voting/round-commands.server';
import { roundContext } from '$lib/voting/round-context.server';
import { tellRoundStatus } from '$lib/voting/round-signals.server';
import { readNoBody } from '$lib/server/read-json';
import type { RequestHandler } from './$types';

const actions = ['close', 'reopen', 'reveal'] as const;

/**
 * Closes, reopens or reveals a round (facilitators, V5): 409 when the round is
 * not in a state that allows it. Every page of the board hears the new status
 * on its socket, with the results of a reveal (V12).
 */
export const POST: RequestHandler = async (event) => {
	const action = actions.find((a) => a === event.params.action);
	if (!action) error(404, 'Unknown action');
	const { round, participant, services } = roundContext(event, true);
	await readNoBody(event.request);
	const result = setRoundStatus(services, round, action);
	if (!result.ok) return json({ error: result.reason }, { status: 409 });
	tellRoundStatus(services, result.value);
	return json(roundJson(services.db, result.value, participant));
};
