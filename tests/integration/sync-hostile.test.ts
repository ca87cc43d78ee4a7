import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addCard,
	createCluster,
	deleteCard,
	readBoard,
	readMeta,
	setCardText
} from '$lib/board/board-doc';
import type { BoardPhase } from '$lib/board/board';
import { addComment, readComments } from '$lib/objectives/objective-doc';
import {
	accountCookie,
	changePhase,
	eventually,
	guestCookie,
	openOtherBoard,
	openTodaysBoard,
	rawSocket,
	removeDir,
	setFollow,
	setOpenFields,
	setSpotlight,
	startTestServer,
	updateSettings,
	type TestServer
} from './sync-server';
import { getBoard } from '$lib/board/board-store.server';
import {
	attack,
	changeOf,
	Close,
	content,
	deleteSetUpdate,
	expectMetaIsRow,
	expectNothingPending,
	expectSameAsServer,
	fork,
	freshClientId,
	honestClient,
	serverClientId,
	serverDoc,
	settled,
	stateOf,
	stateVector,
	updateFrame,
	writerOfCard,
	type Client
} from './sync-adversary';

/**
 * Hostile updates against a real server (docs/BOARD.md, "Effects"; SPEC B9, B10,
 * O4): each class is refused with its sender's socket closed, while a facilitator
 * and a participant who stay connected, and a newcomer who connects afterwards,
 * all hold a document the attack did not touch — the server's.
 */
let server: TestServer;
let boardId: string;
let joinCode: string;
let seq = 0;
const open: Client[] = [];

const nextId = (prefix: string) => `${prefix}${++seq}`;
const guest = (name: string) => guestCookie(server, joinCode, `${name} ${++seq}`);

// A server per test: what one class of attack leaves behind cannot fail the next.
beforeEach(async () => {
	server = await startTestServer();
	({ boardId, joinCode } = openTodaysBoard(server));
});

afterEach(async () => {
	for (const c of open.splice(0)) c.provider.destroy();
	await server.stop();
	removeDir(server.dir);
});

function client(cookie: string): Client {
	const c = honestClient(server, boardId, cookie);
	open.push(c);
	return c;
}

/** The facilitator's commands, in process, as the HTTP handlers would call them. */
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

interface World {
	facilitator: Client;
	participant: Client;
	victim: { cookie: string; participantId: string };
	/** A card of the participant, written while collecting. */
	cardId: string;
	clients: Client[];
}

/** A facilitator and a participant, connected, with one card of the participant on the board. */
async function honestWorld(): Promise<World> {
	settings('collect', {});
	const victim = guest('Onesta');
	const facilitator = client(accountCookie(server, 'facilitatore@demo.local'));
	const participant = client(victim.cookie);
	await Promise.all([facilitator.synced, participant.synced]);
	const cardId = nextId('card');
	addCard(participant.doc, {
		id: cardId,
		kind: 'need',
		text: 'Trasporti per le frazioni',
		authorId: victim.participantId,
		createdAt: Date.now()
	});
	const clients = [facilitator, participant];
	await settled(server, boardId, clients);
	return { facilitator, participant, victim, cardId, clients };
}

/** Moves the board to `phase` and waits until the honest clients see it. */
async function moveTo(
	w: World,
	phase: BoardPhase,
	patch: { locked?: boolean; participantsCanCluster?: boolean } = {}
) {
	settings(phase, patch);
	await settled(server, boardId, w.clients);
	expect(readMeta(w.participant.doc).phase).toBe(phase);
}

/**
 * The attack left no trace: the honest clients and a newcomer hold the server's
 * document, whose content is what it was before; none of the attacker's client
 * ids reached anyone; nothing waits in Yjs's pending queues.
 */
