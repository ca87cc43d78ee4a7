import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { joinInput } from '$lib/attendance/attendance';
import { setGuestCookie } from '$lib/attendance/guest-cookie.server';
import { joinWithCode } from '$lib/attendance/join.server';
import { fieldErrors } from '$lib/forms/form-data';
import { getRuntime } from '$lib/server/runtime';

/** The join form's action, shared by /join and /join/[code]. */
export async function joinAction(event: RequestEvent) {
	const form = await event.request.formData();
	const values = {
		code: String(form.get('code') ?? ''),
		name: String(form.get('name') ?? ''),
		organization: String(form.get('organization') ?? ''),
		consent: form.get('consent') === 'yes'
	};
	const parsed = joinInput.safeParse(values);
	if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error.issues), values });
	const { database, clock } = getRuntime();
	const result = joinWithCode(database.db, parsed.data, clock.now());
	if (!result.ok)
		return fail(404, { errors: { code: 'unknown_code' } as Record<string, string>, values });
	setGuestCookie(event, result.value.token, result.value.expiresAt);
	redirect(303, `/boards/${result.value.boardId}`);
}
