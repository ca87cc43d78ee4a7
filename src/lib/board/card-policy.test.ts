import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_CLUSTERS_WRITTEN_PER_PARTICIPANT, type Writer } from './board';
import {
	addCard,
	createCluster,
	deleteCard,
	deleteCluster,
	mergeCards,
	moveCard,
	moveCards,
	readBoard,
	Root,
	setCardText,
	splitCard,
	writeMeta
} from './board-doc';
import { alice, bob, cardPolicies, collecting, fac, Harness } from './policy-harness';

/** The board's policies through the server's update check, with real Y.Docs (policy-harness.ts). */
const obs: Writer = { role: 'observer', participantId: 'obs' };

function card(id: string, authorId: string | null, text = 'Servono trasporti per gli anziani') {
	return (doc: Y.Doc) => addCard(doc, { id, kind: 'need', text, authorId, createdAt: 1 });
}

function setup() {
	const h = new Harness(cardPolicies);
	const a = h.join('alice');
	const b = h.join('bob');
	const f = h.join('fac');
	expect(h.send(a, alice, card('cardA', 'alice')).ok).toBe(true);
	for (const d of [b, f]) Y.applyUpdate(d, Y.encodeStateAsUpdate(h.server));
	return { h, a, b, f };
}

describe('[B4] adding cards', () => {
	it('accepts a participant card that names its author while collecting', () => {
		const { h } = setup();
		expect(h.server.getMap(Root.cards).has('cardA')).toBe(true);
	});

	it.each([
		['another author', 'bob'],
		['no author', null]
	])('refuses a card with %s', (_, author) => {
		const { h, a } = setup();
		const r = h.send(a, alice, card('cardX', author));
		expect(r).toMatchObject({ ok: false, reason: 'bad-value' });
	});

	it.each([
		['in raggruppamento', { phase: 'cluster' }],
		['when locked', { locked: true }],
		['in anonymous mode (cards go through the server)', { anonymous: true }],
		['in private mode', { privateWriting: true }]
	] as const)('refuses a participant card %s', (_, change) => {
		const { h, a } = setup();
		h.settings = { ...collecting, ...change };
		expect(h.send(a, alice, card('cardX', 'alice'))).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
	});

	it('lets the facilitator add a card in any phase', () => {
		const { h, f } = setup();
		h.settings = { ...collecting, phase: 'vote', locked: true };
		expect(h.send(f, fac, card('cardF', 'fac')).ok).toBe(true);
	});
});

