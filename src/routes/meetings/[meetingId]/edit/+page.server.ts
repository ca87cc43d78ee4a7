import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { parseForm } from '$lib/forms/form-data';
import { meetingInput } from '$lib/meeting/meeting';
import { saveMeeting } from '$lib/meeting/meeting-commands.server';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { listSubgroups } from '$lib/tavolo/tavolo-repo.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { meeting, tavoloName, db } = meetingContext(event, access.manageTavolo);
	return { meeting, tavoloName, subgroups: listSubgroups(db, meeting.tavoloId) };
};

export const actions: Actions = {
	default: async (event) => {
		const { meeting, db, now } = meetingContext(event, access.manageTavolo);
		const parsed = parseForm(meetingInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = saveMeeting(db, meeting.tavoloId, meeting.id, parsed.data, now);
		if (!result.ok)
			return reasonFailure(
				result.reason === 'minutes-approved' ? 'title' : 'subgroupId',
				result.reason,
				parsed.data
			);
		redirect(303, `/meetings/${meeting.id}`);
	}
};
