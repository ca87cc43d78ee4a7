import { json } from '@sveltejs/kit';
import { monitoringContext } from '$lib/monitoring/monitoring-context.server';
import { objectivesWithIndicators } from '$lib/monitoring/monitoring-read.server';
import type { RequestHandler } from './$types';

/** The plan's live objectives with their indicators and the ids measurements use (monitoring M2). */
export const GET: RequestHandler = (event) => {
	const { db, plan } = monitoringContext(event, 'read');
	return json(objectivesWithIndicators(db, plan.id));
};
