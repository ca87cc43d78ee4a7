import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { addCard, readBoard, Root, setCardText, writeMeta } from '$lib/board/board-doc';
import { changePhase } from '$lib/board/board-commands.server';
import { participantOf } from '$lib/board/board-room.server';
import { presenceOf } from '$lib/board/board-live';
import { CloseCode, readMessage, updateMessage } from '$lib/sync/protocol';
import {
	accountCookie,
	connectClient,
	eventually,
	guestCookie,
	openOtherBoard,
	rawSocket,
	startTestServer,
	startWithTodaysBoard,
	stopTestServer,
	storedUpdates,
	type TestServer
} from './sync-server';

/**
 * The sync server with real y-websocket clients (SPEC J4, B9-B11): who may
 * connect, that honest clients converge, and that each hostile update is refused
 * without touching anyone else's document.
 */
let server: TestServer;
let board: { boardId: string; joinCode: string; meetingId: number };

beforeAll(async () => {
	({ server, board } = await startWithTodaysBoard());
});

afterAll(() => stopTestServer(server));

/** Clients of the board, one per cookie, once every one has synced. */
async function syncedClients<C extends string[]>(...cookies: C) {
	const clients = cookies.map((cookie) => connectClient(server, board.boardId, cookie));
	await Promise.all(clients.map((c) => c.synced));
	return clients as { [K in keyof C]: ReturnType<typeof connectClient> };
}

function serverView() {
	return readBoard(server.app.hub.room(board.boardId)!.doc);
}

describe('[J4] the upgrade is checked before any byte of the document', () => {
	it.each([
		['no session', {}, 401],
		['a cross-site page', { origin: 'https://evil.example' }, 403]
	])('refuses %s', async (_, extra, status) => {
		const guest = guestCookie(server, board.joinCode, 'Ospite');
		const headers = { cookie: status === 401 ? '' : guest.cookie, origin: server.origin, ...extra };
		const socket = rawSocket(server, board.boardId, headers);
		expect((await socket.opened).status).toBe(status);
		expect(socket.received).toEqual([]);
	});

	it('refuses an account that does not belong to the tavolo', async () => {
		const socket = rawSocket(server, board.boardId, {
			cookie: accountCookie(server, 'admin@demo.local').replace(/=.*/, '=forged'),
			origin: server.origin
		});
		expect((await socket.opened).status).toBe(401);
	});

	it('answers 404 for a board that does not exist', async () => {
		const guest = guestCookie(server, board.joinCode, 'Ospite');
		const socket = rawSocket(server, 'bnosuchboard', {
			cookie: guest.cookie,
			origin: server.origin
		});
		expect((await socket.opened).status).toBe(404);
	});

	it('lets a guest of this incontro in', async () => {
		const guest = guestCookie(server, board.joinCode, 'Ospite');
		const socket = rawSocket(server, board.boardId, {
			cookie: guest.cookie,
			origin: server.origin
		});
		expect((await socket.opened).status).toBe(101);
		socket.ws.close();
	});
});