async function expectUnaffected(
	w: World,
	before: ReturnType<typeof content>,
	attackerIds: number[] = []
) {
	await settled(server, boardId, w.clients);
	expect(content(serverDoc(server, boardId))).toEqual(before);
	for (const c of w.clients) {
		expect(content(c.doc)).toEqual(before);
		expect(c.problems).toEqual([]);
		expect(c.provider.wsconnected).toBe(true);
	}
	expectNothingPending(server, boardId);
	const fresh = client(guest('Nuova').cookie);
	await fresh.synced;
	await settled(server, boardId, [fresh]);
	expect(content(fresh.doc)).toEqual(before);
	for (const doc of [serverDoc(server, boardId), fresh.doc, ...w.clients.map((c) => c.doc)]) {
		const clients = stateVector(doc).map(([client]) => client);
		for (const id of attackerIds) expect(clients).not.toContain(id);
	}
	expectMetaIsRow(serverDoc(server, boardId), server, boardId);
	fresh.provider.destroy();
}

/** After an attack, the server and the victim write again: everyone sees both. */
async function expectLaterWritesStay(w: World) {
	updateSettings(server.services, boardId, { locked: true });
	const serverCard = nextId('server');
	server.app.hub.serverChange(
		boardId,
		(doc) =>
			addCard(doc, {
				id: serverCard,
				kind: 'resource',
				text: 'Pubblicata dal server',
				authorId: null,
				createdAt: Date.now()
			}),
		[{ cardId: serverCard, participantId: null }]
	);
	await settled(server, boardId, w.clients);
	for (const c of w.clients) {
		expect(readMeta(c.doc).locked).toBe(true);
		expect(readBoard(c.doc).cards.map((x) => x.id)).toContain(serverCard);
	}
	expectMetaIsRow(serverDoc(server, boardId), server, boardId);

	updateSettings(server.services, boardId, { locked: false });
	await settled(server, boardId, w.clients);
	const victimCard = nextId('card');
	addCard(w.participant.doc, {
		id: victimCard,
		kind: 'proposal',
		text: 'Un pulmino condiviso tra i comuni',
		authorId: w.victim.participantId,
		createdAt: Date.now()
	});
	setCardText(w.participant.doc, w.cardId, 'Trasporti per le frazioni e le visite');
	await settled(server, boardId, w.clients);
	const fresh = client(guest('Dopo').cookie);
	await fresh.synced;
	await settled(server, boardId, [fresh]);
	for (const doc of [serverDoc(server, boardId), fresh.doc, ...w.clients.map((c) => c.doc)]) {
		const cards = readBoard(doc).cards;
		expect(cards.map((x) => x.id)).toEqual(expect.arrayContaining([serverCard, victimCard]));
		expect(cards.find((x) => x.id === w.cardId)?.text).toBe(
			'Trasporti per le frazioni e le visite'
		);
		expect(readMeta(doc).locked).toBe(false);
	}
	expectMetaIsRow(serverDoc(server, boardId), server, boardId);
	expectNothingPending(server, boardId);
	for (const c of [...w.clients, fresh]) expect(c.problems).toEqual([]);
}

