import { error, redirect } from '@sveltejs/kit';
import { personInput } from '$lib/directory/directory';
import { savePerson } from '$lib/directory/directory-commands.server';
import { directoryContext } from '$lib/directory/directory-context.server';
import { listOrganizations } from '$lib/directory/directory-repo.server';
import { parseForm } from '$lib/forms/form-data';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { ambito, db } = directoryContext(event, true);
	if (!ambito) redirect(303, '/ambiti');
	return { ambito, organizations: listOrganizations(db, ambito.id) };
};

export const actions: Actions = {
	save: async (event) => {
		const { ambito, db, now } = directoryContext(event, true);
		if (!ambito) error(404, 'Not found');
		const parsed = parseForm(personInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = savePerson(db, ambito.id, null, parsed.data, now);
		if (!result.ok)
			return reasonFailure(
				result.reason === 'duplicate-email' ? 'email' : 'organizationId',
				result.reason,
				parsed.data
			);
		redirect(303, `/people/${result.value}`);
	}
};
