import { publishedResults } from '$lib/monitoring/public-page.server';
import type { PageServerLoad } from './$types';

/** A published plan's results page (monitoring SPEC M13), readable logged out. */
export const load: PageServerLoad = ({ params }) => ({
	slug: params.slug,
	results: publishedResults(params.slug)
});
