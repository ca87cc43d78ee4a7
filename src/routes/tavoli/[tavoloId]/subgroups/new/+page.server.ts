import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { parseForm } from '$lib/forms/form-data';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { subgroupInput } from '$lib/tavolo/tavolo';
import { saveSubgroup } from '$lib/tavolo/tavolo-commands.server';
import { tavoloContext } from '$lib/tavolo/tavolo-context.server';
import { listMembers } from '$lib/tavolo/tavolo-repo.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { tavolo, db } = tavoloContext(event, access.manageTavolo);
	return { tavolo, members: listMembers(db, tavolo.id) };
};

export const actions: Actions = {
	save: async (event) => {
		const { tavolo, db } = tavoloContext(event, access.manageTavolo);
		const parsed = parseForm(subgroupInput, await event.request.formData(), ['personIds']);
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = saveSubgroup(db, tavolo.id, null, parsed.data);
		if (!result.ok) return reasonFailure('personIds', result.reason, parsed.data);
		redirect(303, `/tavoli/${tavolo.id}`);
	}
};
