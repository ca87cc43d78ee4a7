import { error } from '@sveltejs/kit';
import { minutesContext } from '$lib/minutes/minutes-access.server';
import { minutesFormats, minutesResponse } from '$lib/minutes/minutes-export.server';
import { versionFor } from '$lib/minutes/minutes-read.server';
import type { RequestHandler } from './$types';

/**
 * The verbale as JSON, DOCX or printable HTML (SPEC M-V6, M-V9): facilitators of
 * the tavolo and the UdP get the newest version, draft included; participants of
 * the incontro the newest shared or frozen one (404 until then). `?version=N`
 * picks a version.
 */
export const GET: RequestHandler = (event) => {
	const { meeting, viewer, db } = minutesContext(event);
	const format = event.url.searchParams.get('format') ?? 'json';
	if (!minutesFormats.some((f) => f === format))
		error(400, 'Formato non previsto: json, docx o html');
	const row = versionFor(db, meeting.id, viewer, event.url.searchParams.get('version'));
	if (!row) error(404, 'Verbale non disponibile');
	return minutesResponse(row, format as (typeof minutesFormats)[number]);
};
