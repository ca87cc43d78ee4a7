import { expect } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { readBoard, readMeta, type BoardMeta } from '$lib/board/board-doc';
import {
	awarenessMessage,
	encodeAwareness,
	updateMessage,
	type AwarenessEntry
} from '$lib/sync/protocol';
import { connectClient, eventually, rawSocket, type TestServer } from './sync-server';

/**
 * What the hostile-update tests share: hand-made frames and updates, forks of the
 * server's document, and the checks that honest clients saw nothing of an attack.
 * Everything of the server is read through the running server object or raw SQL,
 * so that a move of the sync modules does not break these imports.
 */

/** Close codes as docs/BOARD.md lists them (numbers, not imports: they are the contract). */
export const Close = {
	malformed: 4400,
	refused: 4403,
	superseded: 4408,
	clientIdTaken: 4409,
	tooLarge: 4413,
	tooMany: 4429
} as const;

/** The roots of a board document (docs/BOARD.md) compared between clients and server. */
export const ROOTS = ['cards', 'clusters', 'meta', 'participants', 'objectives', 'comments'];

export function serverRoom(server: TestServer, boardId: string) {
	const room = server.app.hub.room(boardId);
	if (!room) throw new Error(`no room for ${boardId}`);
	return room;
}

export function serverDoc(server: TestServer, boardId: string): Y.Doc {
	return serverRoom(server, boardId).doc;
}

/** A private copy of the server's document, as an attacker holds it after syncing. */
export function fork(server: TestServer, boardId: string, clientId?: number): Y.Doc {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(serverDoc(server, boardId)));
	if (clientId !== undefined) doc.clientID = clientId;
	return doc;
}

/** A Yjs client id nobody has used (31 bits, like Yjs's own). */
export function freshClientId(random: () => number = Math.random): number {
	return 1 + Math.floor(random() * (2 ** 31 - 2));
}

/** What `change` adds to `doc`, as one update. */
export function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	change(doc);
	return Y.encodeStateAsUpdate(doc, before);
}

/** y-websocket sync message "update" around an update: the server's own encoder. */
export const updateFrame = updateMessage;

/** y-websocket awareness message with the given entries. */
export function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
	return awarenessMessage(encodeAwareness(entries));
}

/**
 * An update (v1) made of a delete set only: no struct, the given clock ranges
 * deleted. Nothing in Yjs's API writes a delete set past what a document holds,
 * so it is encoded by hand.
 */
export function deleteSetUpdate(ranges: { client: number; clock: number; len: number }[]) {
	const byClient = new Map<number, { clock: number; len: number }[]>();
	for (const r of ranges) byClient.set(r.client, [...(byClient.get(r.client) ?? []), r]);
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, 0); // no structs
	encoding.writeVarUint(e, byClient.size);
	for (const [client, list] of byClient) {
		encoding.writeVarUint(e, client);
		encoding.writeVarUint(e, list.length);
		for (const r of list) {
			encoding.writeVarUint(e, r.clock);
			encoding.writeVarUint(e, r.len);
		}
	}
	return encoding.toUint8Array(e);
}

/** The server's own Yjs client id: the writer of the `meta` mirror. */
export function serverClientId(server: TestServer, boardId: string): number {
	const meta = serverDoc(server, boardId).getMap('meta');
	const clients = new Set([...meta._map.values()].map((item) => item.id.client));
	const rows = sql<{ client_id: number }>(
		server,
		'SELECT client_id FROM board_clients WHERE board_id = ? AND participant_id IS NULL',
		boardId
	).map((r) => r.client_id);
	const id = [...clients].find((c) => rows.includes(c));
	if (id === undefined) throw new Error('no server-written item in meta');
	return id;
}

/** The Yjs client id that wrote a card's map (the client id seen on someone's card). */
export function writerOfCard(server: TestServer, boardId: string, cardId: string): number {
	const card = serverDoc(server, boardId).getMap<Y.Map<unknown>>('cards').get(cardId);
	if (!card?._item) throw new Error(`no card ${cardId}`);
	return card._item.id.client;
}

export function stateOf(doc: Y.Doc, client: number): number {
	return Y.getState(doc.store, client);
}

/** Raw SQL on the test server's database (its tables, not its modules). */
export function sql<T>(server: TestServer, query: string, ...params: unknown[]): T[] {
	return server.services.db.$client.prepare(query).all(...params) as T[];
}

export function boardRow(server: TestServer, boardId: string) {
	const [row] = sql<Record<string, unknown>>(server, 'SELECT * FROM boards WHERE id = ?', boardId);
	if (!row) throw new Error(`no board ${boardId}`);
	return row;
}