describe('[B5] editing cards', () => {
	it('lets the author edit and delete their card while collecting', () => {
		const { h, a } = setup();
		expect(h.send(a, alice, (d) => setCardText(d, 'cardA', 'Servono trasporti sociali')).ok).toBe(
			true
		);
		expect(h.send(a, alice, (d) => deleteCard(d, 'cardA')).ok).toBe(true);
	});

	it('refuses edits to someone else’s card', () => {
		const { h, b } = setup();
		expect(h.send(b, bob, (d) => setCardText(d, 'cardA', 'testo cambiato'))).toMatchObject({
			ok: false
		});
	});

	it('refuses text added, without deleting anything, to someone else’s card', () => {
		const { h, b } = setup();
		const append = (d: Y.Doc) =>
			setCardText(d, 'cardA', 'Servono trasporti per gli anziani e i disabili');
		expect(h.send(b, bob, append)).toMatchObject({ ok: false, reason: 'not-allowed' });
	});

	it('refuses deleting someone else’s card', () => {
		const { h, b } = setup();
		expect(h.send(b, bob, (d) => deleteCard(d, 'cardA'))).toMatchObject({
			ok: false,
			reason: 'not-own-item'
		});
	});

	it('lets the author edit and delete their card that the server published (revealed, HTTP)', () => {
		const { h, a } = setup();
		const serverClient = new Y.Doc();
		Y.applyUpdate(serverClient, Y.encodeStateAsUpdate(h.server));
		h.clients.set(serverClient.clientID, 'server');
		card('cardS', 'alice', 'Idea rivelata')(serverClient);
		Y.applyUpdate(h.server, Y.encodeStateAsUpdate(serverClient));
		h.cards.set('cardS', 'alice');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(h.server));
		expect(h.send(a, alice, (d) => setCardText(d, 'cardS', 'Idea rivista')).ok).toBe(true);
		expect(
			h.send(a, alice, (d) =>
				d.getMap<Y.Map<unknown>>(Root.cards).get('cardS')!.set('kind', 'proposal')
			).ok
		).toBe(true);
		expect(h.send(a, alice, (d) => deleteCard(d, 'cardS')).ok).toBe(true);
	});

	it('refuses edits of one’s own card after the collecting phase', () => {
		const { h, a } = setup();
		h.settings = { ...collecting, phase: 'vote' };
		expect(h.send(a, alice, (d) => setCardText(d, 'cardA', 'x'))).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
	});

	it('refuses text longer than the limit', () => {
		const { h, a } = setup();
		expect(h.send(a, alice, (d) => setCardText(d, 'cardA', 'x'.repeat(600)))).toMatchObject({
			ok: false,
			reason: 'bad-value'
		});
	});

	it('refuses a changed author', () => {
		const { h, a } = setup();
		const r = h.send(a, alice, (d) =>
			d.getMap<Y.Map<unknown>>(Root.cards).get('cardA')!.set('authorId', 'bob')
		);
		expect(r.ok).toBe(false);
	});

	it('refuses a card kind outside the five', () => {
		const { h, a } = setup();
		const r = h.send(a, alice, (d) =>
			d.getMap<Y.Map<unknown>>(Root.cards).get('cardA')!.set('kind', 'rant')
		);
		expect(r).toMatchObject({ ok: false, reason: 'bad-value' });
	});
});

describe('[B6] clustering', () => {
	it('refuses participants moving cards unless the facilitator opened clustering', () => {
		const { h, b } = setup();
		h.settings = { ...collecting, phase: 'cluster' };
		expect(
			h.send(b, bob, (d) => createCluster(d, { id: 'k1', title: 'Trasporti', createdAt: 2 })).ok
		).toBe(false);
	});

	it('lets participants move anyone’s card, merge and split when clustering is open', () => {
		const { h, a, b } = setup();
		h.settings = { ...collecting, phase: 'cluster', participantsCanCluster: true };
		expect(
			h.send(b, bob, (d) => createCluster(d, { id: 'k1', title: 'Trasporti', createdAt: 2 })).ok
		).toBe(true);
		expect(h.send(b, bob, (d) => moveCard(d, 'cardA', 'k1')).ok).toBe(true);
		h.settings = { ...collecting };
		expect(h.send(a, alice, card('cardA2', 'alice', 'Pochi trasporti')).ok).toBe(true);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(h.server));
		h.settings = { ...collecting, phase: 'cluster', participantsCanCluster: true };
		expect(
			h.send(b, bob, (d) =>
				mergeCards(d, ['cardA', 'cardA2'], { id: 'm1', authorId: 'bob', createdAt: 3 })
			).ok
		).toBe(true);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(h.server));
		expect(h.send(a, alice, (d) => splitCard(d, 'm1')).ok).toBe(true);
	});
});

describe('[B6, B15] moving a selection', () => {
	it('moves several cards in one update, judged like single moves', () => {
		const { h, b } = setup();
		expect(h.send(b, bob, card('cardB', 'bob')).ok).toBe(true);
		h.settings = { ...collecting, phase: 'cluster', participantsCanCluster: true };
		expect(
			h.send(b, bob, (d) => createCluster(d, { id: 'k1', title: 'Trasporti', createdAt: 2 })).ok
		).toBe(true);
		expect(h.send(b, bob, (d) => moveCards(d, ['cardA', 'cardB'], 'k1')).ok).toBe(true);
		const moved = readBoard(h.server).cards.filter((c) => c.clusterId === 'k1');
		expect(moved.map((c) => c.id).sort()).toEqual(['cardA', 'cardB']);
		h.settings = { ...collecting };
		expect(h.send(b, bob, (d) => moveCards(d, ['cardA', 'cardB'], null)).ok).toBe(false);
	});
});