describe('[B9] a delete set that reaches past the clocks the server holds', () => {
	const ranges: [string, (state: number) => { clock: number; len: number }][] = [
		// Past what the server writes meanwhile (the attacker's name, when it connects).
		['future clocks only', (state) => ({ clock: state + 1000, len: 10_000 })],
		['from the next clock on', (state) => ({ clock: state, len: 10_000 })],
		['present and future clocks', (state) => ({ clock: 0, len: state + 10_000 })]
	];

	it.each(ranges)(
		'of the server’s own client id (%s) is refused; later server writes reach everyone',
		async (_, range) => {
			const w = await honestWorld();
			const doc = serverDoc(server, boardId);
			const serverId = serverClientId(server, boardId);
			expect(serverId).toBe(doc.clientID);
			const before = content(doc);
			const closed = await attack(server, boardId, guest('Ostile').cookie, [
				updateFrame(deleteSetUpdate([{ client: serverId, ...range(stateOf(doc, serverId)) }]))
			]);
			expect(closed.code).toBe(Close.refused);
			await expectUnaffected(w, before);
			await expectLaterWritesStay(w);
		}
	);

	it.each(ranges)(
		'of another participant’s client id, seen on their card (%s), is refused; their next card stays',
		async (_, range) => {
			const w = await honestWorld();
			const doc = serverDoc(server, boardId);
			const victimId = writerOfCard(server, boardId, w.cardId);
			expect(victimId).toBe(w.participant.doc.clientID);
			const before = content(doc);
			const closed = await attack(server, boardId, guest('Ostile').cookie, [
				updateFrame(deleteSetUpdate([{ client: victimId, ...range(stateOf(doc, victimId)) }]))
			]);
			expect(closed.code).toBe(Close.refused);
			await expectUnaffected(w, before);
			await expectLaterWritesStay(w);
		}
	);

	it('of another participant’s client id, seen in presence, is refused', async () => {
		const w = await honestWorld();
		w.participant.provider.awareness.setLocalState({ cursor: null, typing: true });
		let victimId = -1;
		await eventually(() => {
			const entry = [...w.facilitator.provider.awareness.getStates()].find(
				([, state]) => (state as { user?: { id?: string } }).user?.id === w.victim.participantId
			);
			expect(entry).toBeDefined();
			victimId = entry![0];
		});
		const doc = serverDoc(server, boardId);
		const before = content(doc);
		const closed = await attack(server, boardId, guest('Ostile').cookie, [
			updateFrame(
				deleteSetUpdate([{ client: victimId, clock: stateOf(doc, victimId) + 100, len: 5000 }])
			)
		]);
		expect(closed.code).toBe(Close.refused);
		await expectUnaffected(w, before);
		await expectLaterWritesStay(w);
	});
});

/**
 * An update of a fresh client id whose structs are built on items of `ownerId`
 * the server does not hold yet: the attacker writes them in its fork under the
 * owner's id, then builds on them under its own, and sends only its own part.
 */
function builtOnFuture(ownerId: number, attackerId: number, how: 'origin' | 'parent') {
	const doc = fork(server, boardId, ownerId);
	// Far enough ahead that what the server writes meanwhile (the attacker's own
	// name, when it connects) does not reach these clocks.
	doc.getMap('cards').set(nextId('filler'), new Y.Text('x'.repeat(1000)));
	const futureCard = nextId('future');
	addCard(doc, {
		id: futureCard,
		kind: 'need',
		text: 'x'.repeat(40),
		authorId: null,
		createdAt: Date.now()
	});
	const sent = Y.encodeStateVector(doc);
	doc.clientID = attackerId;
	const card = doc.getMap<Y.Map<unknown>>('cards').get(futureCard)!;
	// A new key of the future map: only its parent names the owner's item.
	if (how === 'parent') card.set('target', 'anziani');
	// After the future text's last character: its origin does.
	else (card.get('text') as Y.Text).insert(40, 'y');
	const update = Y.encodeStateAsUpdate(doc, sent);
	const decoded = Y.decodeUpdate(update);
	expect(decoded.structs.every((s) => s.id.client === attackerId)).toBe(true);
	return update;
}

