import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
	attendanceOfAccount,
	listAttendance,
	removeAttendance
} from '$lib/attendance/attendance-commands.server';
import { validateGuestToken, GUEST_COOKIE } from '$lib/attendance/guest-session.server';
import { joinWithCode, type JoinRequest } from '$lib/attendance/join.server';
import { attendance } from '$lib/attendance/attendance.schema';
import { users } from '$lib/auth/auth.schema';
import { boardAccess } from '$lib/board/board-access.server';
import { getBoard } from '$lib/board/board-store.server';
import { loadActor } from '$lib/auth/actor.server';
import { addCard, readBoard, setCardText } from '$lib/board/board-doc';
import { boardCards, boards } from '$lib/board/board.schema';
import { mergeParticipants } from '$lib/live-session/participant-merge.server';
import { CloseCode } from '$lib/sync/protocol';
import { roundInput } from '$lib/voting/voting';
import { castBallot } from '$lib/voting/ballot-commands.server';
import { getRound, openRound } from '$lib/voting/round-commands.server';
import { ownBallot, roundProgress } from '$lib/voting/ballot-repo.server';
import {
	changePhase,
	connectClient,
	eventually,
	openOtherBoard,
	startWithTodaysBoard,
	stopTestServer,
	submitCard,
	type TestServer
} from './sync-server';

/**
 * A person is one participant (attendance SPEC J6, J7; voting V10), against
 * real SQLite, a real sync server and real y-websocket clients.
 */
let server: TestServer;
let board: { boardId: string; joinCode: string; meetingId: number };

beforeAll(async () => {
	({ server, board } = await startWithTodaysBoard());
});

afterAll(() => stopTestServer(server));

const db = () => server.services.db;
const sheet = () => listAttendance(db(), board.meetingId);

function join(name: string, from?: JoinRequest['from'], code = board.joinCode) {
	const joined = joinWithCode(
		db(),
		{ code, name, organization: 'Cooperativa Prova', consent: true, from },
		Date.now()
	);
	if (!joined.ok) throw new Error(joined.reason);
	return joined.value;
}

describe('[J6] one participant per browser', () => {
	it('a second join from the same device under the same name gives the same line', () => {
		const before = sheet().length;
		const first = join('Lucia Brambilla', { deviceId: 'device-lucia', guestToken: null });
		const again = join('  lucia BRAMBILLA ', { deviceId: 'device-lucia', guestToken: null });
		expect(again).toMatchObject({ participantId: first.participantId, rejoined: true });
		expect(first.rejoined).toBe(false);
		expect(sheet().length).toBe(before + 1);
		expect(validateGuestToken(db(), again.token, Date.now())?.attendanceId).toBe(
			first.participantId
		);
	});

	it('the guest cookie of this incontro is recognised, and its session kept', () => {
		const first = join('Nadia Pesenti');
		const again = join('Nadia Pesenti', { deviceId: null, guestToken: first.token });
		expect(again).toMatchObject({
			participantId: first.participantId,
			token: first.token,
			expiresAt: first.expiresAt,
			rejoined: true
		});
	});

	it('another name on the same device, or the same name in another browser, is another line', () => {
		const device = { deviceId: 'device-shared', guestToken: null };
		const carlo = join('Carlo Previtali', device);
		const dina = join('Dina Previtali', device);
		expect(dina.participantId).not.toBe(carlo.participantId);
		expect(join('Carlo Previtali', device).participantId).toBe(carlo.participantId);
		const elsewhere = join('Carlo Previtali', { deviceId: 'device-other', guestToken: null });
		expect(elsewhere.participantId).not.toBe(carlo.participantId);
		expect(join('Carlo Previtali').participantId).not.toBe(carlo.participantId);
	});

	it('a line taken off the sheet, or a cookie of another incontro, gives a new line', () => {
		const device = { deviceId: 'device-removed', guestToken: null };
		const removed = join('Ivo Carrara', device);
		removeAttendance(db(), board.meetingId, removed.participantId, Date.now());
		expect(join('Ivo Carrara', device).participantId).not.toBe(removed.participantId);

		const other = openOtherBoard(server, board.meetingId);
		const there = join('Ivo Carrara', undefined, otherCode(other.boardId));
		const here = join('Ivo Carrara', { deviceId: null, guestToken: there.token });
		expect(here.participantId).not.toBe(there.participantId);
		expect(here.meetingId).toBe(board.meetingId);
	});
});