describe('[B9-B10] hostile updates', () => {
	it('refuses a client id that belongs to another participant', () => {
		const { h, a } = setup();
		const forged = new Y.Doc();
		Y.applyUpdate(forged, Y.encodeStateAsUpdate(h.server));
		forged.clientID = a.clientID;
		expect(h.send(forged, bob, card('cardB', 'bob'))).toMatchObject({
			ok: false,
			reason: 'client-id-taken'
		});
	});

	it('refuses any write to the server-only state, facilitators included', () => {
		const { h, f } = setup();
		expect(h.send(f, fac, (d) => writeMeta(d, { phase: 'vote' }))).toMatchObject({
			ok: false,
			reason: 'server-only'
		});
	});

	it('refuses every write from an observer and accepts its empty sync messages', () => {
		const { h } = setup();
		const o = h.join('obs');
		expect(h.send(o, obs, () => undefined)).toMatchObject({ ok: true });
		expect(h.send(o, obs, card('cardO', 'obs'))).toMatchObject({ ok: false, reason: 'observer' });
	});

	it('refuses writes outside the document layout', () => {
		const { h, a } = setup();
		expect(h.send(a, alice, (d) => d.getMap('secret').set('x', 1))).toMatchObject({
			ok: false,
			reason: 'unknown-location'
		});
		expect(
			h.send(a, alice, (d) => d.getMap<Y.Map<unknown>>(Root.cards).get('cardA')!.set('votes', 99))
		).toMatchObject({ ok: false });
	});

	it('refuses bytes that do not decode and updates over 256 KB', () => {
		const { h } = setup();
		expect(h.sendUpdate(new Uint8Array([1, 2, 3, 250, 255, 7]), alice)).toMatchObject({
			ok: false,
			reason: 'malformed'
		});
		expect(h.sendUpdate(new Uint8Array(256 * 1024 + 1), alice)).toMatchObject({
			ok: false,
			reason: 'too-large'
		});
	});

	it('holds an update that builds on the writer’s own items the server has not received', () => {
		const { h, a } = setup();
		a.getMap<Y.Map<unknown>>(Root.cards).get('cardA')!.get('text'); // keep doc in sync
		const lost = Y.encodeStateVector(a);
		setCardText(a, 'cardA', 'primo passo');
		const gap = Y.encodeStateVector(a);
		setCardText(a, 'cardA', 'primo passo, secondo passo');
		const onlySecond = Y.encodeStateAsUpdate(a, gap);
		expect(lost.length).toBeGreaterThan(0);
		expect(h.sendUpdate(onlySecond, alice)).toMatchObject({ ok: false, wait: true });
	});
});

describe('[B10] card tags', () => {
	it('accepts a policy area of the plan and refuses one of another plan', () => {
		const { h, a } = setup();
		const tag = (id: number) => (d: Y.Doc) =>
			d.getMap<Y.Map<unknown>>(Root.cards).get('cardA')!.set('policyAreaId', id);
		expect(h.send(a, alice, tag(2)).ok).toBe(true);
		expect(h.send(a, alice, tag(99))).toMatchObject({ ok: false, reason: 'bad-value' });
	});
});

