import { publicResultsTable } from '$lib/monitoring/public-results.server';
import { publishedResults } from '$lib/monitoring/public-page.server';
import { tableCsv } from '$lib/plan-objectives/plan-documents.server';
import type { RequestHandler } from './$types';

/** A published plan's results as CSV, a row per indicator (monitoring SPEC M13), readable logged out. */
export const GET: RequestHandler = ({ params }) =>
	new Response(tableCsv(publicResultsTable(publishedResults(params.slug))), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="risultati-${params.slug}.csv"`
		}
	});
