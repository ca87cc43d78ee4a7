import { loadBoardPage } from '$lib/live-session/board-page.server';
import { boardMonitoring } from '$lib/monitoring/board-monitoring.server';
import { getRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** The live board (SPEC B1-B12, J4): participants, observers and facilitators alike. */
export const load: PageServerLoad = async (event) => {
	const page = await loadBoardPage(event);
	const { db } = getRuntime().database;
	return { ...page, monitoring: boardMonitoring(db, event, page.meeting.id) };
};