describe('[J6] an account holder signs by opening a live board, and only then', () => {
	const reader = (email: string) =>
		loadActor(db(), db().select().from(users).where(eq(users.email, email)).get()!);
	const open = () => getBoard(db(), board.boardId)!;
	const linesOf = (userId: number) =>
		db()
			.select()
			.from(attendance)
			.where(and(eq(attendance.meetingId, board.meetingId), eq(attendance.userId, userId)))
			.all();

	it('a line taken off the sheet is not given back by reading the board again', () => {
		const actor = reader('osservatore@demo.local');
		const first = boardAccess(db(), open(), { actor, guest: null }, Date.now());
		if (!first.ok) throw new Error('no access');
		const lineId = first.participant.participantId;
		expect(sheet().map((l) => l.id)).toContain(lineId);
		removeAttendance(db(), board.meetingId, lineId, Date.now());
		const again = boardAccess(db(), open(), { actor, guest: null }, Date.now());
		expect(again.ok && again.participant.participantId).toBe(lineId);
		expect(sheet().map((l) => l.id)).not.toContain(lineId);
		expect(linesOf(actor.userId)).toHaveLength(1);
	});

	it('reading a closed board adds nobody to its sheet, and writes no name into it', () => {
		const actor = reader('admin@demo.local');
		const closed = { ...open(), open: false };
		const read = boardAccess(db(), closed, { actor, guest: null }, Date.now());
		expect(read).toMatchObject({ ok: true, participant: { readOnly: true, onSheet: false } });
		expect(linesOf(actor.userId)).toEqual([]);
	});
});

function otherCode(boardId: string): string {
	return db().select().from(boards).where(eq(boards.id, boardId)).get()!.joinCode;
}

