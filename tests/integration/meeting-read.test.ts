import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendance } from '$lib/attendance/attendance.schema';
import { users } from '$lib/auth/auth.schema';
import { submitCard } from '$lib/board/board-cards.server';
import { createCluster, moveCard, readBoard } from '$lib/board/board-doc';
import { meetings } from '$lib/meeting/meeting.schema';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import { generateMinutes } from '$lib/minutes/minutes-commands.server';
import type { Block } from '$lib/minutes/minutes';
import { latestVersion } from '$lib/minutes/minutes-repo.server';
import { getOutcome, submitOutcome } from '$lib/outcomes/outcome-commands.server';
import { loadPlanSummary } from '$lib/plan-objectives/plan-summary.server';
import { roundInput } from '$lib/voting/voting';
import { castBallot } from '$lib/voting/ballot-commands.server';
import { getRound, openRound, setRoundStatus } from '$lib/voting/round-commands.server';
import { promote } from '$lib/voting/priority-commands.server';
import {
	joinAsGuest,
	openTodaysBoard,
	removeDir,
	startTestServer,
	type TestServer
} from './sync-server';

/**
 * [E4] One incontro read three ways — the outcome package, the verbale and the
 * slides — agrees on every rank, tie and count, on a real SQLite file.
 */
let server: TestServer;
let board: { boardId: string; joinCode: string; meetingId: number };

