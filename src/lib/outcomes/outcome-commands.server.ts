import { and, asc, desc, eq, lt, max } from 'drizzle-orm';
import { listAttendance } from '$lib/attendance/attendance-commands.server';
import type { BoardServices } from '$lib/board/board-commands.server';
import { boardPhaseSnapshots } from '$lib/board/board.schema';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import { consistencyIssues } from '$lib/objectives/consistency';
import { completeness } from '$lib/objectives/objective-template';
import { getPlan } from '$lib/plan/plan-repo.server';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { getTavolo } from '$lib/tavolo/tavolo-repo.server';
import { loadMeetingRead } from './meeting-read.server';
import { diffOutcomes, type OutcomePackage } from './outcome';
import { outcomes } from './outcome.schema';

/** Assembles the package from the incontro's read model (E1, E4). */
export function buildOutcome(s: BoardServices, meetingId: number): OutcomePackage | undefined {
	const row = getMeeting(s.db, meetingId);
	const loaded = loadMeetingRead(s, meetingId);
	if (!row || !loaded) return undefined;
	const { board, objectives: drafted, read } = loaded;
	const tavolo = getTavolo(s.db, row.meeting.tavoloId)!;
	const plan = getPlan(s.db, tavolo.planId)!;
	const objectives = drafted.map((o) => {
		const done = completeness(o);
		return {
			id: o.id,
			title: o.title,
			fields: o.fields,
			macroAreas: o.macroAreas,
			keyPoints: o.keyPoints,
			leps: o.leps,
			indicators: o.indicators,
			sources: o.sources.map((src) => {
				const { notes, votes } = read.item(src.type, src.id);
				return { ...src, notes, votes };
			}),
			completeness: { ...done, missing: done.missing.map((f) => f.key) },
			consistency: consistencyIssues(o)
		};
	});
	const m = row.meeting;
	return {
		meeting: {
			id: m.id,
			title: m.title,
			date: m.date,
			place: m.place || m.onlineUrl,
			mode: m.mode,
			tavolo: { id: tavolo.id, name: tavolo.name },
			plan: { id: plan.id, title: plan.title }
		},
		objectives,
		priorities: read.priorities,
		unchosen: read.unchosen,
		attendance: listAttendance(s.db, meetingId).map((l) => ({
			name: l.name,
			organization: l.organizationName,
			source: l.source,
			joinedAt: new Date(l.joinedAt).toISOString()
		})),
		phaseSnapshots: s.db
			.select({
				id: boardPhaseSnapshots.id,
				phase: boardPhaseSnapshots.phase,
				createdAt: boardPhaseSnapshots.createdAt
			})
			.from(boardPhaseSnapshots)
			.where(eq(boardPhaseSnapshots.boardId, board.id))
			.orderBy(asc(boardPhaseSnapshots.id))
			.all()
			.map((p) => ({ ...p, createdAt: new Date(p.createdAt).toISOString() }))
	};
}

/** Submits the outcome as a new immutable version (E2): version 1, then 2... never an overwrite. */
export function submitOutcome(
	s: BoardServices,
	meetingId: number,
	userId: number
): Result<{ outcomeId: number; version: number }, 'no-board'> {
	const content = buildOutcome(s, meetingId);
	if (!content) return { ok: false, reason: 'no-board' };
	return inTransaction(s.db, () => {
		const last = s.db
			.select({ v: max(outcomes.version) })
			.from(outcomes)
			.where(eq(outcomes.meetingId, meetingId))
			.get();
		const version = (last?.v ?? 0) + 1;
		const row = s.db
			.insert(outcomes)
			.values({ meetingId, version, content, createdAt: s.clock.now(), createdBy: userId })
			.returning({ id: outcomes.id })
			.get();
		return { ok: true, value: { outcomeId: row.id, version } } as const;
	});
}

/** An outcome with what changed since the version before it. */
export function getOutcome(db: Db, outcomeId: number) {
	const row = db.select().from(outcomes).where(eq(outcomes.id, outcomeId)).get();
	if (!row) return undefined;
	const previous = db
		.select()
		.from(outcomes)
		.where(and(eq(outcomes.meetingId, row.meetingId), lt(outcomes.version, row.version)))
		.orderBy(desc(outcomes.version))
		.get();
	return {
		outcomeId: row.id,
		meetingId: row.meetingId,
		version: row.version,
		submittedAt: new Date(row.createdAt).toISOString(),
		...row.content,
		changesSincePrevious: previous
			? { version: previous.version, changes: diffOutcomes(previous.content, row.content) }
			: null
	};
}

export function listOutcomes(db: Db, meetingId: number) {
	return db
		.select({ id: outcomes.id, version: outcomes.version, createdAt: outcomes.createdAt })
		.from(outcomes)
		.where(eq(outcomes.meetingId, meetingId))
		.orderBy(desc(outcomes.version))
		.all();
}
