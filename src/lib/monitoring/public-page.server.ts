import { error } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import { publishedPlanId } from './publication.server';
import { publicResults } from './public-results.server';

/**
 * [M13] The results a public URL names: 404 alike for an unknown slug and for a plan
 * not (or no longer) published, so the answer never tells that a plan exists.
 */
export function publishedResults(slug: string) {
	const { db } = getRuntime().database;
	const planId = publishedPlanId(db, slug);
	const results = planId === undefined ? undefined : publicResults(db, planId);
	if (!results) error(404, 'Not found');
	return results;
}
