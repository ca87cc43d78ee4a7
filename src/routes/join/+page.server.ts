import { deviceOf, keepDevice } from '$lib/attendance/device-cookie.server';
import { organizationsForCode } from '$lib/board/join-organizations.server';
import { getRuntime } from '$lib/server/runtime';
import { joinAction } from './join-action.server';
import type { Actions, PageServerLoad } from './$types';

/** The form hands out the device cookie first, so a double "Entra" carries it twice (SPEC J6). */
export const load: PageServerLoad = (event) => {
	keepDevice(event, deviceOf(event));
	const code = event.url.searchParams.get('code') ?? '';
	return { code, organizations: code ? organizationsForCode(getRuntime().database.db, code) : [] };
};

export const actions: Actions = { default: joinAction };
