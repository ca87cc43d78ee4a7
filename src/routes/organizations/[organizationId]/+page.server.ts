import { redirect } from '@sveltejs/kit';
import { organizationInput } from '$lib/directory/directory';
import { saveOrganization } from '$lib/directory/directory-commands.server';
import { directoryContext } from '$lib/directory/directory-context.server';
import { getOrganization, listPeopleOfOrganization } from '$lib/directory/directory-repo.server';
import { parseForm } from '$lib/forms/form-data';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { db, canManage } = directoryContext(event);
	const organization = found(getOrganization(db, idParam(event.params.organizationId)));
	return {
		organization,
		canManage,
		people: listPeopleOfOrganization(db, organization.id).map((p) => ({
			id: p.id,
			fullName: p.fullName,
			jobTitle: p.jobTitle
		}))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { db, now } = directoryContext(event, true);
		const organization = found(getOrganization(db, idParam(event.params.organizationId)));
		const parsed = parseForm(organizationInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = saveOrganization(db, organization.ambitoId, organization.id, parsed.data, now);
		if (!result.ok) return reasonFailure('name', result.reason, parsed.data);
		redirect(303, `/organizations/${organization.id}`);
	}
};
