import { and, eq, ne } from 'drizzle-orm';
import type { BoardServices } from '$lib/board/board-commands.server';
import { changeMeetingStatus } from '$lib/meeting/meeting-commands.server';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import type { MeetingStatus } from '$lib/meeting/meeting-status';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import {
	applyEdit,
	buildMinutes,
	regenerate,
	type CommentInput,
	type MinutesDocument,
	type ReviewedObjectiveRecord,
	type SectionEdit
} from './minutes';
import { gatherMinutesSource } from './minutes-data.server';
import { latestVersion } from './minutes-repo.server';
import { canApply, nextStatus, writeTarget, type StatusAction } from './minutes-version';
import { minutes, minutesComments } from './minutes.schema';

/**
 * The verbale's use cases (SPEC M-V1..M-V7). Every write goes to the open
 * version (draft or shared) or, after a freeze, starts the next version from
 * the frozen text; a frozen row is never updated.
 */
type Written = Result<{ version: number }, 'no-minutes' | 'not-found'>;

function writeVersion(
	db: Db,
	meetingId: number,
	who: { userId: number; now: number },
	make: (base: MinutesDocument | undefined) => MinutesDocument
): { version: number } {
	return inTransaction(db, () => {
		const latest = latestVersion(db, meetingId);
		const target = writeTarget(latest);
		const content = make(latest?.content);
		if (target.isNew) {
			db.insert(minutes)
				.values({
					meetingId,
					version: target.version,
					status: 'draft',
					content,
					createdAt: who.now,
					createdBy: who.userId,
					updatedAt: who.now
				})
				.run();
		} else {
			db.update(minutes)
				.set({ content, updatedAt: who.now })
				.where(and(eq(minutes.id, latest!.id), ne(minutes.status, 'frozen')))
				.run();
		}
		return { version: target.version };
	});
}

/**
 * M-V1, M-V3: generates the draft from the incontro's current data. Sections the
 * facilitator edited are kept unless `overwriteEdited`; after a freeze this is
 * the next version.
 */
export function generateMinutes(
	s: BoardServices,
	meetingId: number,
	userId: number,
	overwriteEdited: boolean,
	/** The plan's objectives reviewed at the incontro, composed by the caller (monitoring M33). */
	reviewed: ReviewedObjectiveRecord[] = []
): Written {
	const source = gatherMinutesSource(s, meetingId);
	if (!source) return { ok: false, reason: 'not-found' };
	const fresh = buildMinutes({ ...source, reviewed });
	const value = writeVersion(s.db, meetingId, { userId, now: s.clock.now() }, (base) =>
		base ? regenerate(base, fresh, overwriteEdited) : fresh
	);
	return { ok: true, value };
}

/** M-V4: replaces one section's body with the facilitator's text. */
export function editMinutes(
	db: Db,
	meetingId: number,
	edit: SectionEdit,
	who: { userId: number; now: number }
): Written {
	if (!latestVersion(db, meetingId)) return { ok: false, reason: 'no-minutes' };
	return { ok: true, value: writeVersion(db, meetingId, who, (base) => applyEdit(base!, edit)) };
}

/** The incontro follows its verbale (meeting SPEC M1): shared, then approved when frozen. */
const meetingPath: Record<StatusAction, Partial<Record<MeetingStatus, MeetingStatus[]>>> = {
	share: { in_progress: ['held', 'minutes_shared'], held: ['minutes_shared'] },
	freeze: { minutes_shared: ['minutes_approved'] }
};

/** M-V5: share a draft, freeze a shared version; the incontro's status follows. */
export function changeMinutesStatus(
	db: Db,
	meetingId: number,
	action: StatusAction,
	who: { userId: number; now: number }
): Result<{ version: number }, 'no-minutes' | 'invalid-transition'> {
	return inTransaction(db, () => {
		const latest = latestVersion(db, meetingId);
		if (!latest) return { ok: false, reason: 'no-minutes' } as const;
		if (!canApply(action, latest.status))
			return { ok: false, reason: 'invalid-transition' } as const;
		const stamp =
			action === 'share' ? { sharedAt: who.now } : { frozenAt: who.now, frozenBy: who.userId };
		db.update(minutes)
			.set({ status: nextStatus[action], updatedAt: who.now, ...stamp })
			.where(eq(minutes.id, latest.id))
			.run();
		const status = getMeeting(db, meetingId)?.meeting.status;
		for (const to of (status && meetingPath[action][status]) ?? [])
			changeMeetingStatus(db, meetingId, to, who.userId, who.now);
		return { ok: true, value: { version: latest.version } } as const;
	});
}

/** M-V7: a participant's comment on the shared version; none once it is frozen. */
export function commentOnMinutes(
	db: Db,
	meetingId: number,
	participantId: string,
	input: CommentInput,
	now: number
): Result<{ id: number }, 'not-shared'> {
	const latest = latestVersion(db, meetingId);
	if (!latest || latest.status !== 'shared') return { ok: false, reason: 'not-shared' };
	const row = db
		.insert(minutesComments)
		.values({ minutesId: latest.id, participantId, ...input, createdAt: now })
		.returning({ id: minutesComments.id })
		.get();
	return { ok: true, value: { id: row.id } };
}

/** SPEC J7: a merged line's comments on the verbale become the kept line's. */
export function reassignComments(db: Db, from: string, into: string): void {
	db.update(minutesComments)
		.set({ participantId: into })
		.where(eq(minutesComments.participantId, from))
		.run();
}
