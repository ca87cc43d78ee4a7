import { json } from '@sveltejs/kit';
import { publishedResults } from '$lib/monitoring/public-page.server';
import type { RequestHandler } from './$types';

/** A published plan's results as JSON (monitoring SPEC M13), readable logged out. */
export const GET: RequestHandler = ({ params }) => json(publishedResults(params.slug));