describe('[B9] overwrites and deletes judged by their effects', () => {
	/** A document that never saw the board: its writes carry no delete set and no origin. */
	function forked(h: Harness, participantId: string): Y.Doc {
		const doc = new Y.Doc();
		h.clients.set(doc.clientID, participantId);
		return doc;
	}

	it('refuses a new map at the key of someone else’s card, however it is dressed', () => {
		const { h } = setup();
		const bobDoc = forked(h, 'bob');
		expect(h.send(bobDoc, bob, card('cardA', 'bob'))).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
		h.settings = { ...collecting, phase: 'cluster', participantsCanCluster: true };
		const merged = (d: Y.Doc) => {
			card('cardA', 'bob')(d);
			d.getMap<Y.Map<unknown>>(Root.cards).get('cardA')!.set('mergedFrom', ['cardZ']);
		};
		expect(h.send(forked(h, 'bob'), bob, merged)).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
		expect(h.server.getMap<Y.Map<unknown>>(Root.cards).get('cardA')!.get('authorId')).toBe('alice');
	});

	it('never reuses a card id, not even one’s own', () => {
		const { h } = setup();
		expect(h.send(forked(h, 'alice'), alice, card('cardA', 'alice'))).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
	});

	it('refuses a new map at the key of an existing cluster', () => {
		const { h, f } = setup();
		expect(
			h.send(f, fac, (d) => createCluster(d, { id: 'k1', title: 'Trasporti', createdAt: 1 })).ok
		).toBe(true);
		h.settings = { ...collecting, phase: 'cluster', participantsCanCluster: true };
		const replace = (d: Y.Doc) => createCluster(d, { id: 'k1', title: 'Altro', createdAt: 2 });
		expect(h.send(forked(h, 'bob'), bob, replace)).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
	});

	it('refuses deleting someone else’s card through a hand-made delete set', () => {
		const { h, b } = setup();
		expect(h.send(b, bob, (d) => deleteCard(d, 'cardA'))).toMatchObject({
			ok: false,
			reason: 'not-own-item'
		});
	});
});

describe('[B13] bounds', () => {
	it('refuses more cards in one phase than the board allows a participant', () => {
		const { h, b } = setup();
		h.settings = { ...collecting, cardLimit: 3 };
		const many = (d: Y.Doc) => {
			for (let i = 0; i < 4; i++) card(`bob${i}`, 'bob')(d);
		};
		expect(h.send(b, bob, many)).toMatchObject({ ok: false, reason: 'too-many' });
		expect(h.send(h.join('bob'), bob, card('bob9', 'bob')).ok).toBe(true);
	});

	it('refuses clusters past the board’s bound', () => {
		const { h, f } = setup();
		const many = (d: Y.Doc) => {
			for (let i = 0; i < 201; i++) createCluster(d, { id: `k${i}`, title: `G${i}`, createdAt: 1 });
		};
		expect(h.send(f, fac, many)).toMatchObject({ ok: false, reason: 'too-many' });
	});

	it('counts a participant’s removed clusters too: create-and-remove loops stop at the bound', () => {
		const { h, a, b } = setup();
		h.settings = { ...collecting, phase: 'cluster', participantsCanCluster: true };
		let next = 0;
		const round = (d: Y.Doc) =>
			d.transact(() => {
				for (let i = 0; i < 50; i++)
					createCluster(d, { id: `k${next++}`, title: 'Gruppo', createdAt: 1 });
			});
		for (let written = 0; written < MAX_CLUSTERS_WRITTEN_PER_PARTICIPANT; written += 50) {
			expect(h.send(b, bob, round).ok).toBe(true);
			const ids = [...h.server.getMap(Root.clusters).keys()];
			expect(
				h.send(b, bob, (d) => d.transact(() => ids.forEach((id) => deleteCluster(d, id)))).ok
			).toBe(true);
		}
		expect(h.send(b, bob, round)).toMatchObject({ ok: false, reason: 'too-many' });
		expect(h.server.getMap(Root.clusters).size).toBe(0);
		// Someone else still groups cards; facilitators are bounded by the board only.
		Y.applyUpdate(a, Y.encodeStateAsUpdate(h.server));
		expect(h.send(a, alice, round).ok).toBe(true);
	});
});
