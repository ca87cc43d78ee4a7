import { error } from '@sveltejs/kit';
import { minutesContext } from '$lib/minutes/minutes-access.server';
import { stampOf, versionFor } from '$lib/minutes/minutes-read.server';
import type { PageServerLoad } from './$types';

/** The printable verbale (SPEC M-V9): the same versions as the API, 404 until one is readable. */
export const load: PageServerLoad = (event) => {
	const { meeting, viewer, db } = minutesContext(event);
	const row = versionFor(db, meeting.id, viewer, event.url.searchParams.get('version'));
	if (!row) error(404, 'Verbale non disponibile');
	return {
		meetingId: meeting.id,
		version: row.version,
		content: row.content,
		stamp: stampOf(row)
	};
};
