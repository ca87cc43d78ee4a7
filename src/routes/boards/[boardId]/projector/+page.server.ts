import { loadBoardPage } from '$lib/live-session/board-page.server';
import type { PageServerLoad } from './$types';

/** The projector view, for the tavolo's facilitators only (403 for everyone else). */
export const load: PageServerLoad = (event) => loadBoardPage(event, true);