describe('[B9] structs built on items the server does not hold', () => {
	it.each([
		['another participant', 'origin'],
		['another participant', 'parent'],
		['the server', 'origin'],
		['the server', 'parent']
	] as const)('of %s (by %s) are refused with 4403', async (owner, how) => {
		const w = await honestWorld();
		const ownerId =
			owner === 'the server'
				? serverClientId(server, boardId)
				: writerOfCard(server, boardId, w.cardId);
		const attackerId = freshClientId();
		const before = content(serverDoc(server, boardId));
		const closed = await attack(server, boardId, guest('Ostile').cookie, [
			updateFrame(builtOnFuture(ownerId, attackerId, how))
		]);
		expect(closed.code).toBe(Close.refused);
		await expectUnaffected(w, before, [attackerId]);
		await expectLaterWritesStay(w);
	});

	it('of a client id nobody claimed are never applied: held, then the socket closes', async () => {
		const w = await honestWorld();
		const attackerId = freshClientId();
		const before = content(serverDoc(server, boardId));
		const closed = await attack(
			server,
			boardId,
			guest('Ostile').cookie,
			[updateFrame(builtOnFuture(freshClientId(), attackerId, 'parent'))],
			15_000
		);
		expect([Close.malformed, Close.refused]).toContain(closed.code);
		await expectUnaffected(w, before, [attackerId]);
	}, 30_000);

	it('are tried again only when the sender’s new items arrive, not after every update', async () => {
		await honestWorld();
		// The room's own check, counted: each call decodes an update.
		const room = (
			server.app.hub.room(boardId) as unknown as {
				room: { hooks: { check: (...a: unknown[]) => unknown } };
			}
		).room;
		const check = room.hooks.check;
		let checks = 0;
		room.hooks.check = (...a) => (checks++, check(...a));
		const held = updateFrame(builtOnFuture(freshClientId(), freshClientId(), 'parent'));
		const empty = updateFrame(Y.encodeStateAsUpdate(new Y.Doc()));
		try {
			await attack(
				server,
				boardId,
				guest('Ostile').cookie,
				[held, ...Array(30).fill(empty)],
				15_000
			);
		} finally {
			room.hooks.check = check;
		}
		// The held update once, each empty one once: 31, where retries after each made 61.
		expect(checks).toBe(31);
	}, 30_000);
});