/** The settings of the board row, in the shape the document mirrors them. */
export function metaOfRow(server: TestServer, boardId: string): BoardMeta {
	const row = boardRow(server, boardId);
	return {
		phase: row.phase as BoardMeta['phase'],
		locked: row.locked === 1,
		anonymous: row.anonymous === 1,
		privateWriting: row.private_writing === 1,
		participantsCanCluster: row.participants_can_cluster === 1,
		timerEndsAt: (row.timer_ends_at as number | null) ?? null,
		spotlightCardId: (row.spotlight_card_id as string | null) ?? null,
		follow: (row.follow as string | null) ?? null,
		roundId: (row.active_round_id as number | null) ?? null,
		openFields: JSON.parse((row.open_fields as string | null) ?? '[]') as string[],
		cardLimit: row.card_limit as number
	};
}

/** card id → participant id (null: the server's own), as `board_cards` records them. */
export function cardOwners(server: TestServer, boardId: string): Map<string, string | null> {
	const rows = sql<{ card_id: string; participant_id: string | null }>(
		server,
		'SELECT card_id, participant_id FROM board_cards WHERE board_id = ?',
		boardId
	);
	return new Map(rows.map((r) => [r.card_id, r.participant_id]));
}

/** The JSON of every board root of a document (read from a copy: reading creates types). */
export function rootsJson(doc: Y.Doc): Record<string, unknown> {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	const json = Object.fromEntries(ROOTS.map((r) => [r, copy.getMap(r).toJSON()]));
	copy.destroy();
	return json;
}

/** A state vector as sorted pairs, comparable with toEqual. */
export function stateVector(doc: Y.Doc): [number, number][] {
	return [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((a, b) => a[0] - b[0]);
}

/** What an attack must leave alone: everything but the names of who connected. */
export function content(doc: Y.Doc) {
	const { cards, clusters, meta } = readBoard(doc);
	const { participants: _, ...rest } = rootsJson(doc);
	return { cards, clusters, meta, roots: rest };
}

/** Asserts that a client's document is the server's: same state vector, same roots. */
export function expectSameAsServer(
	doc: Y.Doc,
	server: TestServer,
	boardId: string,
	message = ''
): void {
	const theirs = serverDoc(server, boardId);
	expect(stateVector(doc), `${message} state vector`).toEqual(stateVector(theirs));
	expect(rootsJson(doc), `${message} roots`).toEqual(rootsJson(theirs));
}

/** The server holds nothing Yjs would apply later without anyone checking it. */
export function expectNothingPending(server: TestServer, boardId: string): void {
	const { store } = serverDoc(server, boardId);
	expect(store.pendingDs, 'pending delete set').toBeNull();
	expect(store.pendingStructs, 'pending structs').toBeNull();
}

/** The meta mirror is the board row (and not something a client wrote). */
export function expectMetaIsRow(doc: Y.Doc, server: TestServer, boardId: string): void {
	expect(readMeta(doc)).toEqual(metaOfRow(server, boardId));
}

export type Client = ReturnType<typeof connectClient> & {
	/** Close events a stock client must never see: refusals (`closed`) and codes ≥ 4000. */
	problems: string[];
};

/** connectClient, recording every close the server initiated. */
export function honestClient(
	server: TestServer,
	boardId: string,
	cookie: string,
	options: { presence?: Record<string, unknown> } = {}
): Client {
	const client = connectClient(server, boardId, cookie, new Y.Doc(), options);
	const problems: string[] = [];
	client.provider.on('closed', (e) => problems.push(`closed ${e.code} ${e.reason}`));
	client.provider.on('connection-close', (e) => {
		if (e && e.code >= 4000) problems.push(`connection-close ${e.code} ${e.reason}`);
	});
	return Object.assign(client, { problems });
}

/**
 * Opens a raw socket with a participant's cookie, sends the frames, and waits for
 * the server to close it (or fails after `ms`).
 */
export async function attack(
	server: TestServer,
	boardId: string,
	cookie: string,
	frames: Uint8Array[],
	ms = 5000
): Promise<{ code: number; reason: string }> {
	const socket = rawSocket(server, boardId, { cookie, origin: server.origin });
	const { status } = await socket.opened;
	if (status !== 101) throw new Error(`upgrade answered ${status}`);
	for (const frame of frames) socket.ws.send(frame);
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<{ code: number; reason: string }>((resolve) => {
		timer = setTimeout(() => {
			socket.ws.terminate();
			resolve({ code: -1, reason: `still open after ${ms} ms` });
		}, ms);
	});
	const closed = await Promise.race([socket.closed, timeout]);
	clearTimeout(timer);
	return closed;
}

/** Waits until every client's document is the server's. */
export async function settled(
	server: TestServer,
	boardId: string,
	clients: { doc: Y.Doc }[],
	ms = 5000,
	message = ''
): Promise<void> {
	await eventually(() => {
		for (const [i, c] of clients.entries())
			expectSameAsServer(c.doc, server, boardId, `${message} client ${i}`);
	}, ms);
}
