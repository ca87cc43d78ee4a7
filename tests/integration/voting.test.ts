import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attendanceOfAccount, setDelegate } from '$lib/attendance/attendance-commands.server';
import { joinWithCode } from '$lib/attendance/join.server';
import { users } from '$lib/auth/auth.schema';
import { loadActor } from '$lib/auth/actor.server';
import { submitCard } from '$lib/board/board-cards.server';
import { addCard, readBoard } from '$lib/board/board-doc';
import { BallotBatch, BUSY_MS } from '$lib/voting/ballot-batch.server';
import { roundInput } from '$lib/voting/voting';
import { castBallot, markDone } from '$lib/voting/ballot-commands.server';
import { demote, listPriorities, promote } from '$lib/voting/priority-commands.server';
import { getRound, listRounds, openRound, setRoundStatus } from '$lib/voting/round-commands.server';
import { ownBallot, roundProgress } from '$lib/voting/ballot-repo.server';
import { roundResults } from '$lib/voting/voting-results.server';
import {
	openOtherBoard,
	openTodaysBoard,
	removeDir,
	startTestServer,
	type TestServer
} from './sync-server';

/** Voting against real SQLite (SPEC V1-V10): budgets, voices, secrecy until the reveal. */
let server: TestServer;
let boardId: string;
let joinCode: string;
let meetingId: number;
let cards: string[];

function guest(name: string, organization: string) {
	const joined = joinWithCode(
		server.services.db,
		{ code: joinCode, name, organization, consent: true },
		Date.now()
	);
	if (!joined.ok) throw new Error('join failed');
	return joined.value.participantId;
}

