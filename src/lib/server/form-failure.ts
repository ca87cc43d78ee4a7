import { error, fail } from '@sveltejs/kit';
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

/**
 * The body of a form that is only a button (open the board, share, log out):
 * read like any form (415 when it is not one, 400 for bytes that are not UTF-8),
 * and 400 for any field, which this action would otherwise silently ignore.
 */
export async function readEmptyForm(request: Request): Promise<void> {
	const names = [...new Set((await request.formData()).keys())];
	if (names.length > 0) error(400, `This form takes no fields: ${names.join(', ').slice(0, 200)}`);
}
