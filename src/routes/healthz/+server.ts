import { json } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** 200 {"status":"ok"} when the database answers, 503 otherwise. */
export const GET: RequestHandler = () => {
	const healthy = getRuntime().database.isHealthy();
	return json(healthy ? { status: 'ok' } : { status: 'unavailable' }, {
		status: healthy ? 200 : 503,
		headers: { 'Cache-Control': 'no-store' }
	});
};
