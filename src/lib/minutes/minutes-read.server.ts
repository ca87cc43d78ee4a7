import type { Db } from '$lib/server/db/database';
import type { MinutesViewer } from './minutes-access.server';
import {
	getVersion,
	latestReadableVersion,
	latestVersion,
	type MinutesRow
} from './minutes-repo.server';
import { readableByParticipants, versionStamp } from './minutes-version';

/**
 * Which version a visitor gets (SPEC M-V6, M-V8). Editors get the newest
 * version, draft included, or any version by number; readers the newest shared
 * or frozen one, and never a draft: a draft they may not read is "not found",
 * exactly like a version that does not exist.
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

/** The line under the title of every rendering of a version. */
export const stampOf = (row: MinutesRow) =>
	versionStamp(row.version, row.status, row.frozenAt ?? row.sharedAt ?? row.updatedAt);