describe('[B9] a new value at a key that holds an entry is refused', () => {
	it.each([
		['naming the attacker as author', false],
		['copying the victim’s fields', true]
	])('another participant’s card id (%s)', async (_, copy) => {
		const w = await honestWorld();
		const attacker = guest('Ostile');
		const before = content(serverDoc(server, boardId));
		const doc = fork(server, boardId);
		const update = changeOf(doc, (d) =>
			addCard(d, {
				id: w.cardId,
				kind: 'need',
				text: copy ? 'Trasporti per le frazioni' : 'Carta presa da un altro',
				authorId: copy ? w.victim.participantId : attacker.participantId,
				createdAt: copy ? before.cards.find((c) => c.id === w.cardId)!.createdAt : Date.now()
			})
		);
		const closed = await attack(server, boardId, attacker.cookie, [updateFrame(update)]);
		expect(closed.code).toBe(Close.refused);
		await expectUnaffected(w, before, [doc.clientID]);
	});

	it.each([
		['naming the attacker as author', false],
		['copying the victim’s fields', true]
	])('another participant’s comment id (%s), while drafting', async (_, copy) => {
		const w = await honestWorld();
		await moveTo(w, 'draft');
		const commentId = nextId('comment');
		const comment = {
			id: commentId,
			objectiveId: 'obiettivo1',
			field: 'title',
			parentId: null,
			text: 'Manca il trasporto serale',
			authorId: w.victim.participantId,
			createdAt: Date.now()
		};
		addComment(w.participant.doc, comment);
		await settled(server, boardId, w.clients);
		expect(readComments(serverDoc(server, boardId)).map((c) => c.id)).toContain(commentId);
		const attacker = guest('Ostile');
		const before = content(serverDoc(server, boardId));
		const doc = fork(server, boardId);
		const update = changeOf(doc, (d) =>
			addComment(
				d,
				copy ? comment : { ...comment, text: 'Altro', authorId: attacker.participantId }
			)
		);
		const closed = await attack(server, boardId, attacker.cookie, [updateFrame(update)]);
		expect(closed.code).toBe(Close.refused);
		await expectUnaffected(w, before, [doc.clientID]);
	});

	it('an existing cluster id, while participants may cluster', async () => {
		const w = await honestWorld();
		await moveTo(w, 'cluster', { participantsCanCluster: true });
		const clusterId = nextId('cluster');
		createCluster(w.participant.doc, { id: clusterId, title: 'Trasporti', createdAt: 1 });
		await settled(server, boardId, w.clients);
		expect(readBoard(serverDoc(server, boardId)).clusters.map((c) => c.id)).toContain(clusterId);
		const before = content(serverDoc(server, boardId));
		const doc = fork(server, boardId);
		const update = changeOf(doc, (d) =>
			createCluster(d, { id: clusterId, title: 'Presa', createdAt: 2 })
		);
		const closed = await attack(server, boardId, guest('Ostile').cookie, [updateFrame(update)]);
		expect(closed.code).toBe(Close.refused);
		await expectUnaffected(w, before, [doc.clientID]);
	});

	it.each([
		['naming the attacker as author', false],
		['copying the victim’s fields', true]
	])(
		'another participant’s card id disguised as a merged card, while participants may cluster (%s)',
		async (_, copy) => {
			const w = await honestWorld();
			const second = nextId('card');
			addCard(w.participant.doc, {
				id: second,
				kind: 'need',
				text: 'Orari del centro diurno',
				authorId: w.victim.participantId,
				createdAt: Date.now()
			});
			await settled(server, boardId, w.clients);
			await moveTo(w, 'cluster', { participantsCanCluster: true });
			const attacker = guest('Ostile');
			const before = content(serverDoc(server, boardId));
			const doc = fork(server, boardId);
			const update = changeOf(doc, (d) =>
				d.transact(() => {
					addCard(d, {
						id: w.cardId,
						kind: 'need',
						text: 'Trasporti per le frazioni / Orari del centro diurno',
						authorId: copy ? w.victim.participantId : attacker.participantId,
						createdAt: Date.now(),
						mergedFrom: [second, w.cardId]
					});
					d.getMap<Y.Map<unknown>>('cards').get(second)!.set('mergedInto', w.cardId);
				})
			);
			const closed = await attack(server, boardId, attacker.cookie, [updateFrame(update)]);
			expect(closed.code).toBe(Close.refused);
			await expectUnaffected(w, before, [doc.clientID]);
		}
	);

	/** A raw socket that writes its own card first (accepted), and stays open. */
	async function ownCard(w: World) {
		const attacker = guest('Ostile');
		const socket = rawSocket(server, boardId, { cookie: attacker.cookie, origin: server.origin });
		expect((await socket.opened).status).toBe(101);
		const doc = fork(server, boardId);
		const cardId = nextId('own');
		socket.ws.send(
			updateFrame(
				changeOf(doc, (d) =>
					addCard(d, {
						id: cardId,
						kind: 'question',
						text: 'Chi coordina i volontari?',
						authorId: attacker.participantId,
						createdAt: Date.now()
					})
				)
			)
		);
		await eventually(() =>
			expect(readBoard(serverDoc(server, boardId)).cards.map((c) => c.id)).toContain(cardId)
		);
		await settled(server, boardId, w.clients);
		const before = content(serverDoc(server, boardId));
		const attackerIds = [freshClientId()];
		doc.clientID = attackerIds[0]!;
		return { socket, doc, before, attackerIds, cardId, attacker };
	}

	it('one’s own card id: a card id is never used twice', async () => {
		const w = await honestWorld();
		const { socket, doc, before, attackerIds, cardId, attacker } = await ownCard(w);
		socket.ws.send(
			updateFrame(
				changeOf(doc, (d) =>
					addCard(d, {
						id: cardId,
						kind: 'question',
						text: 'Riscritta da capo',
						authorId: attacker.participantId,
						createdAt: Date.now()
					})
				)
			)
		);
		expect((await socket.closed).code).toBe(Close.refused);
		await expectUnaffected(w, before, attackerIds);
	});

	it('one’s own card id after deleting the card', async () => {
		const w = await honestWorld();
		const { socket, doc, attackerIds, cardId, attacker } = await ownCard(w);
		socket.ws.send(updateFrame(changeOf(doc, (d) => deleteCard(d, cardId))));
		await eventually(() =>
			expect(readBoard(serverDoc(server, boardId)).cards.map((c) => c.id)).not.toContain(cardId)
		);
		await settled(server, boardId, w.clients);
		const before = content(serverDoc(server, boardId));
		socket.ws.send(
			updateFrame(
				changeOf(doc, (d) =>
					addCard(d, {
						id: cardId,
						kind: 'question',
						text: 'Di nuovo',
						authorId: attacker.participantId,
						createdAt: Date.now()
					})
				)
			)
		);
		expect((await socket.closed).code).toBe(Close.refused);
		await expectUnaffected(w, before, attackerIds);
	});
});

