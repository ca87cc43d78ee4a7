import { fail } from '@sveltejs/kit';
import type { FieldErrors } from '$lib/forms/form-data';

/**
 * The one shape a failed form action returns: error codes per field and the
 * values as typed, so the page can show both; `scope` names the form when a page
 * has several. Status 400, nothing saved.
 */
export function formFailure(errors: FieldErrors, values: Record<string, unknown>, scope = '') {
	return fail(400, { errors, values, scope });
}

/** A command's failure reason on one field: 'duplicate-name' → error code 'duplicate_name'. */
export function reasonFailure(
	field: string,
	reason: string,
	values: Record<string, unknown>,
	scope = ''
) {
	return formFailure({ [field]: reason.replaceAll('-', '_') }, values, scope);
}
