import { error } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { accountabilityCsv } from '$lib/monitoring/decidim-accountability.server';
import {
	exportFormats,
	renderPlanExport,
	type ExportFormat
} from '$lib/plan-objectives/plan-export.server';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

const DECIDIM = 'decidim-accountability';

/**
 * The plan's objectives chapter as DOCX, XLSX, CSV or JSON (our import format), or as
 * the CSV Decidim's Accountability import reads (monitoring SPEC M12).
 */
export const GET: RequestHandler = async (event) => {
	const planId = Number(event.params.planId);
	requireAccess(event, (a) => Number.isSafeInteger(planId) && access.viewPlan(a, planId));
	const format = event.url.searchParams.get('format') ?? 'json';
	const { db } = getRuntime().database;
	if (format === DECIDIM) {
		const csv = accountabilityCsv(db, planId);
		if (csv === undefined) error(404, 'Not found');
		return attachment(csv, 'text/csv; charset=utf-8', `risultati-decidim-${planId}.csv`);
	}
	if (!exportFormats.includes(format as ExportFormat)) error(400, 'Formato non supportato');
	const file = await renderPlanExport(db, planId, format as ExportFormat);
	if (!file) error(404, 'Not found');
	const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
	return attachment(body, file.contentType, file.fileName);
};

function attachment(body: BodyInit, contentType: string, fileName: string) {
	return new Response(body, {
		headers: {
			'content-type': contentType,
			'content-disposition': `attachment; filename="${fileName}"`
		}
	});
}