describe('[O4] comments follow the phase and the lock', () => {
	async function commentFromRawSocket() {
		const attacker = guest('Commentatore');
		const doc = fork(server, boardId);
		const update = changeOf(doc, (d) =>
			addComment(d, {
				id: nextId('comment'),
				objectiveId: 'obiettivo1',
				field: 'title',
				parentId: null,
				text: 'Un commento fuori tempo',
				authorId: attacker.participantId,
				createdAt: Date.now()
			})
		);
		const before = content(serverDoc(server, boardId));
		const closed = await attack(server, boardId, attacker.cookie, [updateFrame(update)]);
		return { closed, before, attackerIds: [doc.clientID] };
	}

	it('refuses a participant’s comment while drafting on a locked board', async () => {
		const w = await honestWorld();
		await moveTo(w, 'draft', { locked: true });
		const { closed, before, attackerIds } = await commentFromRawSocket();
		expect(closed.code).toBe(Close.refused);
		await expectUnaffected(w, before, attackerIds);
	});

	it.each(['collect', 'cluster', 'vote', 'wrap_up'] as const)(
		'refuses a participant’s comment in phase %s',
		async (phase) => {
			const w = await honestWorld();
			await moveTo(w, phase, { participantsCanCluster: phase === 'cluster' });
			const { closed, before, attackerIds } = await commentFromRawSocket();
			expect(closed.code).toBe(Close.refused);
			await expectUnaffected(w, before, attackerIds);
		}
	);

	it('accepts a participant’s comment while drafting on an unlocked board', async () => {
		const w = await honestWorld();
		await moveTo(w, 'draft');
		const commentId = nextId('comment');
		addComment(w.participant.doc, {
			id: commentId,
			objectiveId: 'obiettivo1',
			field: 'title',
			parentId: null,
			text: 'Aggiungerei i trasporti serali',
			authorId: w.victim.participantId,
			createdAt: Date.now()
		});
		await settled(server, boardId, w.clients);
		const fresh = client(guest('Lettrice').cookie);
		await fresh.synced;
		await settled(server, boardId, [fresh]);
		for (const doc of [serverDoc(server, boardId), fresh.doc, w.facilitator.doc])
			expect(readComments(doc).find((c) => c.id === commentId)).toMatchObject({
				authorId: w.victim.participantId,
				text: 'Aggiungerei i trasporti serali'
			});
		expectSameAsServer(fresh.doc, server, boardId);
		for (const c of [...w.clients, fresh]) expect(c.problems).toEqual([]);
	});
});

