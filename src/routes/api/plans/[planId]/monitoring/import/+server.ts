import { json } from '@sveltejs/kit';
import { monitoringContext, uploadedFile } from '$lib/monitoring/monitoring-context.server';
import { importMonitoringSheet } from '$lib/monitoring/monitoring-sheet.server';
import type { RequestHandler } from './$types';

/**
 * A filled monitoring template (UdP; monitoring M25–M27), multipart `file`: 200
 * `{saved, unchanged, skipped}`, or 400 `{error, problems: [{row, reason}]}` with nothing saved.
 */
export const POST: RequestHandler = async (event) => {
	const { db, plan, actor, now } = monitoringContext(event, 'write');
	const upload = await uploadedFile(await event.request.formData());
	if (!upload.ok) return json({ error: upload.reason }, { status: 400 });
	const done = await importMonitoringSheet(db, plan.id, upload.bytes, {
		userId: actor.userId,
		now
	});
	if (!done.ok) return json({ error: done.reason, problems: done.problems ?? [] }, { status: 400 });
	return json({ saved: done.saved, unchanged: done.unchanged, skipped: done.skipped });
};
