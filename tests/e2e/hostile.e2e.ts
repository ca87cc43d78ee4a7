import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { addCard, deleteCard, readBoard, writeMeta } from '../../src/lib/board/board-doc';
import { updateMessage } from '../../src/lib/sync/protocol';
import {
	cardIds,
	leave,
	nodeClient,
	rawSocket,
	ServerProcess,
	todayInRome,
	type NodeClient
} from './sync-node';

/**
 * The catalogue of hostile clients (issue 4), each against the built server in
 * its own process: every attack is refused and a witness connected to the same
 * board notices nothing.
 */
test.describe.configure({ mode: 'serial' });

const server = new ServerProcess(Number(process.env.E2E_PORT ?? 4173) + 70);
let facilitator: string;
let admin: string;
let boardA: { boardId: string; joinCode: string };
let boardB: { boardId: string; joinCode: string };
let alice: { cookie: string; participantId: string };
let bob: { cookie: string; participantId: string };
let aliceClient: NodeClient;
let witness: NodeClient;

test.beforeAll(async () => {
	await server.start();
	facilitator = await server.login('facilitatore@demo.local');
	admin = await server.login('admin@demo.local');
	boardA = await server.openBoard(facilitator, (m) => m.date === todayInRome());
	boardB = await server.openBoard(admin, (m) => m.tavoloName.startsWith('Lavoro'));
	alice = await server.join(boardA.joinCode, 'Alice Ferri');
	bob = await server.join(boardA.joinCode, 'Bruno Galli');
	aliceClient = nodeClient(server, boardA.boardId, alice.cookie);
	witness = nodeClient(
		server,
		boardA.boardId,
		(await server.join(boardA.joinCode, 'Testimone')).cookie
	);
	await Promise.all([aliceClient.synced, witness.synced]);
	addCard(aliceClient.doc, {
		id: 'aliceCard',
		kind: 'need',
		text: 'Servizio di trasporto',
		authorId: alice.participantId,
		createdAt: 1
	});
	await expect.poll(() => cardIds(witness.doc).has('aliceCard')).toBe(true);
});

test.afterAll(async () => {
	leave(aliceClient);
	leave(witness);
	await server.kill('SIGTERM');
});

test.afterEach(async () => {
	// Everyone else unaffected: the witness is still connected and has what the server stored.
	expect(witness.provider.wsconnected).toBe(true);
	expect(witness.refusals).toEqual([]);
	await expect
		.poll(() => [...cardIds(witness.doc)].sort().join())
		.toBe([...cardIds(server.storedDoc(boardA.boardId))].sort().join());
});

/** Sends one update made on a copy of the board, as `cookie`, over a raw socket; returns the close code. */
async function attack(
	_name: string,
	cookie: string,
	make: (doc: Y.Doc) => void,
	clientId?: number
): Promise<number> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(witness.doc));
	if (clientId !== undefined) doc.clientID = clientId;
	const before = Y.encodeStateVector(doc);
	make(doc);
	const socket = rawSocket(server, boardA.boardId, cookie);
	expect(await socket.opened).toBe(101);
	socket.ws.send(updateMessage(Y.encodeStateAsUpdate(doc, before)));
	return (await socket.closed).code;
}

async function command(name: string, body: unknown) {
	expect(
		(await server.post(`/api/boards/${boardA.boardId}/commands/${name}`, body, facilitator)).status
	).toBe(200);
}

test('impersonating another participant’s client id is refused @faults', async () => {
	const code = await attack(
		'client id of another session',
		bob.cookie,
		(d) =>
			addCard(d, {
				id: 'bobAsAlice',
				kind: 'need',
				text: 'x',
				authorId: bob.participantId,
				createdAt: 2
			}),
		aliceClient.doc.clientID
	);
	expect(code).toBe(4409);
	expect(cardIds(server.storedDoc(boardA.boardId)).has('bobAsAlice')).toBe(false);
});

test('deleting another participant’s card is refused @faults', async () => {
	expect(await attack('delete another card', bob.cookie, (d) => deleteCard(d, 'aliceCard'))).toBe(
		4403
	);
	expect(cardIds(server.storedDoc(boardA.boardId)).has('aliceCard')).toBe(true);
});

test('writing facilitator state is refused, for facilitators too @faults', async () => {
	expect(
		await attack('write phase as participant', bob.cookie, (d) =>
			writeMeta(d, { phase: 'wrap_up' })
		)
	).toBe(4403);
	expect(
		await attack('write lock as facilitator', facilitator, (d) => writeMeta(d, { locked: true }))
	).toBe(4403);
	expect(readBoard(server.storedDoc(boardA.boardId)).meta).toMatchObject({
		phase: 'collect',
		locked: false
	});
});

