import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCard, readBoard, Root } from '$lib/board/board-doc';
import { presenceOf } from '$lib/board/board-live';
import {
	eventually,
	guestCookie,
	openTodaysBoard,
	removeDir,
	startTestServer,
	type TestServer
} from './sync-server';
import { honestClient, type Client } from './sync-adversary';

/**
 * A plenary (SPEC B12, B13): 150 stock y-websocket clients in one board, each
 * publishing presence from its first message, as the app does. A stock client
 * sends back every presence it receives, so each newcomer's first messages carry
 * everyone's entries: none of that may close anybody.
 */
const PEOPLE = 150;
const WRITERS = 10;

let server: TestServer;
let boardId: string;
let joinCode: string;
const clients: { client: Client; participantId: string }[] = [];

beforeAll(async () => {
	// Every provider adds a process 'exit' listener; 150 of them are expected here.
	process.setMaxListeners(0);
	server = await startTestServer();
	({ boardId, joinCode } = openTodaysBoard(server));
});

afterAll(async () => {
	for (const { client } of clients) client.provider.destroy();
	await server.stop();
	removeDir(server.dir);
});

describe('[B12-B13] a plenary of 150 people with presence on', () => {
	it('lets 150 clients join one after another, and every card reaches all of them', async () => {
		const started = Date.now();
		for (let i = 0; i < PEOPLE; i++) {
			const { cookie, participantId } = guestCookie(server, joinCode, `Persona ${i}`);
			const client = honestClient(server, boardId, cookie, {
				presence: { cursor: null, typing: false }
			});
			clients.push({ client, participantId });
			await client.synced;
		}
		const joinedMs = Date.now() - started;
		const problems = () =>
			clients.flatMap(({ client }, i) => client.problems.map((p) => `client ${i}: ${p}`));
		// Nobody was closed while the others joined (each newcomer sends back everyone's presence).
		await new Promise((r) => setTimeout(r, 500));
		expect(problems()).toEqual([]);

		// Everyone sees everyone's presence, named as the board's participants map names them.
		const last = clients.at(-1)!.client;
		await eventually(() => {
			const states = last.provider.awareness.getStates();
			expect(states.size).toBe(PEOPLE);
			const names = last.doc.getMap(Root.participants);
			// Its own state carries no `user`: the server stamps what it relays.
			expect(presenceOf(states.values(), names)).toHaveLength(PEOPLE - 1);
		}, 20_000);

		const writers = clients.filter((_, i) => i % (PEOPLE / WRITERS) === 0);
		const cardIds = writers.map((_, i) => `plenaria${i}`);
		writers.forEach(({ client, participantId }, i) => {
			client.provider.awareness.setLocalStateField('typing', true);
			addCard(client.doc, {
				id: cardIds[i]!,
				kind: 'proposal',
				text: `Proposta ${i} dalla plenaria`,
				authorId: participantId,
				createdAt: Date.now()
			});
			client.provider.awareness.setLocalStateField('typing', false);
		});
		await eventually(() => {
			for (const { client } of clients)
				expect(readBoard(client.doc).cards.map((c) => c.id)).toEqual(
					expect.arrayContaining(cardIds)
				);
		}, 30_000);

		// Stock clients renew their presence every 15 s, and echo everyone else's renewal.
		await new Promise((r) => setTimeout(r, 16_000));
		await eventually(() => expect(last.provider.awareness.getStates().size).toBe(PEOPLE));

		expect(problems()).toEqual([]);
		expect(clients.every(({ client }) => client.provider.wsconnected)).toBe(true);
		expect(server.app.hub.room(boardId)!.connectionCount).toBe(PEOPLE);
		console.log(`${PEOPLE} joined in ${joinedMs} ms; all done in ${Date.now() - started} ms`);
	}, 90_000);
});
