import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { addCard, readBoard } from '$lib/board/board-doc';
import {
	MAX_CLAIMS_PER_CONNECTION,
	MAX_CLAIMS_PER_PARTICIPANT,
	MAX_CLAIMS_PER_UPDATE,
	MAX_CONNECTIONS_PER_ROOM,
	MAX_PRESENCE_ENTRIES,
	MAX_SOCKETS_PER_PARTICIPANT,
	READ_BURST
} from '$lib/sync/limits';
import { syncStep1Message } from '$lib/sync/protocol';
import {
	attack,
	awarenessFrame,
	Close,
	freshClientId,
	honestClient,
	serverDoc,
	stateVector,
	updateFrame
} from './sync-adversary';
import {
	accountCookie,
	changePhase,
	guestCookie,
	openTodaysBoard,
	rawSocket,
	removeDir,
	startTestServer,
	type TestServer
} from './sync-server';

/**
 * B13: one client cannot take a room from everyone else (sync-bounds.test.ts has
 * the bounds per participant). What a hostile review
 * found open: floods of sync requests, client ids without end, a room filled by
 * one join code, presence messages of a hundred thousand entries.
 */
let server: TestServer;
let boardId: string;
let joinCode: string;
let seq = 0;
const guest = (name: string) => guestCookie(server, joinCode, `${name} ${++seq}`);

beforeEach(async () => {
	server = await startTestServer();
	({ boardId, joinCode } = openTodaysBoard(server));
});

afterEach(async () => {
	await server.stop();
	removeDir(server.dir);
});

/** An update of nothing but an empty (GC) struct under `client`: it claims the id and adds no item. */
function emptyStructUnder(client: number): Uint8Array {
	const e = encoding.createEncoder();
	for (const n of [1, 1, client, 0]) encoding.writeVarUint(e, n);
	encoding.writeUint8(e, 0); // GC struct
	encoding.writeVarUint(e, 1);
	encoding.writeVarUint(e, 0); // empty delete set
	return encoding.toUint8Array(e);
}

describe('[B13] bounds on what one connection may ask of a room', () => {
	it(`answers at most ${READ_BURST} sync requests at once, then closes with 4429`, async () => {
		const frames = Array.from({ length: READ_BURST + 20 }, () =>
			syncStep1Message(new Uint8Array([0]))
		);
		const closed = await attack(server, boardId, guest('Curioso').cookie, frames);
		expect(closed).toEqual({ code: Close.tooMany, reason: 'too many sync requests' });
	});

	it(`claims at most ${MAX_CLAIMS_PER_CONNECTION} client ids per connection; the room's clocks stay`, async () => {
		const before = stateVector(serverDoc(server, boardId)).length;
		const updates = Math.ceil(MAX_CLAIMS_PER_CONNECTION / MAX_CLAIMS_PER_UPDATE) + 3;
		const frames = Array.from({ length: updates }, () =>
			updateFrame(
				Y.mergeUpdates(
					Array.from({ length: MAX_CLAIMS_PER_UPDATE }, () => emptyStructUnder(freshClientId()))
				)
			)
		);
		const closed = await attack(server, boardId, guest('Ostile').cookie, frames);
		expect(closed).toEqual({ code: Close.tooMany, reason: 'refused: too many client ids' });
		expect(stateVector(serverDoc(server, boardId)).length - before).toBeLessThanOrEqual(
			MAX_CLAIMS_PER_CONNECTION
		);
	});

	it(`claims at most ${MAX_CLAIMS_PER_PARTICIPANT} client ids per participant, over any number of connections`, async () => {
		const { cookie } = guest('Tempesta');
		const before = stateVector(serverDoc(server, boardId)).length;
		const claimed = () => stateVector(serverDoc(server, boardId)).length - before;
		const fullConnection = () =>
			Array.from({ length: MAX_CLAIMS_PER_CONNECTION / MAX_CLAIMS_PER_UPDATE }, () =>
				updateFrame(
					Y.mergeUpdates(
						Array.from({ length: MAX_CLAIMS_PER_UPDATE }, () => emptyStructUnder(freshClientId()))
					)
				)
			);
		// A reconnecting storm: each socket claims all a connection may, then drops.
		const storm = async (who: string, sockets: number) => {
			const start = claimed();
			for (let n = 1; n <= sockets; n++) {
				const socket = rawSocket(server, boardId, { cookie: who, origin: server.origin });
				expect((await socket.opened).status).toBe(101);
				for (const frame of fullConnection()) socket.ws.send(frame);
				await vi.waitFor(() => expect(claimed() - start).toBe(n * MAX_CLAIMS_PER_CONNECTION));
				socket.ws.close();
				await socket.closed;
			}
		};
		await storm(cookie, MAX_CLAIMS_PER_PARTICIPANT / MAX_CLAIMS_PER_CONNECTION);
		const closed = await attack(server, boardId, cookie, fullConnection());
		expect(closed).toEqual({ code: Close.tooMany, reason: 'refused: too many client ids' });
		expect(claimed()).toBe(MAX_CLAIMS_PER_PARTICIPANT);
		// Those who run the room are not locked out of it: a facilitator's reloads have no bound.
		await storm(
			accountCookie(server, 'facilitatore@demo.local'),
			MAX_CLAIMS_PER_PARTICIPANT / MAX_CLAIMS_PER_CONNECTION + 1
		);
		// The bound is the participant's: someone else still joins and writes.
		changePhase(server.services, boardId, 'collect');
		const neighbour = guest('Vicina');
		const other = honestClient(server, boardId, neighbour.cookie);
		await other.synced;
		addCard(other.doc, {
			id: 'card-vicina',
			kind: 'need',
			text: 'Un posto per tutti',
			authorId: neighbour.participantId,
			createdAt: Date.now()
		});
		await vi.waitFor(() =>
			expect(readBoard(serverDoc(server, boardId)).cards.map((c) => c.id)).toContain('card-vicina')
		);
		expect(other.problems).toEqual([]);
		other.provider.destroy();
	});

	it(`closes a presence message of more than ${MAX_PRESENCE_ENTRIES} entries as malformed`, async () => {
		const entries = Array.from({ length: MAX_PRESENCE_ENTRIES + 1 }, (_, i) => ({
			clientId: 1000 + i,
			clock: 1,
			state: null
		}));
		const closed = await attack(server, boardId, guest('Rumoroso').cookie, [
			awarenessFrame(entries)
		]);
		expect(closed.code).toBe(Close.malformed);
	});

	it('keeps seats for the facilitator when one join code fills the room', async () => {
		const sockets = [];
		for (let i = 0; i < MAX_CONNECTIONS_PER_ROOM / MAX_SOCKETS_PER_PARTICIPANT; i++) {
			const { cookie } = guest('Folla');
			for (let s = 0; s < MAX_SOCKETS_PER_PARTICIPANT; s++)
				sockets.push(rawSocket(server, boardId, { cookie, origin: server.origin }));
		}
		await Promise.all(sockets.map((s) => s.opened));
		const late = rawSocket(server, boardId, {
			cookie: guest('Tardi').cookie,
			origin: server.origin
		});
		expect((await late.closed).reason).toBe('board full');
		const facilitator = honestClient(
			server,
			boardId,
			accountCookie(server, 'facilitatore@demo.local')
		);
		await facilitator.synced;
		facilitator.provider.destroy();
		for (const s of sockets) s.ws.terminate();
	}, 30_000);
});
