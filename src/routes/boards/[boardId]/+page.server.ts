import { loadBoardPage } from '$lib/live-session/board-page.server';
import type { PageServerLoad } from './$types';

/** The live board (SPEC B1-B12, J4): participants, observers and facilitators alike. */
export const load: PageServerLoad = (event) => loadBoardPage(event);