test('writing on a locked board or in the wrong phase is refused @faults', async () => {
	const card = (id: string) => (d: Y.Doc) =>
		addCard(d, { id, kind: 'proposal', text: 'y', authorId: bob.participantId, createdAt: 3 });
	await command('settings', { locked: true });
	expect(await attack('write while locked', bob.cookie, card('whileLocked'))).toBe(4403);
	await command('settings', { locked: false });
	await command('phase', { phase: 'vote' });
	expect(await attack('write in the voting phase', bob.cookie, card('whileVoting'))).toBe(4403);
	await command('phase', { phase: 'collect' });
	const stored = cardIds(server.storedDoc(boardA.boardId));
	expect(stored.has('whileLocked') || stored.has('whileVoting')).toBe(false);
});

test('a board is not readable without access, nor with another board’s cookie @faults', async () => {
	const member = await server.login('partecipante@demo.local');
	expect((await server.get(`/api/boards/${boardB.boardId}`, member)).status).toBe(403);
	expect(await rawSocket(server, boardB.boardId, member).opened).toBe(403);
	expect((await server.get(`/api/boards/${boardB.boardId}`, alice.cookie)).status).toBe(403);
	const replay = rawSocket(server, boardB.boardId, alice.cookie);
	expect(await replay.opened).toBe(403);
	expect(replay.received).toEqual([]);
	expect(await rawSocket(server, boardA.boardId, '').opened).toBe(401);
	expect(await rawSocket(server, boardA.boardId, alice.cookie, 'https://evil.example').opened).toBe(
		403
	);
});

test('unrevealed private cards never reach anyone else, not even on the wire @faults', async () => {
	await command('settings', { privateWriting: true });
	const listener = nodeClient(server, boardA.boardId, bob.cookie);
	await listener.synced;
	const created = await server.post(
		`/api/boards/${boardA.boardId}/cards`,
		{ kind: 'need', text: 'SEGRETO-PRIVATO-123' },
		alice.cookie
	);
	expect(created.status).toBe(201);
	await new Promise((r) => setTimeout(r, 300));
	const leaked = (bytes: Uint8Array[]) =>
		bytes.some((b) => Buffer.from(b).includes('SEGRETO-PRIVATO-123'));
	expect(leaked(listener.frames)).toBe(false);
	expect(
		JSON.stringify((await server.get(`/api/boards/${boardA.boardId}`, bob.cookie)).json)
	).not.toContain('SEGRETO-PRIVATO-123');
	expect(
		JSON.stringify((await server.get(`/api/boards/${boardA.boardId}`, facilitator)).json)
	).not.toContain('SEGRETO-PRIVATO-123');
	expect(
		JSON.stringify((await server.get(`/api/boards/${boardA.boardId}`, alice.cookie)).json)
	).toContain('SEGRETO-PRIVATO-123');
	await command('reveal', {});
	await expect
		.poll(() => readBoard(listener.doc).cards.some((c) => c.text === 'SEGRETO-PRIVATO-123'))
		.toBe(true);
	await command('settings', { privateWriting: false });
	leave(listener);
});

test('an anonymous card carries no trace of its author on the wire @faults', async () => {
	await command('settings', { anonymous: true });
	const listener = nodeClient(server, boardA.boardId, bob.cookie);
	await listener.synced;
	expect(
		(
			await server.post(
				`/api/boards/${boardA.boardId}/cards`,
				{ kind: 'problem', text: 'ANONIMO-456' },
				alice.cookie
			)
		).status
	).toBe(201);
	const queue = (await server.get(`/api/boards/${boardA.boardId}/moderation`, facilitator))
		.json as { id: string; text: string }[];
	const pending = queue.find((c) => c.text === 'ANONIMO-456')!;
	expect(JSON.stringify(pending)).not.toContain(alice.participantId);
	expect(
		(
			await server.post(
				`/api/boards/${boardA.boardId}/moderation/${pending.id}`,
				{ approve: true },
				facilitator
			)
		).status
	).toBe(200);
	await expect
		.poll(() => readBoard(listener.doc).cards.some((c) => c.text === 'ANONIMO-456'))
		.toBe(true);
	const card = readBoard(listener.doc).cards.find((c) => c.text === 'ANONIMO-456')!;
	expect(card.authorId).toBeNull();
	const item = listener.doc.getMap<Y.Map<unknown>>('cards').get(card.id)!._item!;
	expect(item.id.client).not.toBe(aliceClient.doc.clientID);
	const api = (await server.get(`/api/boards/${boardA.boardId}`, bob.cookie)).json as {
		cards: { text: string; author: unknown }[];
	};
	expect(api.cards.find((c) => c.text === 'ANONIMO-456')?.author).toBeNull();
	await command('settings', { anonymous: false });
	leave(listener);
});

test('observers write nothing; oversized updates are refused @faults', async () => {
	const observer = await server.login('osservatore@demo.local');
	expect(
		await attack('observer writes', observer, (d) =>
			addCard(d, { id: 'obs', kind: 'need', text: 'o', authorId: 'x', createdAt: 4 })
		)
	).toBe(4403);
	expect(
		await attack('update over 256 KB', bob.cookie, (d) =>
			d.getMap('cards').set('huge', 'x'.repeat(300_000))
		)
	).toBe(4413);
});
