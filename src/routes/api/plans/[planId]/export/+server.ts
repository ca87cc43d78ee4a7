import { error } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import {
	exportFormats,
	renderPlanExport,
	type ExportFormat
} from '$lib/plan-objectives/plan-export.server';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The plan's objectives chapter as DOCX, XLSX, CSV or JSON (our import format). */
export const GET: RequestHandler = async (event) => {
	const planId = Number(event.params.planId);
	requireAccess(event, (a) => Number.isSafeInteger(planId) && access.viewPlan(a, planId));
	const format = event.url.searchParams.get('format') ?? 'json';
	if (!exportFormats.includes(format as ExportFormat)) error(400, 'Formato non supportato');
	const file = await renderPlanExport(getRuntime().database.db, planId, format as ExportFormat);
	if (!file) error(404, 'Not found');
	const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
	return new Response(body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`
		}
	});
};
