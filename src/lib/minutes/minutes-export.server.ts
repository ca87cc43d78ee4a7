/** The verbale downloaded (SPEC M-V9): one version as JSON, DOCX or a self-contained HTML page. */
import { json } from '@sveltejs/kit';
import { minutesDocx } from './minutes-docx.server';
import { minutesHtml } from './minutes-html.server';
import { stampOf } from './minutes-read.server';
import type { MinutesRow } from './minutes-repo.server';

export const minutesFormats = ['json', 'docx', 'html'] as const;
export type MinutesFormat = (typeof minutesFormats)[number];

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
