import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttendance } from '$lib/attendance/attendance-commands.server';
import { exportParticipant } from '$lib/attendance/participant-privacy.server';
import type { Guest } from '$lib/attendance/guest-session.server';
import { users } from '$lib/auth/auth.schema';
import { loadActor } from '$lib/auth/actor.server';
import { changePhase } from '$lib/board/board-commands.server';
import { submitCard } from '$lib/board/board-cards.server';
import { createCluster, moveCard, readBoard } from '$lib/board/board-doc';
import { meetings } from '$lib/meeting/meeting.schema';
import { minutesViewer } from '$lib/minutes/minutes-access.server';
import {
	changeMinutesStatus,
	commentOnMinutes,
	editMinutes,
	generateMinutes
} from '$lib/minutes/minutes-commands.server';
import { minutesDocx } from '$lib/minutes/minutes-docx.server';
import { stampOf, versionFor } from '$lib/minutes/minutes-read.server';
import { getVersion, latestVersion, listComments } from '$lib/minutes/minutes-repo.server';
import { minutes } from '$lib/minutes/minutes.schema';
import { createObjectiveFrom } from '$lib/objectives/objective-commands.server';
import { setObjectiveText } from '$lib/objectives/objective-doc';
import { roundInput } from '$lib/voting/voting';
import { convertToPdf } from '../support/libreoffice';
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
 * [M-V1..M-V9] The verbale of a demo incontro with a foglio firme and a revealed
 * vote: generated, edited, shared, commented, frozen, versioned, and exported as
 * a DOCX that LibreOffice converts to PDF.
 */
let server: TestServer;
let board: { boardId: string; joinCode: string; meetingId: number };
let facilitatorId: number;
const now = () => Date.now();
let anna: string;

function joinMeeting(name: string, organization: string) {
	return joinAsGuest(server, board.joinCode, name, organization).participantId;
}

function account(email: string) {
	const db = server.services.db;
	return loadActor(db, db.select().from(users).where(eq(users.email, email)).get()!);
}

