import { loadBoardPage } from '$lib/live-session/board-page.server';
import { boardMonitoring } from '$lib/monitoring/board-monitoring.server';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** The projector view, for the tavolo's facilitators only (403 for everyone else). */
export const load: PageServerLoad = async (event) => {
	const page = await loadBoardPage(event, true);
	const { db } = getRuntime().database;
	return { ...page, monitoring: boardMonitoring(db, event, page.meeting.id) };
};
