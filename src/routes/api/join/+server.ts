import { json } from '@sveltejs/kit';
import { joinInput } from '$lib/attendance/attendance';
import { setGuestCookie } from '$lib/attendance/guest-cookie.server';
import { joinWithCode } from '$lib/attendance/join.server';
import { fieldErrors } from '$lib/forms/form-data';
import { readJson } from '$lib/server/read-json';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * Joining with the code, for scripts and tests: {"code","name","organization",
 * "consent":true} → 200 with the guest cookie; 404 for a wrong or closed code;
 * 400 without consent or with bad input. No session is created on failure.
 */
export const POST: RequestHandler = async (event) => {
	const parsed = joinInput.safeParse(await readJson(event.request));
	if (!parsed.success) {
		return json(
			{ error: 'invalid-input', fields: fieldErrors(parsed.error.issues) },
			{ status: 400 }
		);
	}
	const { database, clock } = getRuntime();
	const result = joinWithCode(database.db, parsed.data, clock.now());
	if (!result.ok) return json({ error: 'unknown-code' }, { status: 404 });
	const { token, expiresAt, ...joined } = result.value;
	setGuestCookie(event, token, expiresAt);
	return json({
		...joined,
		boardUrl: `/boards/${joined.boardId}`,
		syncUrl: `/sync/${joined.boardId}`
	});
};
