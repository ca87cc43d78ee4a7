import { json } from '@sveltejs/kit';
import { checkPeriod } from '$lib/monitoring/monitoring';
import { monitoringContext } from '$lib/monitoring/monitoring-context.server';
import { monitoringOfPeriod } from '$lib/monitoring/monitoring-read.server';
import type { RequestHandler } from './$types';

/**
 * A period's monitoring (monitoring M10): per objective, each indicator's latest value up to
 * `period`, its progress (or null) and the indicators missing in that period. 400 for a
 * missing, malformed or out-of-plan period.
 */
export const GET: RequestHandler = (event) => {
	const { db, plan } = monitoringContext(event, 'read');
	const period = checkPeriod(
		event.url.searchParams.get('period') ?? '',
		plan.period,
		plan.monitoringCadence
	);
	if (!period.ok) return json({ error: period.reason }, { status: 400 });
	return json({
		period: period.period,
		objectives: monitoringOfPeriod(db, plan.id, period.period)
	});
};
