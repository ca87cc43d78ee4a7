import { json } from '@sveltejs/kit';
import { roundJson } from '$lib/voting/round-json.server';
import { roundContext } from '$lib/voting/round-context.server';
import type { RequestHandler } from './$types';

/** One round as the session may see it. */
export const GET: RequestHandler = (event) => {
	const { round, participant, services } = roundContext(event);
	return json(roundJson(services.db, round, participant));
};