beforeAll(async () => {
	server = await startTestServer();
	board = openTodaysBoard(server);
	const { db, hub } = server.services;
	facilitatorId = account('facilitatore@demo.local').userId;
	anna = joinMeeting('Anna Verdi', 'Cooperativa Serena');
	const bruno = joinMeeting('Bruno Neri', 'Comune di Seriate');
	addAttendance(
		db,
		board.meetingId,
		{ name: 'Carla Bianchi', organization: 'Auser', source: 'paper', consent: true },
		now()
	);
	for (const text of ['Anziani soli la sera', 'Pochi trasporti verso le visite'])
		submitCard(
			server.services,
			board.boardId,
			{ role: 'participant', participantId: anna },
			{ kind: 'need', text, target: '', policyAreaId: null }
		);
	const room = hub.room(board.boardId)!;
	const [c1, c2] = readBoard(room.doc).cards.map((c) => c.id);
	room.serverChange((doc) => {
		createCluster(doc, { id: 'solitudine', title: 'Solitudine e isolamento', createdAt: 5 });
		createCluster(doc, { id: 'trasporti', title: 'Trasporti sociali', createdAt: 6 });
		moveCard(doc, c1!, 'solitudine');
		moveCard(doc, c2!, 'trasporti');
	});
	const round = openRound(
		server.services,
		board.boardId,
		roundInput.parse({ method: 'dot', targets: 'clusters', budget: 3, cap: 3 })
	);
	if (!round.ok) throw new Error('round');
	const vote = (who: string, solitudine: number, trasporti: number) =>
		castBallot(
			db,
			round.value,
			who,
			{
				allocations: [
					{ targetId: 'solitudine', points: solitudine },
					{ targetId: 'trasporti', points: trasporti }
				]
			},
			now()
		);
	vote(anna, 2, 1);
	vote(bruno, 3, 0);
	setRoundStatus(server.services, getRound(db, round.value)!, 'reveal');
	promote(server.services, board.boardId, {
		type: 'cluster',
		id: 'solitudine',
		roundId: round.value
	});
	changePhase(server.services, board.boardId, 'draft');
	const objective = createObjectiveFrom(server.services, board.boardId, {
		type: 'cluster',
		id: 'solitudine'
	});
	if (!objective.ok) throw new Error(objective.reason);
	room.serverChange((doc) =>
		setObjectiveText(doc, objective.value, 'objectives', 'Compagnia serale a domicilio')
	);
	// A second round that is never revealed: its totals must not reach the verbale.
	const hidden = openRound(
		server.services,
		board.boardId,
		roundInput.parse({ method: 'dot', targets: 'clusters', budget: 2, cap: 2 })
	);
	if (!hidden.ok) throw new Error('hidden round');
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

const text = (meetingId: number) =>
	JSON.stringify(latestVersion(server.services.db, meetingId)!.content);

describe('[M-V1, M-V2] the draft generated from the incontro', () => {
	it('has the foglio firme, the board by cluster and only the revealed vote results', () => {
		const result = generateMinutes(server.services, board.meetingId, facilitatorId, false);
		expect(result).toEqual({ ok: true, value: { version: 1 } });
		const row = latestVersion(server.services.db, board.meetingId)!;
		expect(row.status).toBe('draft');
		const keys = row.content.sections.map((s) => s.key);
		expect(keys).toEqual([
			'info',
			'attendance',
			'agenda',
			'phases',
			'votes',
			'objectives',
			'decisions'
		]);
		const all = text(board.meetingId);
		for (const name of ['Anna Verdi', 'Bruno Neri', 'Carla Bianchi', 'Auser']) {
			expect(all).toContain(name);
		}
		expect(all).toContain('Solitudine e isolamento');
		expect(all).toContain('Anziani soli la sera');
		expect(all).toContain('Votazione n. 1');
		expect(all).not.toContain('Votazione n. 2');
		const votes = row.content.sections.find((s) => s.key === 'votes')!;
		const table = votes.blocks.find((b) => b.type === 'table');
		expect(table && table.type === 'table' && table.rows.map((r) => [r[1], r[2]])).toEqual([
			['Solitudine e isolamento', '5'],
			['Trasporti sociali', '1']
		]);
	});

	it('has the objective card drafted from the priority, and the decisions', () => {
		const row = latestVersion(server.services.db, board.meetingId)!;
		const section = (key: string) =>
			JSON.stringify(row.content.sections.find((s) => s.key === key)!.blocks);
		expect(section('objectives')).toContain('Solitudine e isolamento');
		expect(section('objectives')).toContain('Compagnia serale a domicilio');
		expect(section('decisions')).toContain('«Solitudine e isolamento» (raggruppamento, 1° posto');
		expect(section('phases')).toContain('Votazione — fase conclusa');
	});
});

describe('[M-V3..M-V7] edit, share, comment, freeze, next version', () => {
	const who = () => ({ userId: facilitatorId, now: now() });

	it('keeps a hand-edited section when regenerating, unless asked', () => {
		const db = server.services.db;
		editMinutes(
			db,
			board.meetingId,
			{ section: 'decisions', text: 'Si decide di proseguire.' },
			who()
		);
		generateMinutes(server.services, board.meetingId, facilitatorId, false);
		expect(text(board.meetingId)).toContain('Si decide di proseguire.');
		expect(latestVersion(db, board.meetingId)!.version).toBe(1);
	});

	it('lets participants comment only on a shared version, and freezes it for good', () => {
		const db = server.services.db;
		const section = { section: 'votes' as const, text: 'Manca il mio voto' };
		expect(commentOnMinutes(db, board.meetingId, anna, section, now())).toEqual({
			ok: false,
			reason: 'not-shared'
		});
		expect(changeMinutesStatus(db, board.meetingId, 'freeze', who())).toEqual({
			ok: false,
			reason: 'invalid-transition'
		});
		expect(changeMinutesStatus(db, board.meetingId, 'share', who()).ok).toBe(true);
		expect(commentOnMinutes(db, board.meetingId, anna, section, now()).ok).toBe(true);
		expect(listComments(db, latestVersion(db, board.meetingId)!.id).map((c) => c.author)).toEqual([
			'Anna Verdi'
		]);
		expect(exportParticipant(db, server.services.hub, anna)!.minutesComments).toEqual([
			{ section: 'votes', text: 'Manca il mio voto' }
		]);
		expect(changeMinutesStatus(db, board.meetingId, 'freeze', who()).ok).toBe(true);
		expect(latestVersion(db, board.meetingId)!.status).toBe('frozen');
		const status = db
			.select({ status: meetings.status })
			.from(meetings)
			.where(eq(meetings.id, board.meetingId))
			.get();
		expect(status?.status).toBe('minutes_approved');
	});

	it('starts version 2 on the next edit and never changes version 1 (also refused by SQLite)', () => {
		const db = server.services.db;
		const frozen = getVersion(db, board.meetingId, 1)!;
		const edited = editMinutes(
			db,
			board.meetingId,
			{ section: 'decisions', text: 'Rettifica: si aggiunge un incontro a gennaio.' },
			who()
		);
		expect(edited).toEqual({ ok: true, value: { version: 2 } });
		expect(getVersion(db, board.meetingId, 1)).toEqual(frozen);
		expect(getVersion(db, board.meetingId, 2)!.status).toBe('draft');
		expect(JSON.stringify(getVersion(db, board.meetingId, 2)!.content)).toContain('Rettifica');
		expect(() =>
			db.update(minutes).set({ content: frozen.content }).where(eq(minutes.id, frozen.id)).run()
		).toThrow(/frozen minutes never change/);
		expect(() => db.delete(minutes).where(eq(minutes.id, frozen.id)).run()).toThrow(
			/never deleted/
		);
		expect(db.get<{ n: number }>(sql`select count(*) as n from minutes`).n).toBe(2);
	});
});

describe('[M-V8] who reads the verbale', () => {
	const guestOf = (attendanceId: string, meetingId: number): Guest => ({
		sessionId: 's',
		attendanceId,
		meetingId,
		name: 'x',
		organization: 'y'
	});

	it('editors see drafts, participants only shared or frozen versions, strangers nothing', () => {
		const db = server.services.db;
		const meeting = { id: board.meetingId, tavoloId: meetingTavolo(board.meetingId) };
		const verdict = (actor: ReturnType<typeof account> | null, guest: Guest | null) =>
			minutesViewer(db, meeting, { actor, guest });
		const facilitator = verdict(account('facilitatore@demo.local'), null);
		const admin = verdict(account('admin@demo.local'), null);
		const guest = verdict(null, guestOf(anna, board.meetingId));
		expect(facilitator).toMatchObject({ ok: true, viewer: { role: 'editor' } });
		expect(admin).toMatchObject({ ok: true, viewer: { role: 'editor' } });
		expect(guest).toMatchObject({ ok: true, viewer: { role: 'reader', participantId: anna } });
		expect(verdict(null, guestOf(anna, board.meetingId + 1))).toEqual({ ok: false, status: 403 });
		expect(verdict(null, null)).toEqual({ ok: false, status: 401 });
		if (!facilitator.ok || !guest.ok) throw new Error('unreachable');
		expect(versionFor(db, board.meetingId, facilitator.viewer, null)!.version).toBe(2);
		expect(versionFor(db, board.meetingId, guest.viewer, null)!.version).toBe(1);
		expect(versionFor(db, board.meetingId, guest.viewer, '2')).toBeUndefined();
		expect(versionFor(db, board.meetingId, guest.viewer, 'abc')).toBeUndefined();
	});
});

function meetingTavolo(meetingId: number): number {
	const db = server.services.db;
	return db
		.select({ tavoloId: meetings.tavoloId })
		.from(meetings)
		.where(eq(meetings.id, meetingId))
		.get()!.tavoloId;
}

/** The plain text of a DOCX body, as a reader would find it. */
function docxText(path: string): string {
	const xml = execFileSync('unzip', ['-p', path, 'word/document.xml']).toString('utf8');
	return xml
		.replace(/<\/w:p><\/w:tc>/g, '\t')
		.replace(/<\/w:p>/g, '\n')
		.replace(/<w:tab\/>/g, '\t')
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'");
}

describe('[M-V9] the DOCX export', () => {
	let dir: string;
	let file: string;

	beforeAll(async () => {
		const row = getVersion(server.services.db, board.meetingId, 1)!;
		dir = mkdtempSync(join(tmpdir(), 'tavoli-minutes-'));
		file = join(dir, 'verbale.docx');
		writeFileSync(file, await minutesDocx(row.content, stampOf(row)));
	});

	afterAll(() => removeDir(dir));

	it('contains the attendance list and the vote results', () => {
		const body = docxText(file);
		expect(body).toContain('Presenti (foglio firme)');
		for (const name of ['Anna Verdi', 'Bruno Neri', 'Carla Bianchi'])
			expect(body).toMatch(new RegExp(`\\d+\\t${name}\\t`));
		expect(body).toContain('Esiti delle votazioni');
		expect(body).toContain('Solitudine e isolamento\t5\t');
		expect(body).toContain('Trasporti sociali\t1\t');
		expect(body).toContain('Versione 1 · ');
	});

	it('opens in LibreOffice: the PDF conversion succeeds', async () => {
		expect(await convertToPdf(readFileSync(file), 'docx')).toBeGreaterThan(1_000);
	}, 150_000);
});
