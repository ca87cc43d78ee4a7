import { asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { listAttendance } from '$lib/attendance/attendance-commands.server';
import type { BoardServices } from '$lib/board/board-commands.server';
import { readBoard } from '$lib/board/board-doc';
import { boardPhaseSnapshots } from '$lib/board/board.schema';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import { agendaItems } from '$lib/meeting/meeting';
import { objectiveFields } from '$lib/objectives/objective-template';
import { authorText, visibleCards, type Authors, type ReadCard } from '$lib/outcomes/meeting-read';
import { loadMeetingRead } from '$lib/outcomes/meeting-read.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import { listMacroAreas } from '$lib/taxonomy/taxonomy-repo.server';
import type { CardRecord, MinutesSource, PhaseRecord } from './minutes';

/**
 * Gathers what the verbale is made from (SPEC M-V1): the incontro, its foglio
 * firme and agenda, and — when it had a board — the board as each phase ended
 * (the phase snapshots) and as it stands, the revealed rounds, the objective
 * cards and the priorities — all from the incontro's read model (outcomes E4),
 * so the verbale says what the outcome says. Undefined for an unknown incontro.
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
		unchosen: [],
		reviewed: []
	};
	const loaded = loadMeetingRead(s, meetingId);
	if (!loaded) return base;
	const { board, read, authors } = loaded;
	const macroAreaNames = new Map(
		listMacroAreas(s.db, plan.taxonomyVersionId).map((a) => [a.code, `${a.code} — ${a.label}`])
	);
	return {
		...base,
		hadBoard: true,
		phases: [
			...snapshotRecords(s.db, board.id, authors),
			phaseRecord(read.cards, read.clusters, {
				phase: loaded.view.meta.phase,
				endedAt: null
			})
		],
		rounds: read.rounds,
		objectives: loaded.objectives.map((o) => ({
			title: o.title,
			fields: objectiveFields.map((f) => ({ label: f.label, value: o.fields[f.key] ?? null })),
			macroAreas: o.macroAreas.map((code) => macroAreaNames.get(code) ?? code),
			sources: o.sources.map((src) => src.label)
		})),
		priorities: read.priorities.map((p) => ({
			label: p.label,
			type: p.type,
			rank: p.best?.rank ?? null,
			tied: p.best?.tied ?? false,
			score: p.best?.score ?? null
		})),
		unchosen: read.unchosen.map((n) => n.label)
	};
}

function phaseRecord(
	cards: readonly ReadCard[],
	clusters: readonly { id: string; title: string }[],
	when: { phase: string; endedAt: number | null }
): PhaseRecord {
	const card = (c: ReadCard): CardRecord => ({
		id: c.id,
		kind: c.kind,
		text: c.text,
		author: c.author ? authorText(c.author) : null
	});
	return {
		...when,
		clusters: clusters.map((cl) => ({
			title: cl.title,
			cards: cards.filter((c) => c.clusterId === cl.id).map(card)
		})),
		loose: cards.filter((c) => c.clusterId === null).map(card)
	};
}

/** Each phase as it ended, decoded from its snapshot and read like the board (E4). */
function snapshotRecords(db: Db, boardId: string, authors: Authors): PhaseRecord[] {
	const snapshots = db
		.select()
		.from(boardPhaseSnapshots)
		.where(eq(boardPhaseSnapshots.boardId, boardId))
		.orderBy(asc(boardPhaseSnapshots.id))
		.all();
	return snapshots.map((snap) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, new Uint8Array(snap.state));
		const view = readBoard(doc);
		doc.destroy();
		return phaseRecord(visibleCards(view, authors), view.clusters, {
			phase: snap.phase,
			endedAt: snap.createdAt
		});
	});
}