describe('[J7] [V10] the facilitator merges two lines of one person', () => {
	it('keeps one line with one ballot (the latest), the cards, the sessions and the devices', async () => {
		const s = server.services;
		const kept = join('Mario Rota', { deviceId: 'device-laptop', guestToken: null });
		const merged = join('Mario Rota', { deviceId: 'device-phone', guestToken: null });
		const cookie = (token: string) => `${GUEST_COOKIE}=${token}`;
		const watcher = connectClient(server, board.boardId, cookie(join('Testimone').token));
		const phone = connectClient(server, board.boardId, cookie(merged.token));
		await Promise.all([watcher.synced, phone.synced]);
		addCard(phone.doc, {
			id: 'phone1',
			kind: 'need',
			text: 'Scritta dal telefono',
			authorId: merged.participantId,
			createdAt: Date.now()
		});
		const http = submitCard(
			s,
			board.boardId,
			{ role: 'participant', participantId: merged.participantId },
			{ kind: 'need', text: 'Scritta via HTTP', target: '', policyAreaId: null }
		);
		if (!http.ok) throw new Error(http.reason);
		await eventually(() =>
			expect(readBoard(watcher.doc).cards.map((c) => c.id)).toContain('phone1')
		);

		const round = openRound(
			s,
			board.boardId,
			roundInput.parse({ method: 'dot', targets: 'cards' })
		);
		if (!round.ok) throw new Error(round.reason);
		const one = { allocations: [{ targetId: 'phone1', points: 1 }] };
		const two = { allocations: [{ targetId: 'phone1', points: 2 }] };
		const t = Date.now();
		expect(castBallot(s.db, round.value, kept.participantId, one, t).ok).toBe(true);
		expect(castBallot(s.db, round.value, merged.participantId, two, t + 1000).ok).toBe(true);
		expect(roundProgress(s.db, round.value).ballots).toBe(2);

		const closed = phone.closed;
		const result = mergeParticipants(s, board.meetingId, {
			from: merged.participantId,
			into: kept.participantId
		});
		expect(result).toEqual({ ok: true, keptId: kept.participantId });
		expect((await closed).code).toBe(CloseCode.merged);

		const lines = sheet().filter((l) => l.name === 'Mario Rota');
		expect(lines.map((l) => l.id)).toEqual([kept.participantId]);
		expect(roundProgress(s.db, round.value).ballots).toBe(1);
		const ballot = ownBallot(s.db, getRound(s.db, round.value)!, kept.participantId);
		expect(ballot).toMatchObject({ ok: true, value: { ballot: two } });

		const authors = () =>
			Object.fromEntries(readBoard(watcher.doc).cards.map((c) => [c.text, c.authorId]));
		await eventually(() => {
			expect(authors()['Scritta dal telefono']).toBe(kept.participantId);
			expect(authors()['Scritta via HTTP']).toBe(kept.participantId);
		});
		const owners = s.db
			.select({ participantId: boardCards.participantId })
			.from(boardCards)
			.where(eq(boardCards.participantId, merged.participantId))
			.all();
		expect(owners).toEqual([]);

		// The phone's session now stands for the kept line, and so does its device.
		expect(validateGuestToken(s.db, merged.token, Date.now())?.attendanceId).toBe(
			kept.participantId
		);
		const rejoined = join('Mario Rota', { deviceId: 'device-phone', guestToken: null });
		expect(rejoined.participantId).toBe(kept.participantId);

		// The phone comes back with the same Yjs document and edits its own card (B5: while collecting).
		changePhase(s, board.boardId, 'collect');
		const back = connectClient(server, board.boardId, cookie(merged.token), phone.doc);
		await back.synced;
		setCardText(phone.doc, 'phone1', 'Scritta dal telefono, corretta');
		await eventually(() =>
			expect(authors()['Scritta dal telefono, corretta']).toBe(kept.participantId)
		);
		for (const c of [watcher, back]) c.provider.destroy();
	});

	it('refuses the same line, a line of another incontro or already merged, two accounts: nothing changes', () => {
		const s = server.services;
		const a = join('Rita Zanga');
		const b = join('Rita Zanga');
		const before = sheet();
		const merge = (from: string, into: string) =>
			mergeParticipants(s, board.meetingId, { from, into });
		expect(merge(a.participantId, a.participantId)).toEqual({ ok: false, reason: 'same-line' });
		expect(merge(a.participantId, 'pnone')).toEqual({
			ok: false,
			reason: 'unknown-line',
			unknown: ['pnone']
		});
		const other = openOtherBoard(server, board.meetingId);
		const foreign = join('Rita Zanga', undefined, otherCode(other.boardId));
		expect(merge(a.participantId, foreign.participantId)).toMatchObject({
			reason: 'unknown-line',
			unknown: [foreign.participantId]
		});
		const account = (email: string) => {
			const user = s.db.select().from(users).where(eq(users.email, email)).get()!;
			return attendanceOfAccount(s.db, board.meetingId, loadActor(s.db, user), Date.now()).id;
		};
		const giulia = account('partecipante@demo.local');
		const marco = account('facilitatore@demo.local');
		const accounts = sheet();
		expect(merge(giulia, marco)).toEqual({ ok: false, reason: 'different-accounts' });
		expect(sheet()).toEqual(accounts);
		expect(before.every((l) => accounts.some((x) => x.id === l.id))).toBe(true);

		expect(merge(b.participantId, a.participantId).ok).toBe(true);
		expect(merge(b.participantId, a.participantId)).toMatchObject({ reason: 'unknown-line' });
	});
});
