import { error } from '@sveltejs/kit';
import { todayInRome } from '$lib/meeting/meeting';
import { monitoringContext } from '$lib/monitoring/monitoring-context.server';
import { defaultPeriod } from '$lib/monitoring/monitoring-desk';
import { checkDeskPeriod, deskPeriods } from '$lib/monitoring/monitoring-desk.server';
import { monitoringTemplate } from '$lib/monitoring/monitoring-sheet.server';
import type { RequestHandler } from './$types';

/** [M25] The period's XLSX template (`?period=`, else the current one); 400 for a period not of the plan. */
export const GET: RequestHandler = async (event) => {
	const { db, plan, now } = monitoringContext(event, 'read');
	const asked = event.url.searchParams.get('period');
	const checked = asked === null ? null : checkDeskPeriod(asked, plan);
	if (checked && !checked.ok) error(400, checked.reason);
	const period =
		checked?.period ?? defaultPeriod(deskPeriods(plan), todayInRome(now), plan.monitoringCadence);
	if (!period) error(400, 'period-outside-plan');
	const body = await monitoringTemplate(db, plan, period);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="monitoraggio-${plan.id}-${period}.xlsx"`
		}
	});
};
