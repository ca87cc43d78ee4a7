import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { parseForm } from '$lib/forms/form-data';
import { meetingInput } from '$lib/meeting/meeting';
import { saveMeeting } from '$lib/meeting/meeting-commands.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { tavoloContext } from '$lib/tavolo/tavolo-context.server';
import { listSubgroups } from '$lib/tavolo/tavolo-repo.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { tavolo, db } = tavoloContext(event, access.manageTavolo);
	return { tavolo, subgroups: listSubgroups(db, tavolo.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const { tavolo, db, now } = tavoloContext(event, access.manageTavolo);
		const parsed = parseForm(meetingInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = saveMeeting(db, tavolo.id, null, parsed.data, now);
		if (!result.ok) return reasonFailure('subgroupId', result.reason, parsed.data);
		redirect(303, `/meetings/${result.value}`);
	}
};
