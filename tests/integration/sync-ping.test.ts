import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, setCardText } from '$lib/board/board-doc';
import { participantOf } from '$lib/board/board-room.server';
import { PING_BURST } from '$lib/sync/limits';
import { CloseCode, pingMessage, updateMessage } from '$lib/sync/protocol';
import {
	eventually,
	guestCookie,
	startWithTodaysBoard,
	stopTestServer,
	storedUpdates,
	type TestServer
} from './sync-server';

/**
 * The ping (src/lib/sync/protocol.ts): its answer is how a browser knows the
 * server has its writes, and that its socket is alive (docs/BOARD.md,
 * "Connection and unsent cards").
 */
let server: TestServer;
let board: { boardId: string; joinCode: string };

beforeAll(async () => {
	({ server, board } = await startWithTodaysBoard());
});

afterAll(() => stopTestServer(server));

const isPong = (data: Uint8Array) => data.length === 1 && data[0] === pingMessage()[0];

/** A participant on the foglio firme, straight on the room (no socket): what it sends and what it gets. */
function link(name: string) {
	const { participantId } = guestCookie(server, board.joinCode, name);
	const room = server.app.hub.room(board.boardId)!;
	const stored = () => storedUpdates(server, board.boardId);
	/** The updates stored when each pong left. */
	const pongs: number[] = [];
	const closes: number[] = [];
	const who = participantOf({ role: 'participant', participantId }, name, '');
	const conn = room.connect(
		{ send: (data) => isPong(data) && pongs.push(stored()), close: (code) => closes.push(code) },
		who
	);
	return { participantId, conn, pongs: () => pongs.length, storedAtPong: pongs, closes, stored };
}

function cardUpdates(participantId: string, id: string) {
	const doc = new Y.Doc();
	addCard(doc, {
		id,
		kind: 'need',
		text: 'Sportello serale',
		authorId: participantId,
		createdAt: 1
	});
	const first = Y.encodeStateAsUpdate(doc);
	const before = Y.encodeStateVector(doc);
	setCardText(doc, id, 'Sportello serale per i caregiver');
	return { first, second: Y.encodeStateAsUpdate(doc, before) };
}

/** The turn's commit is made and done (on the writer thread): nothing waits to be stored. */
async function settled(): Promise<void> {
	await new Promise((resolve) => setImmediate(resolve));
	server.app.hub.room(board.boardId)!.flush();
}

describe('ping', () => {
	it('is answered at once when nothing waits to be stored', async () => {
		const { conn, pongs } = link('Dario');
		await settled();
		conn.onMessage(pingMessage());
		expect(pongs()).toBe(1);
		conn.onClose();
	});

	it('is answered with the commit of the updates sent before it, not before', async () => {
		const { participantId, conn, pongs, storedAtPong, stored, closes } = link('Anna');
		await settled();
		const before = stored();
		conn.onMessage(updateMessage(cardUpdates(participantId, 'pinga1').first));
		conn.onMessage(pingMessage());
		expect(pongs()).toBe(0);
		await eventually(() => expect(pongs()).toBe(1));
		expect(storedAtPong[0]).toBeGreaterThan(before);
		expect(closes).toEqual([]);
		conn.onClose();
	});

	it('waits for held updates: the answer comes once they apply and are stored', async () => {
		const { participantId, conn, pongs, storedAtPong, stored, closes } = link('Bruno');
		await settled();
		const before = stored();
		const { first, second } = cardUpdates(participantId, 'pingb1');
		conn.onMessage(updateMessage(second));
		conn.onMessage(pingMessage());
		await settled();
		expect(pongs()).toBe(0);
		conn.onMessage(updateMessage(first));
		await eventually(() => expect(pongs()).toBe(1));
		expect(storedAtPong[0]).toBeGreaterThanOrEqual(before + 2);
		expect(closes).toEqual([]);
		conn.onClose();
	});

	it('closes a connection that pings past the bound (4429)', () => {
		const { conn, closes } = link('Carla');
		for (let i = 0; i <= PING_BURST; i++) conn.onMessage(pingMessage());
		expect(closes).toEqual([CloseCode.tooMany]);
	});
});
