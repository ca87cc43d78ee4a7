import { organizationsForCode } from '$lib/board/join-organizations.server';
import { getRuntime } from '$lib/server/runtime';
import { joinAction } from '../join-action.server';
import type { Actions, PageServerLoad } from './$types';

/** The link and the QR code carry the code, so the form opens already filled in. */
export const load: PageServerLoad = ({ params }) => ({
	code: params.code,
	organizations: organizationsForCode(getRuntime().database.db, params.code)
});

export const actions: Actions = { default: joinAction };
