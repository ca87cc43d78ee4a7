import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { joinInput } from '$lib/attendance/attendance';
import { joinFromBrowser } from '$lib/attendance/join-request.server';
import { fieldErrors } from '$lib/forms/form-data';

/** The join form's action, shared by /join and /join/[code]; a second "Entra" finds the same line (SPEC J6). */
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
	const result = joinFromBrowser(event, parsed.data);
	if (!result.ok)
		return fail(404, { errors: { code: 'unknown_code' } as Record<string, string>, values });
	redirect(303, `/boards/${result.value.boardId}`);
}
