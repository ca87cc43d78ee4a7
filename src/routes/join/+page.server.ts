import { organizationsForCode } from '$lib/board/join-organizations.server';
import { getRuntime } from '$lib/server/runtime';
import { joinAction } from './join-action.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const code = url.searchParams.get('code') ?? '';
	return { code, organizations: code ? organizationsForCode(getRuntime().database.db, code) : [] };
};

export const actions: Actions = { default: joinAction };
