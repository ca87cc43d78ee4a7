import { json } from '@sveltejs/kit';
import { roundResults } from '$lib/voting/voting-results.server';
import { roundContext } from '$lib/voting/round-context.server';
import type { RequestHandler } from './$types';

/** The aggregate after the reveal; 409 for everyone, facilitators included, before it (V5). */
export const GET: RequestHandler = (event) => {
	const { round, services } = roundContext(event);
	const results = roundResults(services.db, round);
	if (!results) return json({ error: 'not-revealed' }, { status: 409 });
	return json(results);
};