describe('[B9-B10] live writing and hostile updates', () => {
	it('honest clients see each other’s cards; a forbidden edit closes only its sender', async () => {
		const alice = guestCookie(server, board.joinCode, 'Alice');
		const bob = guestCookie(server, board.joinCode, 'Bob');
		const [a, b, f] = await syncedClients(
			alice.cookie,
			bob.cookie,
			accountCookie(server, 'facilitatore@demo.local')
		);

		addCard(a.doc, {
			id: 'alice1',
			kind: 'need',
			text: 'Trasporti per visite mediche',
			authorId: alice.participantId,
			createdAt: Date.now()
		});
		await eventually(() => expect(readBoard(b.doc).cards.map((c) => c.id)).toContain('alice1'));
		await eventually(() => expect(readBoard(f.doc).cards.map((c) => c.id)).toContain('alice1'));

		setCardText(b.doc, 'alice1', 'Bob ha riscritto la carta di Alice');
		const closed = await b.closed;
		expect(closed.code).toBe(CloseCode.refused);
		expect(closed.reason).toMatch(/refused/);

		setCardText(a.doc, 'alice1', 'Trasporti per visite mediche e terapie');
		await eventually(() =>
			expect(readBoard(f.doc).cards.find((c) => c.id === 'alice1')?.text).toBe(
				'Trasporti per visite mediche e terapie'
			)
		);
		expect(serverView().cards.find((c) => c.id === 'alice1')?.text).toBe(
			'Trasporti per visite mediche e terapie'
		);
		for (const p of [a, f]) p.provider.destroy();
		b.provider.destroy();
	});

	/** Sends one hand-crafted update from `doc` over a raw socket; returns the close event. */
	async function sendHostile(
		cookie: string,
		make: (doc: Y.Doc) => void,
		prepare?: (doc: Y.Doc) => void
	) {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(server.app.hub.room(board.boardId)!.doc));
		prepare?.(doc);
		const before = Y.encodeStateVector(doc);
		make(doc);
		const socket = rawSocket(server, board.boardId, { cookie, origin: server.origin });
		expect((await socket.opened).status).toBe(101);
		socket.ws.send(updateMessage(Y.encodeStateAsUpdate(doc, before)));
		return socket.closed;
	}

	it.each([
		[
			'server-only state (phase)',
			(d: Y.Doc) => writeMeta(d, { phase: 'wrap_up' }),
			CloseCode.refused
		],
		[
			'a card that names another author',
			(d: Y.Doc) =>
				addCard(d, {
					id: 'forged1',
					kind: 'need',
					text: 'x',
					authorId: 'someone-else',
					createdAt: 1
				}),
			CloseCode.refused
		],
		['a root outside the layout', (d: Y.Doc) => d.getMap('votes').set('x', 5), CloseCode.refused],
		[
			'an update over 256 KB',
			(d: Y.Doc) => d.getMap('cards').set('big', 'x'.repeat(300 * 1024)),
			CloseCode.tooLarge
		]
	])('refuses %s from a participant and nobody else notices', async (_, make, code) => {
		const witness = connectClient(
			server,
			board.boardId,
			guestCookie(server, board.joinCode, 'Testimone').cookie
		);
		await witness.synced;
		const content = () => {
			const { cards, clusters, meta } = serverView();
			return {
				cards,
				clusters,
				meta,
				roots: [...server.app.hub.room(board.boardId)!.doc.share.keys()].sort()
			};
		};
		const before = content();
		const closed = await sendHostile(guestCookie(server, board.joinCode, 'Ostile').cookie, make);
		expect(closed.code).toBe(code);
		expect(content()).toEqual(before);
		expect(witness.provider.wsconnected).toBe(true);
		// The hostile guest's name, written as it connected, reaches the witness after its commit.
		await eventually(() =>
			expect(Y.encodeStateVector(witness.doc)).toEqual(
				Y.encodeStateVector(server.app.hub.room(board.boardId)!.doc)
			)
		);
		witness.provider.destroy();
	});

	it('refuses a client id already used by another participant', async () => {
		const first = guestCookie(server, board.joinCode, 'Prima');
		const c = connectClient(server, board.boardId, first.cookie);
		await c.synced;
		addCard(c.doc, {
			id: 'prima1',
			kind: 'resource',
			text: 'Volontari disponibili',
			authorId: first.participantId,
			createdAt: 2
		});
		await eventually(() => expect(serverView().cards.map((x) => x.id)).toContain('prima1'));
		const stolenId = c.doc.clientID;
		const thief = guestCookie(server, board.joinCode, 'Seconda');
		const closed = await sendHostile(
			thief.cookie,
			(d) =>
				addCard(d, {
					id: 'thief1',
					kind: 'need',
					text: 'y',
					authorId: thief.participantId,
					createdAt: 3
				}),
			(d) => (d.clientID = stolenId)
		);
		expect(closed.code).toBe(CloseCode.clientIdTaken);
		expect(serverView().cards.map((x) => x.id)).not.toContain('thief1');
		c.provider.destroy();
	});

	it('refuses bytes that do not decode', async () => {
		const socket = rawSocket(server, board.boardId, {
			cookie: guestCookie(server, board.joinCode, 'Rotto').cookie,
			origin: server.origin
		});
		await socket.opened;
		const e = encoding.createEncoder();
		encoding.writeVarUint(e, 0);
		encoding.writeVarUint(e, 2);
		encoding.writeVarUint8Array(e, new Uint8Array([9, 9, 9, 9, 200, 1]));
		socket.ws.send(encoding.toUint8Array(e));
		expect((await socket.closed).code).toBe(CloseCode.malformed);
	});

	it('refuses every write from an observer', async () => {
		const closed = await sendHostile(accountCookie(server, 'osservatore@demo.local'), (d) =>
			addCard(d, { id: 'obs1', kind: 'need', text: 'z', authorId: 'whoever', createdAt: 4 })
		);
		expect(closed.code).toBe(CloseCode.refused);
	});

	it('refuses participant cards once the facilitator moved on to voting', async () => {
		changePhase(server.services, board.boardId, 'vote');
		const guest = guestCookie(server, board.joinCode, 'Ritardatario');
		const closed = await sendHostile(guest.cookie, (d) =>
			addCard(d, {
				id: 'late1',
				kind: 'need',
				text: 'tardi',
				authorId: guest.participantId,
				createdAt: 5
			})
		);
		expect(closed.code).toBe(CloseCode.refused);
		changePhase(server.services, board.boardId, 'collect');
		expect(serverView().meta.phase).toBe('collect');
	});
});

