import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addCard, createCluster, readBoard, readMeta, setCardText } from '$lib/board/board-doc';
import type { BoardPhase } from '$lib/board/board';
import {
	accountCookie,
	changePhase,
	eventually,
	guestCookie,
	openTodaysBoard,
	rawSocket,
	removeDir,
	setCardLimit,
	startTestServer,
	updateSettings,
	type TestServer
} from './sync-server';
import {
	attack,
	awarenessFrame,
	changeOf,
	Close,
	expectNothingPending,
	expectSameAsServer,
	fork,
	freshClientId,
	honestClient,
	metaOfRow,
	serverDoc,
	settled,
	updateFrame,
	type Client
} from './sync-adversary';

/**
 * Bounds per participant (SPEC B13, docs/BOARD.md): one participant's sockets,
 * update rate, presence, cards and clusters cannot take the board from everyone
 * else, and honest use — fast typing, a paste, a bad network — stays far below
 * every bound.
 */
let server: TestServer;
let boardId: string;
let joinCode: string;
let seq = 0;
const open: Client[] = [];
const sockets: WebSocket[] = [];

const nextId = (prefix: string) => `${prefix}${++seq}`;
const guest = (name: string) => guestCookie(server, joinCode, `${name} ${++seq}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A server per test: one bound's leftovers (sockets, clusters, limits) stay out of the next.
beforeEach(async () => {
	server = await startTestServer();
	({ boardId, joinCode } = openTodaysBoard(server));
});

afterEach(async () => {
	for (const c of open.splice(0)) c.provider.destroy();
	for (const s of sockets.splice(0)) s.terminate();
	await server.stop();
	removeDir(server.dir);
});

function client(cookie: string, options: { presence?: Record<string, unknown> } = {}): Client {
	const c = honestClient(server, boardId, cookie, options);
	open.push(c);
	return c;
}

function socketOf(cookie: string) {
	const s = rawSocket(server, boardId, { cookie, origin: server.origin });
	sockets.push(s.ws);
	return s;
}

function settings(
	phase: BoardPhase,
	patch: { locked?: boolean; participantsCanCluster?: boolean }
) {
	changePhase(server.services, boardId, phase);
	updateSettings(server.services, boardId, {
		locked: patch.locked ?? false,
		participantsCanCluster: patch.participantsCanCluster ?? false
	});
}

/** Resolves with the close event, or with code -1 if the socket is still open after `ms`. */
function closedWithin(s: ReturnType<typeof rawSocket>, ms: number) {
	return Promise.race([s.closed, sleep(ms).then(() => ({ code: -1, reason: 'still open' }))]);
}

async function honestPair() {
	settings('collect', {});
	const who = guest('Onesta');
	const facilitator = client(accountCookie(server, 'facilitatore@demo.local'), {
		presence: { cursor: null, typing: false }
	});
	const participant = client(who.cookie, { presence: { cursor: null, typing: false } });
	await Promise.all([facilitator.synced, participant.synced]);
	const cardId = nextId('card');
	addCard(participant.doc, {
		id: cardId,
		kind: 'need',
		text: 'Sportello aperto il sabato',
		authorId: who.participantId,
		createdAt: Date.now()
	});
	const clients = [facilitator, participant];
	await settled(server, boardId, clients);
	return { facilitator, participant, who, cardId, clients };
}

/** `count` tiny valid updates of a participant's own card: a character in, then out. */
function tinyUpdates(doc: Y.Doc, participantId: string, count: number): Uint8Array[] {
	const cardId = nextId('flood');
	const updates = [
		changeOf(doc, (d) =>
			addCard(d, { id: cardId, kind: 'need', text: 'a', authorId: participantId, createdAt: 1 })
		)
	];
	const text = () => doc.getMap<Y.Map<unknown>>('cards').get(cardId)!.get('text') as Y.Text;
	for (let i = 1; i < count; i++)
		updates.push(changeOf(doc, () => (i % 2 ? text().insert(0, 'b') : text().delete(0, 1))));
	return updates;
}

describe('[B13] one participant against the board', () => {
	it('keeps the 4 newest sockets of a participant: each newer one closes the oldest with 4408', async () => {
		const { clients } = await honestPair();
		const many = guest('Molte schede');
		const opened: ReturnType<typeof rawSocket>[] = [];
		for (let i = 0; i < 10; i++) {
			const s = socketOf(many.cookie);
			expect((await s.opened).status).toBe(101);
			opened.push(s);
			if (i < 4) continue;
			const closed = await closedWithin(opened[i - 4]!, 2000);
			expect(closed.code, `socket ${i - 4} when socket ${i} opened`).toBe(Close.superseded);
			expect(closed.reason).toMatch(/^superseded/);
		}
		await sleep(200);
		expect(opened.map((s) => s.ws.readyState === WebSocket.OPEN)).toEqual([
			...Array<boolean>(6).fill(false),
			...Array<boolean>(4).fill(true)
		]);
		for (const c of clients) expect(c.problems).toEqual([]);
	});

	it('closes a connection that floods 1,000 tiny valid updates with 4429; the others go on', async () => {
		const { clients } = await honestPair();
		const flooder = guest('Fiume');
		const s = socketOf(flooder.cookie);
		expect((await s.opened).status).toBe(101);
		const doc = fork(server, boardId);
		for (const update of tinyUpdates(doc, flooder.participantId, 1000))
			s.ws.send(updateFrame(update));
		expect((await closedWithin(s, 5000)).code).toBe(Close.tooMany);
		await settled(server, boardId, clients);
		for (const c of clients) expect(c.problems).toEqual([]);
		expectNothingPending(server, boardId);
	});

	it('publishes one client id of presence per connection; other entries are dropped, never a close', async () => {
		const { facilitator, clients } = await honestPair();
		const spammer = guest('Presenze');
		const s = socketOf(spammer.cookie);
		expect((await s.opened).status).toBe(101);
		const ids = Array.from({ length: 240 }, () => freshClientId());
		const state = (i: number) => ({ cursor: `card${i}`, typing: true });
		// First a null state (not a publication), then 119 others: the first non-null one binds.
		s.ws.send(
			awarenessFrame([
				{ clientId: ids[0]!, clock: 1, state: null },
				...ids.slice(1, 120).map((clientId, i) => ({ clientId, clock: 1, state: state(i) }))
			])
		);
		s.ws.send(
			awarenessFrame(ids.slice(120).map((clientId, i) => ({ clientId, clock: 1, state: state(i) })))
		);
		for (let clock = 2; clock < 200; clock++)
			s.ws.send(awarenessFrame([{ clientId: ids[1]!, clock, state: state(clock) }]));
		const published = () =>
			[...facilitator.provider.awareness.getStates()].filter(
				([, st]) => (st as { user?: { id?: string } }).user?.id === spammer.participantId
			);
		await eventually(() => expect(published().map(([id]) => id)).toEqual([ids[1]]));
		expect((await closedWithin(s, 500)).code).toBe(-1);
		expect(published()).toHaveLength(1);

		s.ws.send(
			awarenessFrame([{ clientId: ids[1]!, clock: 500, state: { cursor: 'x'.repeat(3000) } }])
		);
		expect((await closedWithin(s, 2000)).code).toBe(Close.tooLarge);
		await eventually(() => expect(published()).toEqual([]));
		for (const c of clients) expect(c.problems).toEqual([]);
	});

	it('after sockets, update and presence floods, a newcomer joins and syncs and honest edits reach everyone', async () => {
		const { facilitator, participant, who, cardId, clients } = await honestPair();
		const attacker = guest('Assedio');
		const opened: ReturnType<typeof rawSocket>[] = [];
		for (let i = 0; i < 10; i++) {
			const s = socketOf(attacker.cookie);
			expect((await s.opened).status).toBe(101);
			opened.push(s);
		}
		await eventually(() =>
			expect(opened.filter((s) => s.ws.readyState === WebSocket.OPEN)).toHaveLength(4)
		);
		const [a, b, c, d] = opened.slice(6);
		const doc = fork(server, boardId);
		for (const update of tinyUpdates(doc, attacker.participantId, 1000))
			a!.ws.send(updateFrame(update));
		for (let round = 0; round < 5; round++)
			b!.ws.send(
				awarenessFrame(
					Array.from({ length: 120 }, (_, i) => ({
						clientId: freshClientId(),
						clock: round + 1,
						state: { cursor: `x${i}`, typing: true }
					}))
				)
			);
		for (let i = 0; i < 200; i++)
			c!.ws.send(
				awarenessFrame([{ clientId: 4242, clock: i + 1, state: { typing: i % 2 === 0 } }])
			);
		expect((await closedWithin(a!, 5000)).code).toBe(Close.tooMany);
		for (const s of [b, c, d]) expect(s!.ws.readyState).toBe(WebSocket.OPEN);

		const newcomer = guest('Ultima');
		const late = client(newcomer.cookie, { presence: { cursor: null, typing: false } });
		await late.synced;
		setCardText(participant.doc, cardId, 'Sportello aperto il sabato mattina');
		addCard(late.doc, {
			id: nextId('late'),
			kind: 'resource',
			text: 'Volontari per il sabato',
			authorId: newcomer.participantId,
			createdAt: Date.now()
		});
		const all = [...clients, late];
		await settled(server, boardId, all);
		for (const x of all) {
			expect(readBoard(x.doc).cards.find((k) => k.id === cardId)?.text).toBe(
				'Sportello aperto il sabato mattina'
			);
			expect(x.problems).toEqual([]);
		}
		// Presence: at most one entry per open socket of the attacker, the others' names intact.
		await eventually(() => {
			const states = [...facilitator.provider.awareness.getStates().values()] as {
				user?: { id?: string; name?: string };
			}[];
			expect(states.filter((st) => st.user?.id === attacker.participantId).length).toBe(2);
			expect(states.filter((st) => st.user?.id === who.participantId)).toHaveLength(1);
			expect(states.filter((st) => st.user?.id === newcomer.participantId)).toHaveLength(1);
		});
		expectNothingPending(server, boardId);
	});
});

describe('[B13] honest use stays below every bound', () => {
	it('typing a character every 60 ms for 5 s, pasting 450 characters and reconnecting 5 times', async () => {
		const { clients, facilitator } = await honestPair();
		const typist = guest('Veloce');
		const paster = guest('Incolla');
		const roamer = guest('Treno');
		const t = client(typist.cookie, { presence: { cursor: null, typing: false } });
		const p = client(paster.cookie, { presence: { cursor: null, typing: false } });
		const r = client(roamer.cookie, { presence: { cursor: null, typing: false } });
		await Promise.all([t.synced, p.synced, r.synced]);
		const typed = nextId('typed');
		const pasted = nextId('pasted');
		addCard(t.doc, {
			id: typed,
			kind: 'need',
			text: '',
			authorId: typist.participantId,
			createdAt: 1
		});
		addCard(p.doc, {
			id: pasted,
			kind: 'need',
			text: '',
			authorId: paster.participantId,
			createdAt: 2
		});
		const phrase = 'Servono trasporti serali per chi lavora fuori comune. ';

		const typing = (async () => {
			let text = '';
			for (let i = 0; i < Math.round(5000 / 60); i++) {
				text += phrase[i % phrase.length];
				setCardText(t.doc, typed, text);
				if (i % 10 === 0) t.provider.awareness.setLocalStateField('typing', i % 20 === 0);
				await sleep(60);
			}
			return text;
		})();
		const paste = 'Incollato da un documento: '.padEnd(450, 'x');
		setCardText(p.doc, pasted, paste);
		const reconnecting = (async () => {
			for (let i = 0; i < 5; i++) {
				r.provider.disconnect();
				await sleep(50);
				const synced = new Promise((resolve) => r.provider.once('sync', resolve));
				r.provider.connect();
				await synced;
			}
			// The same person reloading the page five times: a new tab, the old one gone.
			for (let i = 0; i < 5; i++) {
				const tab = client(roamer.cookie, { presence: { cursor: null, typing: false } });
				await tab.synced;
				tab.provider.destroy();
			}
		})();
		const [text] = await Promise.all([typing, reconnecting]);
		const all = [...clients, t, p, r];
		await settled(server, boardId, all);
		const cards = readBoard(serverDoc(server, boardId)).cards;
		expect(cards.find((c) => c.id === typed)?.text).toBe(text);
		expect(cards.find((c) => c.id === pasted)?.text).toBe(paste);
		for (const c of all) {
			expect(c.problems).toEqual([]);
			expect(c.provider.wsconnected).toBe(true);
		}
		for (const c of open) expect(c.problems).toEqual([]);
		expect(readMeta(facilitator.doc)).toEqual(metaOfRow(server, boardId));
	}, 30_000);
});

describe('[B13] cards and clusters', () => {
	it('refuses one update with more cards than the board’s limit per participant (4429)', async () => {
		const { clients } = await honestPair();
		const { cardLimit } = metaOfRow(server, boardId);
		const writer = guest('Copione');
		const doc = fork(server, boardId);
		const update = changeOf(doc, (d) =>
			d.transact(() => {
				for (let i = 0; i <= cardLimit; i++)
					addCard(d, {
						id: nextId('bulk'),
						kind: 'need',
						text: `Carta ${i}`,
						authorId: writer.participantId,
						createdAt: i
					});
			})
		);
		const before = readBoard(serverDoc(server, boardId)).cards.length;
		expect((await attack(server, boardId, writer.cookie, [updateFrame(update)])).code).toBe(
			Close.tooMany
		);
		expect(readBoard(serverDoc(server, boardId)).cards).toHaveLength(before);
		await settled(server, boardId, clients);
	});

	it('follows the facilitator’s card limit: 100 cards in one update past 60, then 5, then 10', async () => {
		const { clients, facilitator } = await honestPair();
		setCardLimit(server.services, boardId, 60);
		await settled(server, boardId, clients);
		const writer = guest('Prolifica');
		const bulk = changeOf(fork(server, boardId), (d) =>
			d.transact(() => {
				for (let i = 0; i < 100; i++)
					addCard(d, {
						id: nextId('bulk'),
						kind: 'need',
						text: `Carta ${i}`,
						authorId: writer.participantId,
						createdAt: i
					});
			})
		);
		expect((await attack(server, boardId, writer.cookie, [updateFrame(bulk)])).code).toBe(
			Close.tooMany
		);

		setCardLimit(server.services, boardId, 5);
		await settled(server, boardId, clients);
		const doc = fork(server, boardId);
		const one = () =>
			updateFrame(
				changeOf(doc, (d) =>
					addCard(d, {
						id: nextId('limited'),
						kind: 'need',
						text: 'Una carta',
						authorId: writer.participantId,
						createdAt: Date.now()
					})
				)
			);
		const count = () =>
			readBoard(serverDoc(server, boardId)).cards.filter((c) => c.authorId === writer.participantId)
				.length;
		const first = socketOf(writer.cookie);
		expect((await first.opened).status).toBe(101);
		for (let i = 0; i < 5; i++) first.ws.send(one());
		await eventually(() => expect(count()).toBe(5));
		first.ws.send(one());
		expect((await closedWithin(first, 2000)).code).toBe(Close.tooMany);
		expect(count()).toBe(5);

		setCardLimit(server.services, boardId, 10);
		const second = socketOf(writer.cookie);
		expect((await second.opened).status).toBe(101);
		const resent = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(serverDoc(server, boardId)));
		// The refused card is resent with the next ones (as a client that syncs again would).
		second.ws.send(updateFrame(resent));
		for (let i = 0; i < 4; i++) second.ws.send(one());
		await eventually(() => expect(count()).toBe(10));
		second.ws.send(one());
		expect((await closedWithin(second, 2000)).code).toBe(Close.tooMany);

		// Facilitators are bounded by the board's total only.
		const facilitatorCards = Array.from({ length: 12 }, () => nextId('fac'));
		facilitator.doc.transact(() => {
			for (const id of facilitatorCards)
				addCard(facilitator.doc, {
					id,
					kind: 'proposal',
					text: 'Dal facilitatore',
					authorId: null,
					createdAt: Date.now()
				});
		});
		await settled(server, boardId, clients);
		expect(readBoard(serverDoc(server, boardId)).cards.map((c) => c.id)).toEqual(
			expect.arrayContaining(facilitatorCards)
		);
		for (const c of clients) expect(c.problems).toEqual([]);
	});

	it('refuses the 201st cluster of a board (4429)', async () => {
		const { facilitator, clients } = await honestPair();
		settings('cluster', { participantsCanCluster: true });
		await settled(server, boardId, clients);
		const existing = readBoard(serverDoc(server, boardId)).clusters.length;
		facilitator.doc.transact(() => {
			for (let i = existing; i < 200; i++)
				createCluster(facilitator.doc, { id: nextId('cl'), title: `Gruppo ${i}`, createdAt: i });
		});
		await settled(server, boardId, clients);
		expect(readBoard(serverDoc(server, boardId)).clusters).toHaveLength(200);
		const update = changeOf(fork(server, boardId), (d) =>
			createCluster(d, { id: nextId('cl'), title: 'Uno di troppo', createdAt: 1 })
		);
		expect(
			(await attack(server, boardId, guest('Raggruppa').cookie, [updateFrame(update)])).code
		).toBe(Close.tooMany);
		expect(readBoard(serverDoc(server, boardId)).clusters).toHaveLength(200);
		await settled(server, boardId, clients);
		for (const c of clients) {
			expect(c.problems).toEqual([]);
			expectSameAsServer(c.doc, server, boardId);
		}
	});
});