beforeAll(async () => {
	server = await startTestServer();
	board = openTodaysBoard(server);
	const { db, hub } = server.services;
	const join = (name: string, organization: string) =>
		joinAsGuest(server, board.joinCode, name, organization).participantId;
	const anna = join('Anna Verdi', 'Cooperativa Serena');
	const bruno = join('Bruno Neri', 'Comune di Seriate');
	const carla = join('Carla Bianchi', ' cooperativa serena');
	const cards = [
		['need', 'Anziani soli la sera'],
		['need', 'Pochi trasporti verso le visite'],
		['need', 'Caregiver esausti'],
		['problem', 'Nessuno sportello serale'],
		['resource', 'Pasti a domicilio di Auser'],
		['question', 'Chi coordina i volontari?']
	] as const;
	for (const [kind, text] of cards)
		submitCard(
			server.services,
			board.boardId,
			{ role: 'participant', participantId: anna },
			{ kind, text, target: '', policyAreaId: null }
		);
	const room = hub.room(board.boardId)!;
	const id = (text: string) => readBoard(room.doc).cards.find((c) => c.text === text)!.id;
	room.serverChange((doc) => {
		createCluster(doc, { id: 'solitudine', title: 'Solitudine e isolamento', createdAt: 5 });
		createCluster(doc, { id: 'trasporti', title: 'Trasporti sociali', createdAt: 6 });
		createCluster(doc, { id: 'caregiver', title: 'Sostegno ai caregiver', createdAt: 7 });
		moveCard(doc, id('Anziani soli la sera'), 'solitudine');
		moveCard(doc, id('Pochi trasporti verso le visite'), 'trasporti');
		moveCard(doc, id('Caregiver esausti'), 'caregiver');
	});
	const round = openRound(
		server.services,
		board.boardId,
		roundInput.parse({ method: 'dot', targets: 'clusters', budget: 3, cap: 3 })
	);
	if (!round.ok) throw new Error('round');
	const vote = (who: string, s: number, t: number, c: number) =>
		castBallot(
			db,
			round.value,
			who,
			{
				allocations: [
					{ targetId: 'solitudine', points: s },
					{ targetId: 'trasporti', points: t },
					{ targetId: 'caregiver', points: c }
				].filter((a) => a.points > 0)
			},
			Date.now()
		);
	vote(anna, 2, 1, 0);
	vote(bruno, 1, 2, 0);
	vote(carla, 0, 0, 1);
	setRoundStatus(server.services, getRound(db, round.value)!, 'reveal');
	for (const cluster of ['solitudine', 'trasporti'])
		promote(server.services, board.boardId, { type: 'cluster', id: cluster, roundId: round.value });
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

const texts = (blocks: Block[]) =>
	blocks.flatMap((b) =>
		b.type === 'list' ? b.items : b.type === 'table' ? b.rows.flat() : [b.text]
	);

function threeReadings() {
	const { db } = server.services;
	const userId = db.select().from(users).where(eq(users.email, 'facilitatore@demo.local')).get()!
		.id;
	const submitted = submitOutcome(server.services, board.meetingId, userId);
	if (!submitted.ok) throw new Error(submitted.reason);
	const outcome = getOutcome(db, submitted.value.outcomeId)!;
	expect(generateMinutes(server.services, board.meetingId, userId, true).ok).toBe(true);
	const minutes = latestVersion(db, board.meetingId)!.content;
	const section = (key: string) => minutes.sections.find((s) => s.key === key)!.blocks;
	const row = getMeeting(db, board.meetingId)!;
	const tavolo = loadPlanSummary(db, row.planId).tavoli.find((t) => t.id === row.meeting.tavoloId)!;
	return { outcome, section, tavolo };
}

describe('[E4] the outcome, the verbale and the slides of one incontro agree', () => {
	it('on every rank, with the tie written "pari merito" the one way', () => {
		const { outcome, section, tavolo } = threeReadings();
		const fromOutcome = outcome.priorities.map((p) => [
			p.label,
			p.best?.rank,
			p.best?.tied,
			p.best?.score
		]);
		expect(fromOutcome).toEqual([
			['Solitudine e isolamento', 1, true, 3],
			['Trasporti sociali', 1, true, 3]
		]);
		const slides = tavolo.priorities.filter((p) => p.key.startsWith(`${board.meetingId}:`));
		expect(slides.map((p) => [p.label, p.rank, p.tied, p.score])).toEqual(fromOutcome);
		const ranking = section('votes').find((b) => b.type === 'table');
		expect(ranking?.type === 'table' && ranking.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
			['1° posto (pari merito)', 'Solitudine e isolamento', '3'],
			['1° posto (pari merito)', 'Trasporti sociali', '3'],
			['3° posto', 'Sostegno ai caregiver', '1']
		]);
		const decisions = texts(section('decisions'));
		expect(decisions).toContain(
			'«Solitudine e isolamento» (raggruppamento, 1° posto (pari merito) con 3 punti)'
		);
		expect(decisions).toContain(
			'«Trasporti sociali» (raggruppamento, 1° posto (pari merito) con 3 punti)'
		);
		const packaged = outcome.priorities.flatMap((p) => p.votes.map((v) => [p.label, v.rank]));
		expect(packaged).toEqual([
			['Solitudine e isolamento', 1],
			['Trasporti sociali', 1]
		]);
	});

	it('on the needs left for later: needs and problems only, never resources or questions', () => {
		const { outcome, section } = threeReadings();
		const later = ['Caregiver esausti', 'Nessuno sportello serale'];
		expect(outcome.unchosen.map((n) => n.label)).toEqual(later);
		const decisions = section('decisions');
		const i = decisions.findIndex((b) => b.type === 'paragraph' && /non scelti/.test(b.text));
		expect(decisions[i + 1]).toEqual({ type: 'list', ordered: false, items: later });
		expect(texts(decisions).join(' ')).not.toMatch(/Pasti a domicilio|Chi coordina/);
	});

	it('on every count: people, organisations, priorities', () => {
		const { db } = server.services;
		const { outcome, section, tavolo } = threeReadings();
		// The slides count per tavolo: the demo's other incontri of this tavolo must have no one signed.
		const others = db
			.select({ id: attendance.id })
			.from(attendance)
			.innerJoin(meetings, eq(meetings.id, attendance.meetingId))
			.where(
				and(
					eq(meetings.tavoloId, tavolo.id),
					ne(meetings.id, board.meetingId),
					isNull(attendance.removedAt)
				)
			)
			.all();
		expect(others).toEqual([]);
		expect(outcome.attendance).toHaveLength(3);
		expect(tavolo.participation).toMatchObject({ meetings: 1, presences: 3, organizations: 2 });
		expect(texts(section('attendance'))[0]).toBe(
			'Hanno firmato il foglio firme 3 persone di 2 enti.'
		);
		expect(texts(section('votes'))).toContain('Schede di voto: 3.');
		const listed = section('decisions').find((b) => b.type === 'list' && b.ordered);
		expect(listed?.type === 'list' && listed.items).toHaveLength(outcome.priorities.length);
		expect(tavolo.priorities.filter((p) => p.key.startsWith(`${board.meetingId}:`))).toHaveLength(
			outcome.priorities.length
		);
	});
});
