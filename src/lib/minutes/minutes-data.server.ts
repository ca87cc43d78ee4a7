import { asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { listAttendance } from '$lib/attendance/attendance-commands.server';
import { attendance } from '$lib/attendance/attendance.schema';
import { boardOfMeeting, type BoardServices } from '$lib/board/board-commands.server';
import { readBoard, type BoardView, type CardView } from '$lib/board/board-doc';
import { boardPhaseSnapshots } from '$lib/board/board.schema';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import { agendaItems } from '$lib/meeting/meeting';
import { objectiveFields } from '$lib/objectives/objective-template';
import { buildOutcome } from '$lib/outcomes/outcome-commands.server';
import type { OutcomePackage } from '$lib/outcomes/outcome';
import { getPlan } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import { listMacroAreas } from '$lib/taxonomy/taxonomy-repo.server';
import { listRounds } from '$lib/voting/voting-commands.server';
import { roundResults } from '$lib/voting/voting-results.server';
import type { MinutesSource, PhaseRecord, RoundRecord } from './minutes';

/**
 * Gathers what the verbale is made from (SPEC M-V1): the incontro, its foglio
 * firme and agenda, and — when it had a board — the board as each phase ended
 * (the phase snapshots) and as it stands, the revealed rounds, and the outcome
 * package's objectives and priorities. Undefined for an unknown incontro.
 */
export function gatherMinutesSource(
	s: BoardServices,
	meetingId: number
): MinutesSource | undefined {
	const row = getMeeting(s.db, meetingId);
	const plan = row ? getPlan(s.db, row.planId) : undefined;
	if (!row || !plan) return undefined;
	const m = row.meeting;
	const base: MinutesSource = {
		meeting: {
			title: m.title,
			date: m.date,
			startTime: m.startTime,
			endTime: m.endTime,
			place: m.place,
			onlineUrl: m.onlineUrl,
			mode: m.mode,
			tavolo: row.tavoloName,
			subgroup: row.subgroupName,
			plan: plan.title
		},
		agenda: agendaItems(m.agenda),
		attendance: listAttendance(s.db, meetingId).map((l) => ({
			name: l.name,
			organization: l.organizationName,
			joinedAt: l.joinedAt,
			source: l.source
		})),
		hadBoard: false,
		phases: [],
		rounds: [],
		objectives: [],
		priorities: [],
		unchosen: []
	};
	const board = boardOfMeeting(s.db, meetingId);
	const room = board ? s.hub.room(board.id) : undefined;
	const outcome = buildOutcome(s, meetingId);
	if (!board || !room || !outcome) return base;
	const macroAreaNames = new Map(
		listMacroAreas(s.db, plan.taxonomyVersionId).map((a) => [a.code, `${a.code} — ${a.label}`])
	);
	return {
		...base,
		hadBoard: true,
		phases: phaseRecords(s.db, board.id, readBoard(room.doc), authorsOf(s.db, meetingId)),
		rounds: roundRecords(s.db, board.id),
		...outcomeRecords(outcome, macroAreaNames)
	};
}

type Authors = Map<string, string>;

/** Removed and erased lines included: their cards still trace to someone, or to no name. */
function authorsOf(db: Db, meetingId: number): Authors {
	const lines = db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
	return new Map(
		lines
			.filter((l) => l.name)
			.map((l) => [l.id, l.organizationName ? `${l.name} (${l.organizationName})` : l.name])
	);
}

function phaseRecord(view: BoardView, phase: string, endedAt: number | null, authors: Authors) {
	const visible = view.cards.filter((c) => !c.mergedInto);
	const card = (c: CardView) => ({
		kind: c.kind,
		text: c.text,
		author: c.authorId ? (authors.get(c.authorId) ?? null) : null
	});
	const clustered = new Set(view.clusters.map((c) => c.id));
	return {
		phase,
		endedAt,
		clusters: view.clusters.map((cl) => ({
			title: cl.title,
			cards: visible.filter((c) => c.clusterId === cl.id).map(card)
		})),
		loose: visible.filter((c) => !c.clusterId || !clustered.has(c.clusterId)).map(card)
	} satisfies PhaseRecord;
}

/** Each phase as it ended (decoded from its snapshot), then the board as it is now. */
function phaseRecords(db: Db, boardId: string, now: BoardView, authors: Authors): PhaseRecord[] {
	const snapshots = db
		.select()
		.from(boardPhaseSnapshots)
		.where(eq(boardPhaseSnapshots.boardId, boardId))
		.orderBy(asc(boardPhaseSnapshots.id))
		.all();
	const records = snapshots.map((snap) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, new Uint8Array(snap.state));
		const record = phaseRecord(readBoard(doc), snap.phase, snap.createdAt, authors);
		doc.destroy();
		return record;
	});
	return [...records, phaseRecord(now, now.meta.phase, null, authors)];
}

/** Revealed rounds only: nobody sees totals before the reveal (voting SPEC V5). */
function roundRecords(db: Db, boardId: string): RoundRecord[] {
	return listRounds(db, boardId).flatMap((round) => {
		const results = roundResults(db, round);
		if (!results) return [];
		const label = (id: string) => (results.labels[id] ?? id).trim();
		return [
			{
				method: results.method,
				criteria: results.criteria,
				ballots: results.ballots,
				paperBallots: results.paperBallots,
				revealedAt: round.revealedAt,
				ranking: results.ranking.map((r) => ({ ...r, label: label(r.targetId) })),
				condorcetWinner: results.condorcetWinner ? label(results.condorcetWinner) : undefined
			}
		];
	});
}

function outcomeRecords(outcome: OutcomePackage, macroAreaNames: Map<string, string>) {
	return {
		objectives: outcome.objectives.map((o) => ({
			title: o.title,
			fields: objectiveFields.map((f) => ({ label: f.label, value: o.fields[f.key] ?? null })),
			macroAreas: o.macroAreas.map((code) => macroAreaNames.get(code) ?? code),
			sources: o.sources.map((src) => src.label)
		})),
		priorities: outcome.priorities.map((p) => {
			const best = p.votes.reduce<(typeof p.votes)[number] | null>(
				(a, v) => (a === null || v.rank < a.rank ? v : a),
				null
			);
			return { label: p.label, type: p.type, rank: best?.rank ?? null, score: best?.score ?? null };
		}),
		unchosen: outcome.unchosen.map((n) => n.label)
	};
}