describe('[B3] facilitator commands refuse what names nothing on this board', () => {
	it('spotlight, follow and open fields answer a reason and change neither the row nor the mirror', () => {
		const other = openOtherBoard(server, openTodaysBoard(server).meetingId);
		const item = { kind: 'need' as const, text: 'Trasporti', authorId: null, createdAt: 1 };
		server.app.hub.room(boardId)!.serverChange((doc) => {
			addCard(doc, { ...item, id: 'ours' });
			createCluster(doc, { id: 'mobilita', title: 'Mobilità', createdAt: 1 });
		});
		server.app.hub.room(other.boardId)!.serverChange((doc) => {
			addCard(doc, { ...item, id: 'theirs' });
			createCluster(doc, { id: 'altrove', title: 'Altrove', createdAt: 1 });
		});
		const s = server.services;
		expect(setSpotlight(s, boardId, 'ours')).toEqual({ ok: true });
		expect(setFollow(s, boardId, 'cluster:mobilita')).toEqual({ ok: true });
		expect(setOpenFields(s, boardId, ['title', 'keyPoints'])).toEqual({ ok: true });
		const stored = () => {
			const row = getBoard(s.db, boardId)!;
			const meta = readMeta(server.app.hub.room(boardId)!.doc);
			return {
				row: [row.spotlightCardId, row.follow, row.openFields],
				meta: [meta.spotlightCardId, meta.follow, meta.openFields]
			};
		};
		const before = stored();
		expect(before.row).toEqual(['ours', 'cluster:mobilita', ['title', 'keyPoints']]);
		expect(before.meta).toEqual(before.row);

		for (const cardId of ['theirs', 'nessuna'])
			expect(setSpotlight(s, boardId, cardId)).toEqual({
				ok: false,
				reason: 'unknown-card',
				unknown: [cardId]
			});
		for (const target of ['card:theirs', 'cluster:altrove', 'cluster:ours', 'section:nowhere'])
			expect(setFollow(s, boardId, target)).toEqual({
				ok: false,
				reason: 'unknown-target',
				unknown: [target]
			});
		for (const target of ['ours', 'board:ours', 'card:', 'card:a b', 'card:ours:x'])
			expect(setFollow(s, boardId, target)).toEqual({ ok: false, reason: 'malformed-target' });
		expect(setOpenFields(s, boardId, ['title', 'secret', 'authorId', 'secret'])).toEqual({
			ok: false,
			reason: 'unknown-fields',
			unknown: ['secret', 'authorId']
		});
		expect(stored()).toEqual(before);

		expect(setFollow(s, boardId, 'section:cards')).toEqual({ ok: true });
		expect(setFollow(s, boardId, 'card:ours')).toEqual({ ok: true });
		expect(setSpotlight(s, boardId, null)).toEqual({ ok: true });
		expect(stored().row).toEqual([null, 'card:ours', ['title', 'keyPoints']]);
	});
});

describe('[B10] text nobody types: control characters in any root', () => {
	const faults = ['NUL \u0000', 'escape \u001b[2J', 'C1 \u0085'];

	it.each(faults)('a card text with %s is refused whole', async (fault) => {
		const w = await honestWorld();
		const attacker = guest('Incollatore');
		const doc = fork(server, boardId);
		const before = content(serverDoc(server, boardId));
		const cardId = nextId('card');
		const update = changeOf(doc, (d) => {
			addCard(d, {
				id: cardId,
				kind: 'need',
				text: '',
				authorId: attacker.participantId,
				createdAt: Date.now()
			});
			(d.getMap<Y.Map<unknown>>('cards').get(cardId)!.get('text') as Y.Text).insert(
				0,
				`Testo ${fault}`
			);
		});
		const closed = await attack(server, boardId, attacker.cookie, [updateFrame(update)]);
		expect(closed.code).toBe(Close.refused);
		await expectUnaffected(w, before, [doc.clientID]);
	});

	it('an honest client that pastes them writes the text without them', async () => {
		const w = await honestWorld();
		setCardText(w.participant.doc, w.cardId, 'Riga uno\u000BRiga due\u0000 fine');
		await settled(server, boardId, w.clients);
		for (const doc of [serverDoc(server, boardId), w.facilitator.doc]) {
			const card = readBoard(doc).cards.find((c) => c.id === w.cardId);
			expect(card?.text).toBe('Riga uno\nRiga due fine');
		}
		expect(w.participant.problems).toEqual([]);
	});
});
