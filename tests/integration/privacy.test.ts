import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attendance } from '$lib/attendance/attendance.schema';
import { exportParticipant } from '$lib/attendance/participant-privacy.server';
import { users } from '$lib/auth/auth.schema';
import { addCard, readBoard } from '$lib/board/board-doc';
import { submitOutcome } from '$lib/outcomes/outcome-commands.server';
import { outcomes } from '$lib/outcomes/outcome.schema';
import { eraseLine } from '$lib/privacy/person-privacy.server';
import {
	connectClient,
	eventually,
	guestCookie,
	openTodaysBoard,
	rawSocket,
	removeDir,
	startTestServer,
	type TestServer
} from './sync-server';

/** [J5] What is stored about a participant, and its erasure. */
let server: TestServer;
afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});
beforeAll(async () => {
	server = await startTestServer();
});

it('[J5] exports a guest’s line and cards, then erases their name everywhere but keeps the work', async () => {
	const board = openTodaysBoard(server);
	const guest = guestCookie(server, board.joinCode, 'Maria Verdi');
	const c = connectClient(server, board.boardId, guest.cookie);
	await c.synced;
	addCard(c.doc, {
		id: 'maria1',
		kind: 'need',
		text: 'Più assistenza serale',
		authorId: guest.participantId,
		createdAt: 1
	});
	const room = () => server.app.hub.room(board.boardId)!;
	await eventually(() => expect(readBoard(room().doc).cards.map((x) => x.id)).toContain('maria1'));

	const exported = exportParticipant(server.services.db, server.services.hub, guest.participantId)!;
	expect(exported.attendance).toMatchObject({
		name: 'Maria Verdi',
		organization: 'Cooperativa Test',
		source: 'code'
	});
	expect(exported.attendance.consentAt).not.toBeNull();
	expect(exported.cards).toEqual([{ id: 'maria1', kind: 'need', text: 'Più assistenza serale' }]);

	// An outcome package submitted before the erasure names her twice: on its foglio firme
	// and as the author of her need.
	const { db } = server.services;
	const udp = db.select({ id: users.id }).from(users).get()!.id;
	const submitted = submitOutcome(server.services, board.meetingId, udp);
	expect(submitted.ok).toBe(true);
	const packageText = () =>
		JSON.stringify(db.select().from(outcomes).where(eq(outcomes.meetingId, board.meetingId)).all());
	expect(packageText()).toContain('Maria Verdi');

	const closed = c.closed;
	expect(eraseLine(server.services.db, server.services.hub, guest.participantId, Date.now())).toBe(
		true
	);
	expect((await closed).code).toBe(4401);
	const line = server.services.db
		.select()
		.from(attendance)
		.where(eq(attendance.id, guest.participantId))
		.get()!;
	expect([line.name, line.organizationName]).toEqual(['', '']);
	expect(readBoard(room().doc).participants[guest.participantId]).toEqual({
		name: '',
		organization: ''
	});
	expect(readBoard(room().doc).cards.find((x) => x.id === 'maria1')?.text).toBe(
		'Più assistenza serale'
	);
	expect(packageText()).not.toContain('Maria Verdi');
	const [scrubbed] = db
		.select()
		.from(outcomes)
		.where(eq(outcomes.meetingId, board.meetingId))
		.all();
	const note = scrubbed!.content.unchosen.flatMap((n) => n.notes).find((n) => n.id === 'maria1');
	expect(note).toMatchObject({ text: 'Più assistenza serale', author: null });
	const again = rawSocket(server, board.boardId, { cookie: guest.cookie, origin: server.origin });
	expect((await again.opened).status).toBe(401);
	c.provider.destroy();
});
