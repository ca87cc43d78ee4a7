import { error, json } from '@sveltejs/kit';
import {
	evaluationFormats,
	renderEvaluation,
	type EvaluationFormat
} from '$lib/monitoring/evaluation-files.server';
import { monitoringContext } from '$lib/monitoring/monitoring-context.server';
import { planEvaluation } from '$lib/monitoring/monitoring-read.server';
import type { RequestHandler } from './$types';

/**
 * The resoconto degli esiti: every live objective's evaluation grid (monitoring M7) as
 * JSON, or laid out as the regional grid in a DOCX or XLSX file (M40).
 */
export const GET: RequestHandler = async (event) => {
	const { db, plan } = monitoringContext(event, 'read');
	const format = event.url.searchParams.get('format') ?? 'json';
	if (!evaluationFormats.includes(format as EvaluationFormat))
		return json({ error: 'unsupported-format' }, { status: 400 });
	if (format === 'json')
		return json({
			plan: { id: plan.id, title: plan.title, period: plan.period },
			objectives: planEvaluation(db, plan.id)
		});
	const file = await renderEvaluation(db, plan.id, format as 'docx' | 'xlsx');
	if (!file) error(404, 'Not found');
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`
		}
	});
};
