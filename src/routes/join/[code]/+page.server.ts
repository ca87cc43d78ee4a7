import { deviceOf, keepDevice } from '$lib/attendance/device-cookie.server';
import { organizationsForCode } from '$lib/board/join-organizations.server';
import { getRuntime } from '$lib/server/runtime';
import { joinAction } from '../join-action.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * The link and the QR code carry the code, so the form opens already filled in;
 * the device cookie comes with it, so a double "Entra" carries it twice (SPEC J6).
 */
export const load: PageServerLoad = (event) => {
	keepDevice(event, deviceOf(event));
	return {
		code: event.params.code,
		organizations: organizationsForCode(getRuntime().database.db, event.params.code)
	};
};

export const actions: Actions = { default: joinAction };
