import { json } from '@sveltejs/kit';
import { monitoringContext } from '$lib/monitoring/monitoring-context.server';
import { planEvaluation } from '$lib/monitoring/monitoring-read.server';
import type { RequestHandler } from './$types';

/**
 * The resoconto degli esiti: every live objective's evaluation grid (monitoring M7). JSON only
 * for now; `docx` and `xlsx` are the next slice, so any other format is a 400.
 */
export const GET: RequestHandler = (event) => {
	const { db, plan } = monitoringContext(event, 'read');
	const format = event.url.searchParams.get('format') ?? 'json';
	if (format !== 'json') return json({ error: 'unsupported-format' }, { status: 400 });
	return json({
		plan: { id: plan.id, title: plan.title, period: plan.period },
		objectives: planEvaluation(db, plan.id)
	});
};
