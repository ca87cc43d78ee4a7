import { json } from '@sveltejs/kit';
import type { Db } from '$lib/server/db/database';
import type { MinutesViewer } from './minutes-access.server';
import { minutesDocx } from './minutes-docx.server';
import { minutesHtml } from './minutes-html.server';
import {
	getVersion,
	latestReadableVersion,
	latestVersion,
	type MinutesRow
} from './minutes-repo.server';
import { readableByParticipants, versionStamp } from './minutes-version';

/**
 * Which version a visitor gets, and the file they download (SPEC M-V6, M-V9).
 * Editors get the newest version, draft included, or any version by number;
 * readers the newest shared or frozen one, and never a draft: a draft they may
 * not read is "not found", exactly like a version that does not exist.
 */
export function versionFor(
	db: Db,
	meetingId: number,
	viewer: MinutesViewer,
	requested: string | null
): MinutesRow | undefined {
	const editor = viewer.role === 'editor';
	if (requested === null)
		return editor ? latestVersion(db, meetingId) : latestReadableVersion(db, meetingId);
	const number = /^\d{1,6}$/.test(requested) ? Number(requested) : NaN;
	const row = Number.isSafeInteger(number) ? getVersion(db, meetingId, number) : undefined;
	return row && (editor || readableByParticipants(row.status)) ? row : undefined;
}

export const minutesFormats = ['json', 'docx', 'html'] as const;
export type MinutesFormat = (typeof minutesFormats)[number];

export const stampOf = (row: MinutesRow) =>
	versionStamp(row.version, row.status, row.frozenAt ?? row.sharedAt ?? row.updatedAt);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The JSON shape of a version: its history stamps and the model itself. */
export function minutesJson(row: MinutesRow) {
	return {
		meetingId: row.meetingId,
		version: row.version,
		status: row.status,
		stamp: stampOf(row),
		createdAt: iso(row.createdAt),
		updatedAt: iso(row.updatedAt),
		sharedAt: iso(row.sharedAt),
		frozenAt: iso(row.frozenAt),
		...row.content
	};
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function minutesResponse(row: MinutesRow, format: MinutesFormat): Promise<Response> {
	const name = `verbale-incontro-${row.meetingId}-v${row.version}`;
	if (format === 'json') return json(minutesJson(row));
	if (format === 'docx') {
		const file = await minutesDocx(row.content, stampOf(row));
		return new Response(new Uint8Array(file), {
			headers: {
				'Content-Type': DOCX_TYPE,
				'Content-Disposition': `attachment; filename="${name}.docx"`
			}
		});
	}
	return new Response(minutesHtml(row.content, stampOf(row)), {
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Disposition': `inline; filename="${name}.html"`
		}
	});
}
