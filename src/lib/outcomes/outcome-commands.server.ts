import { and, asc, desc, eq, lt, max } from 'drizzle-orm';
import { listAttendance } from '$lib/attendance/attendance-commands.server';
import { attendance } from '$lib/attendance/attendance.schema';
import { boardOfMeeting, type BoardServices } from '$lib/board/board-commands.server';
import { readBoard, type BoardView, type CardView } from '$lib/board/board-doc';
import { boardPhaseSnapshots } from '$lib/board/board.schema';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import { consistencyIssues } from '$lib/objectives/consistency';
import { readObjectives } from '$lib/objectives/objective-doc';
import { completeness } from '$lib/objectives/objective-template';
import { getPlan } from '$lib/plan/plan-repo.server';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { getTavolo } from '$lib/tavolo/tavolo-repo.server';
import { listPriorities, listRounds } from '$lib/voting/voting-commands.server';
import { roundResults } from '$lib/voting/voting-results.server';
import {
	diffOutcomes,
	type OutcomeNeed,
	type OutcomePackage,
	type SourceNote,
	type VoteSummary
} from './outcome';
import { outcomes } from './outcome.schema';

/** Vote results per item across the board's revealed rounds. */
function votesByTarget(db: Db, boardId: string): Map<string, VoteSummary[]> {
	const votes = new Map<string, VoteSummary[]>();
	for (const round of listRounds(db, boardId)) {
		const results = roundResults(db, round);
		if (!results) continue;
		results.ranking.forEach((r, i) => {
			const list = votes.get(r.targetId) ?? [];
			list.push({
				roundId: round.id,
				method: results.method,
				score: r.score,
				rank: i + 1,
				tied: r.tied,
				bySector: r.bySector
			});
			votes.set(r.targetId, list);
		});
	}
	return votes;
}

type Authors = Map<string, { name: string; organization: string }>;

/** Named cards carry their author from the foglio firme; anonymous ones stay anonymous. */
function noteOf(card: CardView, authors: Authors): SourceNote {
	return {
		id: card.id,
		kind: card.kind,
		text: card.text,
		author: card.authorId ? (authors.get(card.authorId) ?? null) : null,
		...(card.target ? { target: card.target } : {})
	};
}

/** The cards behind an item: a card (with the originals merged into it) or every card of a cluster. */
function notesOf(
	type: 'card' | 'cluster',
	id: string,
	view: BoardView,
	authors: Authors
): SourceNote[] {
	const cards = view.cards.filter((c) =>
		type === 'cluster' ? c.clusterId === id && !c.mergedInto : c.id === id
	);
	return cards.flatMap((c) => [
		noteOf(c, authors),
		...view.cards.filter((o) => o.mergedInto === c.id).map((o) => noteOf(o, authors))
	]);
}

function authorsOf(db: Db, meetingId: number): Authors {
	const lines = db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
	return new Map(lines.map((l) => [l.id, { name: l.name, organization: l.organizationName }]));
}

function labelOf(type: 'card' | 'cluster', id: string, view: BoardView): string {
	return type === 'cluster'
		? (view.clusters.find((c) => c.id === id)?.title ?? '')
		: (view.cards.find((c) => c.id === id)?.text ?? '');
}

/** Assembles the package from the board, the votes and the foglio firme (E1). */
export function buildOutcome(s: BoardServices, meetingId: number): OutcomePackage | undefined {
	const row = getMeeting(s.db, meetingId);
	const board = boardOfMeeting(s.db, meetingId);
	const room = board ? s.hub.room(board.id) : undefined;
	if (!row || !board || !room) return undefined;
	const tavolo = getTavolo(s.db, row.meeting.tavoloId)!;
	const plan = getPlan(s.db, tavolo.planId)!;
	const view = readBoard(room.doc);
	const votes = votesByTarget(s.db, board.id);
	const authors = authorsOf(s.db, meetingId);
	const need = (type: 'card' | 'cluster', id: string): OutcomeNeed => ({
		type,
		id,
		label: labelOf(type, id, view),
		notes: notesOf(type, id, view, authors),
		votes: votes.get(id) ?? []
	});
	const priorities = listPriorities(s.db, board.id).map((p) => need(p.targetType, p.targetId));
	const covered = new Set(priorities.flatMap((p) => p.notes.map((n) => n.id)));
	const objectives = readObjectives(room.doc).map((o) => ({
		id: o.id,
		title: o.title,
		fields: o.fields,
		macroAreas: o.macroAreas,
		keyPoints: o.keyPoints,
		leps: o.leps,
		indicators: o.indicators,
		sources: o.sources.map((src) => ({
			...src,
			notes: notesOf(src.type, src.id, view, authors),
			votes: votes.get(src.id) ?? []
		})),
		completeness: { ...completeness(o), missing: completeness(o).missing.map((f) => f.key) },
		consistency: consistencyIssues(o)
	}));
	for (const o of objectives)
		for (const src of o.sources) for (const n of src.notes) covered.add(n.id);
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
		priorities,
		unchosen: view.cards
			.filter((c) => !c.mergedInto && !covered.has(c.id))
			.map((c) => need('card', c.id)),
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
