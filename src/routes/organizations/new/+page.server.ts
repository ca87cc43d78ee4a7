import { error, redirect } from '@sveltejs/kit';
import { organizationInput } from '$lib/directory/directory';
import { saveOrganization } from '$lib/directory/directory-commands.server';
import { directoryContext } from '$lib/directory/directory-context.server';
import { parseForm } from '$lib/forms/form-data';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { ambito } = directoryContext(event, true);
	if (!ambito) redirect(303, '/ambiti');
	return { ambito };
};

export const actions: Actions = {
	save: async (event) => {
		const { ambito, db, now } = directoryContext(event, true);
		if (!ambito) error(404, 'Not found');
		const parsed = parseForm(organizationInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = saveOrganization(db, ambito.id, null, parsed.data, now);
		if (!result.ok) return reasonFailure('name', result.reason, parsed.data);
		redirect(303, `/organizations/${result.value}`);
	}
};