describe('[B12] presence', () => {
	it('shows who is online as the server knows them, the name from the board; echoed entries are ignored', async () => {
		const guest = guestCookie(server, board.joinCode, 'Presente');
		const [g, f] = await syncedClients(
			guest.cookie,
			accountCookie(server, 'facilitatore@demo.local')
		);
		g.provider.awareness.setLocalState({ cursor: null, typing: true, user: { name: 'Finto' } });
		f.provider.awareness.setLocalState({ cursor: null, typing: false });
		// A stock client sends back every state it receives: both must stay connected.
		await eventually(() => {
			const states = [...f.provider.awareness.getStates().values()];
			// The relayed state names no one: the name is the board's, not the client's; a
			// participant's carries no role (presenceOf reads its absence as a participant).
			expect(states).toContainEqual({ typing: true, user: { id: guest.participantId } });
			const seenByGuest = [...g.provider.awareness.getStates().values()];
			expect(seenByGuest).toContainEqual({
				typing: false,
				user: { id: expect.any(String), role: 'facilitator' }
			});
			const names = f.doc.getMap(Root.participants);
			expect(presenceOf(states, names)).toContainEqual(
				expect.objectContaining({ id: guest.participantId, name: 'Presente', typing: true })
			);
		});
		await new Promise((r) => setTimeout(r, 300));
		expect(g.provider.wsconnected && f.provider.wsconnected).toBe(true);
		for (const p of [g, f]) p.provider.destroy();
	});

	it('reaches the others after the updates sent before it, though those wait for their commit', async () => {
		const writer = guestCookie(server, board.joinCode, 'Chi Scrive');
		const [w, r] = await syncedClients(
			writer.cookie,
			guestCookie(server, board.joinCode, 'Chi Legge').cookie
		);
		/** For each card the writer announced: did the reader hold the card when it heard? */
		const heard = new Map<string, boolean>();
		r.provider.awareness.on('change', () => {
			for (const state of r.provider.awareness.getStates().values()) {
				const typing = (state as { typing?: unknown }).typing;
				if (typeof typing === 'string' && !heard.has(typing))
					heard.set(
						typing,
						readBoard(r.doc).cards.some((c) => c.id === typing)
					);
			}
		});
		const ids = ['ordine1', 'ordine2', 'ordine3'];
		for (const id of ids) {
			// One turn: the card, then "typing on it", as the composer does.
			addCard(w.doc, {
				id,
				kind: 'need',
				text: 'In ordine',
				authorId: writer.participantId,
				createdAt: 1
			});
			w.provider.awareness.setLocalStateField('typing', id);
			await eventually(() => expect(heard.has(id)).toBe(true));
		}
		expect(ids.map((id) => heard.get(id))).toEqual([true, true, true]);
		for (const p of [w, r]) p.provider.destroy();
	});
});

