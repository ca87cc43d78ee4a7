import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { joinInput } from '$lib/attendance/attendance';
import { joinFromBrowser } from '$lib/attendance/join-request.server';
import { parseForm } from '$lib/forms/form-data';

/** The join form: the consent box sends "yes" when ticked and nothing otherwise. */
const joinForm = joinInput.extend({
	consent: z.literal('yes', { error: 'consent_required' }).optional()
});

/**
 * The join form's action, shared by /join and /join/[code]; a second "Entra"
 * finds the same line (SPEC J6); 429 past the join throttle (SPEC J9), with the
 * minutes to wait.
 */
export async function joinAction(event: RequestEvent) {
	const parsed = parseForm(joinForm, await event.request.formData());
	if (!parsed.ok) {
		const text = (key: string) => String(parsed.values[key] ?? '');
		const values = {
			code: text('code'),
			name: text('name'),
			organization: text('organization'),
			consent: parsed.values.consent === 'yes'
		};
		return fail(400, { errors: parsed.errors, values });
	}
	const values = { ...parsed.data, consent: parsed.data.consent === 'yes' };
	if (!values.consent)
		return fail(400, { errors: { consent: 'consent_required' } as Record<string, string>, values });
	const result = joinFromBrowser(event, { ...values, consent: true });
	if (!result.ok && result.reason === 'throttled') {
		event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
		const errors: Record<string, string> = { code: 'too_many_attempts' };
		return fail(429, { errors, values, retryAfterSeconds: result.retryAfterSeconds });
	}
	if (!result.ok)
		return fail(404, { errors: { code: 'unknown_code' } as Record<string, string>, values });
	redirect(303, `/boards/${result.value.boardId}`);
}