beforeAll(async () => {
	server = await startTestServer();
	({ boardId, joinCode, meetingId } = openTodaysBoard(server));
	const writer = guest('Scrittrice', 'Cooperativa Universiis');
	for (const text of ['Trasporti', 'Solitudine', 'Caregiver', 'Casa']) {
		const r = submitCard(
			server.services,
			boardId,
			{ role: 'participant', participantId: writer },
			{ kind: 'need', text, target: '', policyAreaId: null }
		);
		if (!r.ok) throw new Error(r.reason);
	}
	cards = readBoard(server.app.hub.room(boardId)!.doc).cards.map((c) => c.id);
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

const dots = (...points: number[]) => ({
	allocations: points
		.map((p, i) => ({ targetId: cards[i]!, points: p }))
		.filter((a) => a.points > 0)
});

function open(options: Record<string, unknown>) {
	const r = openRound(
		server.services,
		boardId,
		roundInput.parse({ method: 'dot', targets: 'cards', ...options })
	);
	if (!r.ok) throw new Error(r.reason);
	return r.value;
}

describe('[V1-V3] a dot round', () => {
	it('moves the board to voting, keeps every ballot within budget and cap, and reveals only the aggregate', () => {
		const roundId = open({ budget: 5, cap: 3 });
		const meta = readBoard(server.app.hub.room(boardId)!.doc).meta;
		expect(meta).toMatchObject({ phase: 'vote', roundId });
		const anna = guest('Anna', 'Cooperativa Serena');
		const now = Date.now();
		expect(castBallot(server.services.db, roundId, anna, dots(3, 2), now)).toMatchObject({
			ok: true,
			value: { remaining: 0 }
		});
		expect(castBallot(server.services.db, roundId, anna, dots(3, 3), now)).toMatchObject({
			ok: false,
			reason: 'over-budget'
		});
		expect(castBallot(server.services.db, roundId, anna, dots(4), now)).toMatchObject({
			ok: false,
			reason: 'over-cap'
		});
		// Fifty replays of full ballots: whatever the order, the stored one is one of them, within budget.
		for (let i = 0; i < 50; i++)
			castBallot(server.services.db, roundId, anna, dots(i % 3, 2, 0, 0), now);
		const stored = ownBallot(server.services.db, getRound(server.services.db, roundId)!, anna);
		expect(stored.ok && stored.value.remaining).toBeGreaterThanOrEqual(0);

		const luca = guest('Luca', 'CSV Bergamo');
		castBallot(server.services.db, roundId, luca, dots(0, 0, 3, 2), now);
		markDone(server.services.db, roundId, luca, true, now);
		expect(roundProgress(server.services.db, roundId)).toEqual({ ballots: 2, done: 1 });

		const round = () => getRound(server.services.db, roundId)!;
		expect(roundResults(server.services.db, round())).toBeNull();
		expect(setRoundStatus(server.services, round(), 'close').ok).toBe(true);
		expect(castBallot(server.services.db, roundId, luca, dots(1), now)).toMatchObject({
			ok: false,
			reason: 'round-closed'
		});
		expect(roundResults(server.services.db, round())).toBeNull();
		expect(setRoundStatus(server.services, round(), 'reveal').ok).toBe(true);
		const results = roundResults(server.services.db, round())!;
		expect(results.ballots).toBe(2);
		expect(results.named).toBeUndefined();
		expect(results.ranking.find((r) => r.targetId === cards[2])?.score).toBe(3);
		expect(readBoard(server.app.hub.room(boardId)!.doc).meta.roundId).toBeNull();
	});
});

describe('[V2] ballots of one event-loop turn share one commit', () => {
	it('stores the valid ones, refuses one over budget with its reason, and a failing one undoes only itself', async () => {
		const roundId = open({ budget: 5, cap: 3 });
		const db = server.services.db;
		const [carla, dario, ester, franco] = ['Carla', 'Dario', 'Ester', 'Franco'].map((name) =>
			guest(`${name} Lotto`, '')
		);
		const now = Date.now();
		const batch = BallotBatch.of(db);
		const sent = [
			batch.cast(roundId, carla!, dots(3, 2), now),
			batch.cast(roundId, dario!, dots(3, 3), now),
			// updated_at is NOT NULL: this ballot's insert throws inside the batch.
			batch.cast(roundId, ester!, dots(1), Number.NaN),
			batch.cast(roundId, franco!, dots(0, 1, 1), now)
		];
		// Nothing is written before the turn ends; the answers wait for the commit.
		expect(roundProgress(db, roundId)).toEqual({ ballots: 0, done: 0 });
		const answers = await Promise.allSettled(sent);
		expect(answers[0]).toMatchObject({ status: 'fulfilled', value: { ok: true } });
		expect(answers[1]).toMatchObject({
			status: 'fulfilled',
			value: { ok: false, reason: 'over-budget' }
		});
		expect(answers[2]!.status).toBe('rejected');
		expect(answers[3]).toMatchObject({
			status: 'fulfilled',
			value: { ok: true, value: { remaining: 3 } }
		});
		expect(roundProgress(db, roundId)).toEqual({ ballots: 2, done: 0 });
		const round = getRound(db, roundId)!;
		const own = (id: string) => {
			const r = ownBallot(db, round, id);
			return r.ok ? r.value.ballot : null;
		};
		expect(own(carla!)).toEqual(dots(3, 2));
		expect(own(franco!)).toEqual(dots(0, 1, 1));
		expect(own(dario!)).toEqual({ allocations: [] });
		expect(own(ester!)).toEqual({ allocations: [] });
	});
});

describe('[V2] group commit: held only while ballots are flowing', () => {
	const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

	it('commits a lone ballot at the end of its turn, and holds the next of a flow for the one after it', async () => {
		const roundId = open({ budget: 5, cap: 3 });
		const db = server.services.db;
		const [gina, ivo, lea] = ['Gina', 'Ivo', 'Lea'].map((name) => guest(`${name} Flusso`, ''));
		const batch = BallotBatch.of(db);
		await new Promise((resolve) => setTimeout(resolve, BUSY_MS + 20));

		let lone = false;
		const first = batch.cast(roundId, gina!, dots(1), Date.now()).then((r) => (lone = r.ok));
		await nextTurn();
		expect(lone).toBe(true);
		await first;

		// A commit just happened: the next ballot waits for company instead of its own fsync.
		const before = batch.commits;
		let held = true;
		const second = batch.cast(roundId, ivo!, dots(2), Date.now()).then((r) => {
			held = false;
			return r;
		});
		await nextTurn();
		expect(held).toBe(true);
		const third = batch.cast(roundId, lea!, dots(0, 1), Date.now());
		expect((await second).ok).toBe(true);
		expect((await third).ok).toBe(true);
		expect(batch.commits).toBe(before + 1);
		expect(roundProgress(db, roundId)).toEqual({ ballots: 3, done: 0 });
	});
});

describe('[V4] one voice per organisation', () => {
	const confirm = (participantId: string) =>
		expect(
			setDelegate(
				server.services.db,
				{ meetingId, id: participantId },
				{ confirmed: true, now: Date.now() }
			).ok
		).toBe(true);

	it('its confirmed delegates share a single ballot and budget; its other people are refused', () => {
		const roundId = open({ budget: 4, cap: 4, voice: 'organization' });
		const first = guest('Prima', 'Fondazione Angelo Custode');
		const second = guest('Seconda', 'Fondazione Angelo Custode');
		const third = guest('Terza', 'fondazione angelo custode ');
		confirm(first);
		confirm(third);
		const now = Date.now();
		expect(castBallot(server.services.db, roundId, first, dots(4), now).ok).toBe(true);
		const round = getRound(server.services.db, roundId)!;
		const refused = { ok: false, reason: 'not-delegate' };
		expect(ownBallot(server.services.db, round, second)).toEqual(refused);
		expect(castBallot(server.services.db, roundId, second, dots(1), now)).toEqual(refused);
		expect(markDone(server.services.db, roundId, second, true, now)).toEqual(refused);
		expect(ownBallot(server.services.db, round, third)).toMatchObject({
			ok: true,
			value: { remaining: 0 }
		});
		castBallot(server.services.db, roundId, third, dots(0, 2, 2), now);
		expect(ownBallot(server.services.db, round, first)).toMatchObject({
			value: { ballot: dots(0, 2, 2) }
		});
		setRoundStatus(server.services, round, 'reveal');
		expect(roundResults(server.services.db, getRound(server.services.db, roundId)!)!.ballots).toBe(
			1
		);
	});

	it('a member of the organisation in the directory is its delegate; typing its name is not enough', () => {
		const roundId = open({ budget: 3, cap: 3, voice: 'organization' });
		const db = server.services.db;
		const user = db.select().from(users).where(eq(users.email, 'partecipante@demo.local')).get()!;
		const giulia = attendanceOfAccount(db, meetingId, loadActor(db, user), Date.now()).id;
		const outsider = guest('Estraneo', 'Cooperativa Universiis');
		const now = Date.now();
		expect(castBallot(db, roundId, giulia, dots(3), now).ok).toBe(true);
		const round = getRound(db, roundId)!;
		expect(ownBallot(db, round, outsider)).toEqual({ ok: false, reason: 'not-delegate' });
		expect(castBallot(db, roundId, outsider, dots(0, 3), now)).toMatchObject({
			reason: 'not-delegate'
		});
		expect(ownBallot(db, round, giulia)).toMatchObject({ value: { ballot: dots(3) } });
		// People without an organisation speak for themselves.
		const loner = guest('Senza Ente', '');
		expect(castBallot(db, roundId, loner, dots(0, 0, 1), now).ok).toBe(true);
		expect(roundProgress(db, roundId).ballots).toBe(2);
		setRoundStatus(server.services, round, 'reveal');
	});
});

describe('[V5] named rounds', () => {
	it('show who chose what only after the reveal', () => {
		const roundId = open({ anonymous: false });
		const maria = guest('Maria', '');
		castBallot(server.services.db, roundId, maria, dots(1), Date.now());
		setRoundStatus(server.services, getRound(server.services.db, roundId)!, 'reveal');
		const named = roundResults(server.services.db, getRound(server.services.db, roundId)!)!.named!;
		expect(named).toEqual([{ name: 'Maria', organization: '', ballot: dots(1), paper: false }]);
	});

	it('a reopened round hides its choices again until revealed', () => {
		const roundId = open({});
		const round = () => getRound(server.services.db, roundId)!;
		setRoundStatus(server.services, round(), 'close');
		expect(setRoundStatus(server.services, round(), 'reopen').ok).toBe(true);
		expect(setRoundStatus(server.services, round(), 'reopen')).toMatchObject({
			ok: false,
			reason: 'invalid-transition'
		});
	});

	it('[V5] one round is open at a time: opening or reopening one closes the other', () => {
		const first = open({});
		const second = open({});
		const status = (id: number) => getRound(server.services.db, id)!.status;
		expect([status(first), status(second)]).toEqual(['closed', 'open']);
		expect(setRoundStatus(server.services, getRound(server.services.db, first)!, 'reopen').ok).toBe(
			true
		);
		expect([status(first), status(second)]).toEqual(['open', 'closed']);
		expect(readBoard(server.app.hub.room(boardId)!.doc).meta.roundId).toBe(first);
		setRoundStatus(server.services, getRound(server.services.db, first)!, 'reveal');
	});
});

describe('[V1] [V7] run-offs and priorities name only this board’s items and rounds', () => {
	it('refuse an unknown item or round, or one of another board, and store nothing', () => {
		const s = server.services;
		const other = openOtherBoard(server, meetingId);
		s.hub
			.room(other.boardId)!
			.serverChange((doc) =>
				addCard(doc, { id: 'theirs', kind: 'need', text: 'Altrove', authorId: null, createdAt: 1 })
			);
		const theirRound = openRound(
			s,
			other.boardId,
			roundInput.parse({ method: 'dot', targets: 'cards' })
		);
		if (!theirRound.ok) throw new Error(theirRound.reason);
		const ours = open({});
		const missing = 999_999;
		const state = () => ({
			rounds: listRounds(s.db, boardId).map((r) => [r.id, r.status]),
			roundId: readBoard(s.hub.room(boardId)!.doc).meta.roundId,
			priorities: listPriorities(s.db, boardId)
		});
		const before = state();

		const runOff = (extra: Record<string, unknown>) =>
			openRound(s, boardId, roundInput.parse({ method: 'dot', targets: 'cards', ...extra }));
		expect(runOff({ targetIds: [cards[0], 'theirs', 'nessuna'] })).toEqual({
			ok: false,
			reason: 'unknown-target',
			unknown: ['theirs', 'nessuna']
		});
		expect(runOff({ targets: 'clusters', targetIds: [cards[0]] })).toMatchObject({
			reason: 'unknown-target'
		});
		for (const runOffOf of [theirRound.value, missing])
			expect(runOff({ targetIds: [cards[0], cards[1]], runOffOf })).toEqual({
				ok: false,
				reason: 'unknown-round',
				unknown: [String(runOffOf)]
			});

		for (const [type, id] of [
			['card', 'theirs'],
			['card', 'nessuna'],
			['cluster', cards[0]!]
		] as const)
			expect(promote(s, boardId, { type, id, roundId: null })).toEqual({
				ok: false,
				reason: 'unknown-target',
				unknown: [id]
			});
		// A round id that does not exist was a foreign-key error (500) before.
		for (const roundId of [missing, theirRound.value])
			expect(promote(s, boardId, { type: 'card', id: cards[0]!, roundId })).toEqual({
				ok: false,
				reason: 'unknown-round',
				unknown: [String(roundId)]
			});
		expect(demote(s.db, boardId, 'card', 'nessuna')).toBe(false);
		expect(state()).toEqual(before);
		expect(listPriorities(s.db, other.boardId)).toEqual([]);

		expect(promote(s, boardId, { type: 'card', id: cards[0]!, roundId: ours })).toEqual({
			ok: true
		});
		expect(listPriorities(s.db, boardId).at(-1)).toMatchObject({
			targetType: 'card',
			targetId: cards[0],
			roundId: ours
		});
		const tie = runOff({ targetIds: [cards[0], cards[1]], runOffOf: ours });
		expect(tie.ok).toBe(true);
		if (tie.ok)
			expect(getRound(s.db, tie.value)!.targets.map((t) => t.id)).toEqual([cards[0], cards[1]]);
	});
});