describe('[B11] persistence', () => {
	it('stores what several boards accepted in one turn in one commit, and only then sends it on', async () => {
		const other = openOtherBoard(server, board.meetingId);
		const rooms = [board.boardId, other.boardId].map((id) => server.app.hub.room(id)!);
		const stored = () => rooms.map((room) => storedUpdates(server, room.boardId));
		/** For each update sent, the updates stored when it left. */
		const sent = rooms.map(() => [] as number[]);
		const who = participantOf({ role: 'facilitator', participantId: 'turn' }, 'T', '');
		const links = rooms.map((room, i) =>
			room.connect(
				{
					send: (data) => readMessage(data).type === 'update' && sent[i]!.push(stored()[i]!),
					close: () => undefined
				},
				who
			)
		);
		const [storedBefore, sentBefore] = [stored(), sent.map((s) => s.length)];
		for (const room of rooms) {
			const change = new Y.Doc();
			change.getMap('turn-test').set('k', room.boardId);
			Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(change), 'another socket');
		}
		expect(sent.map((s) => s.length)).toEqual(sentBefore);
		// The commit runs on the writer thread: the updates go out once it is done.
		await eventually(() =>
			sent.forEach((s, i) => expect(s.length).toBeGreaterThan(sentBefore[i]!))
		);
		// At least ours (earlier tests' clients may still be writing to the first board),
		// and already stored when the first message left.
		sent.forEach((s, i) => expect(s[sentBefore[i]!]).toBeGreaterThan(storedBefore[i]!));
		for (const link of links) link.onClose();
	});

	it('hands a socket what one commit released in one write, without its own updates', async () => {
		// A board nobody else writes to, so nothing but this test's updates is released.
		const room = server.app.hub.room(openOtherBoard(server, board.meetingId).boardId)!;
		const who = participantOf({ role: 'facilitator', participantId: 'batch' }, 'B', '');
		const writes: string[][] = [];
		const socket = {
			send: (data: Uint8Array) => writes.push([readMessage(data).type]),
			sendAll: (list: Uint8Array[]) => writes.push(list.map((data) => readMessage(data).type)),
			close: () => undefined
		};
		const link = room.connect(socket, who);
		// The newcomer's name, written as it connected, goes out with its own commit.
		await eventually(() => expect(writes.flat()).toContain('update'));
		writes.length = 0;
		const update = (key: string) => {
			const change = new Y.Doc();
			change.getMap('batch-test').set(key, key);
			return Y.encodeStateAsUpdate(change);
		};
		// One turn: two updates from elsewhere and one from this very socket.
		Y.applyUpdate(room.doc, update('a'), 'another socket');
		Y.applyUpdate(room.doc, update('b'), socket);
		Y.applyUpdate(room.doc, update('c'), 'another socket');
		await eventually(() => expect(writes).toContainEqual(['update', 'update']));
		expect(writes.flat().filter((type) => type === 'update')).toHaveLength(2);
		link.onClose();
	});

	it('sends a newcomer every update since the last full encoding, all of it by its sync step 2', async () => {
		const guest = guestCookie(server, board.joinCode, 'Scrivente');
		const c = connectClient(server, board.boardId, guest.cookie);
		await c.synced;
		const write = (i: number) =>
			addCard(c.doc, {
				id: `tail${i}`,
				kind: 'need',
				text: `Bisogno ${i}`,
				authorId: guest.participantId,
				createdAt: 100 + i
			});
		const onServer = (n: number) =>
			eventually(() =>
				expect(serverView().cards.filter((x) => x.id.startsWith('tail'))).toHaveLength(n)
			);
		for (let i = 0; i < 3; i++) write(i);
		await onServer(3);
		server.app.hub.room(board.boardId)!.compact();
		for (let i = 3; i < 5; i++) write(i);
		await onServer(5);
		const newcomer = connectClient(
			server,
			board.boardId,
			guestCookie(server, board.joinCode, 'Nuova').cookie
		);
		await newcomer.synced;
		// Complete at "synced": the app treats a synced document as the whole board.
		expect(readBoard(newcomer.doc).cards.filter((x) => x.id.startsWith('tail'))).toHaveLength(5);
		// Everything stored: every client's updates but the server's, whose latest change
		// (the newcomer's own name, written as it connected) follows once its commit is done.
		const room = server.app.hub.room(board.boardId)!;
		const clocks = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));
		const held = clocks(newcomer.doc);
		for (const [client, clock] of clocks(room.doc))
			if (client !== room.doc.clientID) expect(held.get(client), `client ${client}`).toBe(clock);
		await eventually(() =>
			expect(Y.encodeStateVector(newcomer.doc)).toEqual(Y.encodeStateVector(room.doc))
		);
		c.provider.destroy();
		newcomer.provider.destroy();
	});

	it('keeps every accepted update across a restart, and loads today’s open board at start', async () => {
		const guest = guestCookie(server, board.joinCode, 'Persistente');
		const c = connectClient(server, board.boardId, guest.cookie);
		await c.synced;
		for (let i = 0; i < 20; i++)
			addCard(c.doc, {
				id: `keep${i}`,
				kind: 'proposal',
				text: `Proposta ${i}`,
				authorId: guest.participantId,
				createdAt: 10 + i
			});
		await eventually(() =>
			expect(serverView().cards.filter((x) => x.id.startsWith('keep'))).toHaveLength(20)
		);
		c.provider.destroy();
		const dir = server.dir;
		await server.stop();
		server = await startTestServer(dir);
		// Today's incontro is under way: its board is in memory before anyone comes;
		// the other board of this file (an incontro of months ago) is not.
		expect(server.app.hub.loadedBoards()).toEqual([board.boardId]);
		const again = connectClient(
			server,
			board.boardId,
			accountCookie(server, 'facilitatore@demo.local')
		);
		await again.synced;
		expect(readBoard(again.doc).cards.filter((x) => x.id.startsWith('keep'))).toHaveLength(20);
		expect(again.doc.getMap(Root.cards).size).toBeGreaterThanOrEqual(21);
		again.provider.destroy();
	});
});
