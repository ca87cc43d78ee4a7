import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { Writer } from './board';
import {
	addCard,
	deleteCard,
	mergeCards,
	moveCard,
	readBoard,
	Root,
	splitCard,
	type CardView
} from './board-doc';
import { alice, bob, cardPolicies, collecting, fac, Harness } from './policy-harness';
import { pick, prng } from '../../../tests/support/prng';

/**
 * B5, B6: merges and splits are accepted in the shapes board-doc.ts writes them
 * (mergeCards, splitCard) and in no other; nobody but a card's author (while
 * collecting) or a facilitator removes a card, and nobody hides one in a merged
 * card that does not hold it. Real Y.Docs through the server's check (policy-harness.ts).
 */
const clustering = { ...collecting, phase: 'cluster', participantsCanCluster: true } as const;

type CardMap = Y.Map<unknown>;
const cardsOf = (d: Y.Doc) => d.getMap<CardMap>(Root.cards);

function card(id: string, authorId: string | null, extra: Record<string, unknown> = {}) {
	return (doc: Y.Doc) =>
		doc.transact(() => {
			addCard(doc, { id, kind: 'need', text: `testo ${id}`, authorId, createdAt: 1 });
			for (const [k, v] of Object.entries(extra)) cardsOf(doc).get(id)!.set(k, v);
		});
}

/** Alice's two cards and one of Bob's, written while collecting; then raggruppamento, open to all. */
function setup() {
	const h = new Harness(cardPolicies);
	expect(h.send(h.join('alice'), alice, card('a1', 'alice')).ok).toBe(true);
	expect(h.send(h.join('alice'), alice, card('a2', 'alice')).ok).toBe(true);
	expect(h.send(h.join('bob'), bob, card('b1', 'bob')).ok).toBe(true);
	h.settings = { ...clustering };
	return h;
}

/** A fresh client of `who`, synced with the server: what a reconnected browser holds. */
const fresh = (h: Harness, who: Writer) => h.join(who.participantId);

const cardOnServer = (h: Harness, id: string) => cardsOf(h.server).get(id);

/**
 * Re-encodes an update (v1) after its structs were changed: what a hostile client
 * can send, byte for byte (the same as the review's /tmp/h2/lib2.mjs).
 */
function encodeStructs(structs: (Y.Item | Y.GC | Y.Skip)[]): Uint8Array {
	const enc = new Y.UpdateEncoderV1();
	const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
	for (const s of structs) byClient.set(s.id.client, [...(byClient.get(s.id.client) ?? []), s]);
	encoding.writeVarUint(enc.restEncoder, byClient.size);
	for (const [client, list] of [...byClient].sort((a, b) => b[0] - a[0])) {
		list.sort((a, b) => a.id.clock - b.id.clock);
		encoding.writeVarUint(enc.restEncoder, list.length);
		enc.writeClient(client);
		encoding.writeVarUint(enc.restEncoder, list[0]!.id.clock);
		for (const s of list) s.write(enc, 0);
	}
	encoding.writeVarUint(enc.restEncoder, 0);
	return enc.toUint8Array();
}

describe('[B5, B6] attack 1: removing or hiding someone else’s card through the merge keys', () => {
	it('refuses mergedFrom written on an existing card, then the delete it would have opened', () => {
		const h = setup();
		const step1 = h.send(fresh(h, bob), bob, (d) => cardsOf(d).get('a1')!.set('mergedFrom', []));
		expect(step1).toMatchObject({ ok: false, reason: 'not-allowed' });
		expect(h.send(fresh(h, bob), bob, (d) => deleteCard(d, 'a1'))).toMatchObject({ ok: false });
		const both = (d: Y.Doc) =>
			d.transact(() => {
				cardsOf(d).get('a1')!.set('mergedFrom', ['a2']);
				deleteCard(d, 'a1');
			});
		expect(h.send(fresh(h, bob), bob, both)).toMatchObject({ ok: false });
		expect(cardOnServer(h, 'a1')?.get('authorId')).toBe('alice');
		expect(cardOnServer(h, 'a1')?.has('mergedFrom')).toBe(false);
	});

	it.each([
		['a card that does not exist', 'nowhere'],
		['another card on the board', 'b1'],
		['the card itself', 'a1']
	])('refuses mergedInto naming %s', (_, into) => {
		const h = setup();
		const hide = (d: Y.Doc) => cardsOf(d).get('a1')!.set('mergedInto', into);
		expect(h.send(fresh(h, bob), bob, hide)).toMatchObject({ ok: false, reason: 'not-allowed' });
		expect(readBoard(h.server).cards.find((c) => c.id === 'a1')?.mergedInto).toBeNull();
	});

	it('refuses mergedInto naming an existing merged card that does not hold the card', () => {
		const h = setup();
		const merge = (d: Y.Doc) =>
			mergeCards(d, ['a2', 'b1'], { id: 'm1', authorId: 'bob', createdAt: 2 });
		expect(h.send(fresh(h, bob), bob, merge).ok).toBe(true);
		const hide = (d: Y.Doc) => cardsOf(d).get('a1')!.set('mergedInto', 'm1');
		expect(h.send(fresh(h, bob), bob, hide)).toMatchObject({ ok: false, reason: 'not-allowed' });
	});

	it('refuses taking a card out of its merged card without splitting that card', () => {
		const h = setup();
		const merge = (d: Y.Doc) =>
			mergeCards(d, ['a1', 'a2'], { id: 'm1', authorId: 'bob', createdAt: 2 });
		expect(h.send(fresh(h, bob), bob, merge).ok).toBe(true);
		const out = (d: Y.Doc) => cardsOf(d).get('a1')!.set('mergedInto', null);
		expect(h.send(fresh(h, bob), bob, out)).toMatchObject({ ok: false, reason: 'not-allowed' });
		expect(h.send(fresh(h, alice), alice, out)).toMatchObject({ ok: false, reason: 'not-allowed' });
		expect(readBoard(h.server).cards.find((c) => c.id === 'a1')?.mergedInto).toBe('m1');
	});

	it('refuses deleting a merged card without giving its originals back (B6: a split)', () => {
		const h = setup();
		const merge = (d: Y.Doc) =>
			mergeCards(d, ['a1', 'a2'], { id: 'm1', authorId: 'bob', createdAt: 2 });
		expect(h.send(fresh(h, bob), bob, merge).ok).toBe(true);
		// The map entry itself: deleteCard gives the originals back (board-doc.ts).
		const remove = (d: Y.Doc) => cardsOf(d).delete('m1');
		expect(h.send(fresh(h, bob), bob, remove)).toMatchObject({ ok: false, reason: 'not-allowed' });
		const half = (d: Y.Doc) =>
			d.transact(() => {
				cardsOf(d).get('a1')!.set('mergedInto', null);
				remove(d);
			});
		expect(h.send(fresh(h, bob), bob, half)).toMatchObject({ ok: false, reason: 'not-allowed' });
		// Back in raccolta Bob is the merged card's author: still only a split removes it.
		h.settings = { ...collecting };
		expect(h.send(fresh(h, bob), bob, remove)).toMatchObject({ ok: false });
		expect(readBoard(h.server).cards.find((c) => c.id === 'a1')?.mergedInto).toBe('m1');
		// Deleting it as the board does splits it, and that is his to do.
		expect(h.send(fresh(h, bob), bob, (d) => deleteCard(d, 'm1')).ok).toBe(true);
		expect(readBoard(h.server).cards.find((c) => c.id === 'a1')?.mergedInto).toBeNull();
	});
});

describe('[B4, B6] attack 2: cards added outside raccolta dressed as merged cards', () => {
	it.each([
		['no originals', []],
		['an original that does not exist', ['doesNotExist']],
		['one original', ['a1']],
		['the same original twice', ['a1', 'a1']]
	])('refuses a new card with mergedFrom listing %s', (_, from) => {
		const h = setup();
		const r = h.send(fresh(h, bob), bob, card('x1', 'bob', { mergedFrom: from }));
		expect(r).toMatchObject({ ok: false });
		expect(cardOnServer(h, 'x1')).toBeUndefined();
	});

	it('refuses a merged card whose originals are not put into it', () => {
		const h = setup();
		const r = h.send(fresh(h, bob), bob, card('x1', 'bob', { mergedFrom: ['a1', 'b1'] }));
		expect(r).toMatchObject({ ok: false, reason: 'not-allowed' });
		const onlyOne = (d: Y.Doc) =>
			d.transact(() => {
				card('x2', 'bob', { mergedFrom: ['a1', 'b1'] })(d);
				cardsOf(d).get('a1')!.set('mergedInto', 'x2');
			});
		expect(h.send(fresh(h, bob), bob, onlyOne)).toMatchObject({ ok: false, reason: 'not-allowed' });
	});

	it('accepts two merges of one card made at once, and the splits that follow, from stale views', () => {
		const h = setup();
		// Alice and Bob both see a1 visible and merge it, each with another card.
		const aliceDoc = fresh(h, alice);
		const bobDoc = fresh(h, bob);
		const merge = (ids: string[], id: string, by: string) => (d: Y.Doc) =>
			mergeCards(d, ids, { id, authorId: by, createdAt: 2 });
		expect(h.send(aliceDoc, alice, merge(['a1', 'a2'], 'm1', 'alice')).ok).toBe(true);
		expect(h.send(bobDoc, bob, merge(['a1', 'b1'], 'm2', 'bob')).ok).toBe(true);
		const view = () => new Map(readBoard(h.server).cards.map((c) => [c.id, c]));
		const into = view().get('a1')!.mergedInto!;
		expect(['m1', 'm2']).toContain(into);
		// Every hidden card is listed by the merged card it is inside.
		for (const c of view().values())
			if (c.mergedInto) expect(view().get(c.mergedInto)?.mergedFrom).toContain(c.id);
		// Alice, who has not heard of Bob's merge, splits hers: accepted, and a1 stays
		// wherever the merge left it unless that was her card.
		expect(h.send(aliceDoc, alice, (d) => splitCard(d, 'm1')).ok).toBe(true);
		expect(view().get('a2')!.mergedInto).toBeNull();
		// Splits made now, with everything heard, give back what is still inside.
		for (const c of view().values())
			if (c.mergedFrom.length)
				expect(h.send(fresh(h, bob), bob, (d) => splitCard(d, c.id)).ok).toBe(true);
		expect([...view().values()].filter((c) => c.mergedInto)).toEqual([]);
		expect([...view().keys()].sort()).toEqual(['a1', 'a2', 'b1']);
	});

	it('accepts a merge of a merged card split at the same time, with the text it had', () => {
		const h = setup();
		const merge =
			(ids: string[], id: string, by = 'bob') =>
			(d: Y.Doc) =>
				mergeCards(d, ids, { id, authorId: by, createdAt: 2 });
		expect(h.send(fresh(h, bob), bob, merge(['a1', 'a2'], 'm1')).ok).toBe(true);
		const aliceDoc = fresh(h, alice);
		// Bob splits m1 while Alice, who has not heard of it, merges m1 with b1.
		expect(h.send(fresh(h, bob), bob, (d) => splitCard(d, 'm1')).ok).toBe(true);
		expect(h.send(aliceDoc, alice, merge(['m1', 'b1'], 'm2', 'alice'))).toMatchObject({ ok: true });
		const m2 = readBoard(h.server).cards.find((c) => c.id === 'm2')!;
		expect(m2.text).toContain('testo a1');
		expect(m2.mergedFrom).toEqual(['m1', 'b1']);
		// Words of its own are still refused, and a card a facilitator deleted is not a split.
		const words = fresh(h, alice);
		expect(h.send(fresh(h, bob), bob, merge(['a1', 'a2'], 'm3')).ok).toBe(true);
		expect(h.send(fresh(h, bob), bob, (d) => splitCard(d, 'm3')).ok).toBe(true);
		const forged = (d: Y.Doc) =>
			d.transact(() => {
				card('m4', 'alice', { mergedFrom: ['m3', 'a1'] })(d);
				cardsOf(d).get('a1')!.set('mergedInto', 'm4');
			});
		expect(h.send(words, alice, forged)).toMatchObject({ ok: false, reason: 'bad-value' });
		const stale = fresh(h, alice);
		expect(h.send(h.join('fac'), fac, (d) => cardsOf(d).delete('a2')).ok).toBe(true);
		expect(h.send(stale, alice, merge(['a1', 'a2'], 'm5', 'alice'))).toMatchObject({
			ok: false,
			reason: 'not-allowed'
		});
	});

	it('refuses a well-formed merge whose card carries words of its own', () => {
		const h = setup();
		const merge = (d: Y.Doc) =>
			d.transact(() => {
				mergeCards(d, ['a1', 'b1'], { id: 'm1', authorId: 'bob', createdAt: 2 });
				(cardsOf(d).get('m1')!.get('text') as Y.Text).insert(0, 'Votate Bob! ');
			});
		expect(h.send(fresh(h, bob), bob, merge)).toMatchObject({ ok: false, reason: 'bad-value' });
	});

	it('accepts the merge of long cards, their text cut at the bound as mergeCards cuts it', () => {
		const h = new Harness(cardPolicies);
		const long = (id: string) => (d: Y.Doc) =>
			addCard(d, {
				id,
				kind: 'need',
				text: `${id} ${'parole '.repeat(60)}`,
				authorId: 'alice',
				createdAt: 1
			});
		expect(h.send(fresh(h, alice), alice, long('a1')).ok).toBe(true);
		expect(h.send(fresh(h, alice), alice, long('a2')).ok).toBe(true);
		h.settings = { ...clustering };
		const merge = (d: Y.Doc) =>
			mergeCards(d, ['a1', 'a2'], { id: 'm1', authorId: 'bob', createdAt: 2 });
		expect(h.send(fresh(h, bob), bob, merge).ok).toBe(true);
		expect(readBoard(h.server).cards.find((c) => c.id === 'm1')?.text).toHaveLength(500);
	});

	it('refuses a new card that claims to sit inside a merged card', () => {
		const h = setup();
		h.settings = { ...collecting };
		const r = h.send(fresh(h, bob), bob, card('x1', 'bob', { mergedInto: 'b1' }));
		expect(r).toMatchObject({ ok: false, reason: 'not-allowed' });
	});
});

describe('[B10] attack 3: a required field left empty by a deleted item', () => {
	/** Bob's new card whose authorId is written twice: his id, then an item with ContentDeleted. */
	function withoutAuthor(h: Harness): Uint8Array {
		const d = fresh(h, bob);
		const updates: Uint8Array[] = [];
		d.on('update', (u: Uint8Array) => updates.push(u));
		card('x1', 'bob')(d);
		cardsOf(d).get('x1')!.set('authorId', 'PLACEHOLDER');
		// Merged from the two transactions' own updates: the first authorId item keeps 'bob'.
		const { structs } = Y.decodeUpdate(Y.mergeUpdates(updates));
		const placeholder = structs.find(
			(s) =>
				s instanceof Y.Item &&
				s.content instanceof Y.ContentAny &&
				s.content.arr[0] === 'PLACEHOLDER'
		) as Y.Item;
		placeholder.content = new Y.ContentDeleted(1);
		return encodeStructs(structs as (Y.Item | Y.GC | Y.Skip)[]);
	}

	it('refuses a new card whose last authorId item is deleted content', () => {
		const h = new Harness(cardPolicies);
		const update = withoutAuthor(h);
		// What the update does once applied: a card with no author on a board that names them.
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(h.server));
		Y.applyUpdate(copy, update);
		expect(cardsOf(copy).get('x1')?.has('authorId')).toBe(false);
		const r = h.sendUpdate(update, bob);
		expect(r).toMatchObject({ ok: false, reason: 'bad-value' });
		expect(cardOnServer(h, 'x1')).toBeUndefined();
	});

	it('refuses an authorId the update deletes in its own delete set (a client with gc off)', () => {
		const h = new Harness(cardPolicies);
		const d = fresh(h, bob);
		d.gc = false;
		const before = Y.encodeStateVector(d);
		card('x1', 'bob')(d);
		cardsOf(d).get('x1')!.delete('authorId');
		expect(h.sendUpdate(Y.encodeStateAsUpdate(d, before), bob)).toMatchObject({ ok: false });
	});

	it('still accepts a card written offline and edited before it was sent (overwritten items)', () => {
		const h = new Harness(cardPolicies);
		const d = fresh(h, alice);
		const before = Y.encodeStateVector(d);
		card('x1', 'alice')(d);
		cardsOf(d).get('x1')!.set('kind', 'problem');
		cardsOf(d).get('x1')!.set('kind', 'proposal');
		expect(h.sendUpdate(Y.encodeStateAsUpdate(d, before), alice).ok).toBe(true);
		expect(cardOnServer(h, 'x1')?.get('kind')).toBe('proposal');
	});
});

describe('[B5, B6] honest merges, splits and deletes', () => {
	it('merges anyone’s cards and splits them back, cards and authors intact', () => {
		const h = setup();
		const merge = (d: Y.Doc) =>
			mergeCards(d, ['a1', 'a2', 'b1'], { id: 'm1', authorId: 'bob', createdAt: 2 });
		expect(h.send(fresh(h, bob), bob, merge).ok).toBe(true);
		expect(readBoard(h.server).cards.filter((c) => c.mergedInto === 'm1')).toHaveLength(3);
		expect(h.send(fresh(h, alice), alice, (d) => moveCard(d, 'm1', null)).ok).toBe(true);
		expect(h.send(fresh(h, alice), alice, (d) => splitCard(d, 'm1')).ok).toBe(true);
		const cards = readBoard(h.server).cards;
		expect(cards.map((c) => c.id).sort()).toEqual(['a1', 'a2', 'b1']);
		expect(cards.every((c) => c.mergedInto === null)).toBe(true);
		expect(cards.find((c) => c.id === 'a1')?.authorId).toBe('alice');
	});

	it('merges a merged card again, and splits the outer one first', () => {
		const h = setup();
		const inner = (d: Y.Doc) =>
			mergeCards(d, ['a1', 'a2'], { id: 'm1', authorId: 'bob', createdAt: 2 });
		const outer = (d: Y.Doc) =>
			mergeCards(d, ['m1', 'b1'], { id: 'm2', authorId: 'bob', createdAt: 3 });
		expect(h.send(fresh(h, bob), bob, inner).ok).toBe(true);
		expect(h.send(fresh(h, bob), bob, outer).ok).toBe(true);
		expect(h.send(fresh(h, alice), alice, (d) => splitCard(d, 'm2')).ok).toBe(true);
		expect(h.send(fresh(h, alice), alice, (d) => splitCard(d, 'm1')).ok).toBe(true);
		expect(readBoard(h.server).cards.every((c) => c.mergedInto === null)).toBe(true);
	});

	it('lets the facilitator merge and split, and delete any card (B3)', () => {
		const h = setup();
		h.settings = { ...collecting, phase: 'vote' };
		const merge = (d: Y.Doc) =>
			mergeCards(d, ['a1', 'b1'], { id: 'm1', authorId: null, createdAt: 2 });
		expect(h.send(fresh(h, fac), fac, merge).ok).toBe(true);
		expect(h.send(fresh(h, fac), fac, (d) => splitCard(d, 'm1')).ok).toBe(true);
		expect(h.send(fresh(h, fac), fac, (d) => deleteCard(d, 'a2')).ok).toBe(true);
	});

	it('lets the author delete their own card while collecting, even one inside a merged card', () => {
		const h = setup();
		const merge = (d: Y.Doc) =>
			mergeCards(d, ['a1', 'b1'], { id: 'm1', authorId: 'bob', createdAt: 2 });
		expect(h.send(fresh(h, bob), bob, merge).ok).toBe(true);
		h.settings = { ...collecting };
		expect(h.send(fresh(h, alice), alice, (d) => deleteCard(d, 'a1')).ok).toBe(true);
		expect(h.send(fresh(h, bob), bob, (d) => deleteCard(d, 'a2'))).toMatchObject({ ok: false });
		expect(h.send(fresh(h, alice), alice, (d) => deleteCard(d, 'a2')).ok).toBe(true);
		h.settings = { ...clustering };
		expect(h.send(fresh(h, bob), bob, (d) => splitCard(d, 'm1')).ok).toBe(true);
		expect(readBoard(h.server).cards.map((c) => c.id)).toEqual(['b1']);
	});

	it('refuses splitting or deleting cards when clustering is closed', () => {
		const h = setup();
		const merge = (d: Y.Doc) =>
			mergeCards(d, ['a1', 'a2'], { id: 'm1', authorId: 'bob', createdAt: 2 });
		expect(h.send(fresh(h, bob), bob, merge).ok).toBe(true);
		h.settings = { ...clustering, participantsCanCluster: false };
		expect(h.send(fresh(h, alice), alice, (d) => splitCard(d, 'm1'))).toMatchObject({ ok: false });
		expect(h.send(fresh(h, bob), bob, (d) => deleteCard(d, 'a1'))).toMatchObject({ ok: false });
	});
});

describe('[B5, B6] property: whatever Bob sends, Alice’s cards stay on the board or in a merge that holds them', () => {
	const seed = Number(process.env.CARD_MERGE_SEED ?? Date.now() % 1_000_000);
	const runs = Number(process.env.CARD_MERGE_RUNS ?? 12);

	/** Alice's cards are where she can see them, or inside a merged card that lists them (a split brings them back). */
	function aliceCardsSafe(h: Harness, mine: readonly string[]): string | null {
		const cards = new Map(readBoard(h.server).cards.map((c) => [c.id, c] as [string, CardView]));
		for (const id of mine) {
			const c = cards.get(id);
			if (!c) return `${id} was removed`;
			if (c.authorId !== 'alice') return `${id} lost its author`;
			let at: CardView = c;
			for (let depth = 0; at.mergedInto !== null; depth++) {
				const holder = cards.get(at.mergedInto);
				if (!holder || !holder.mergedFrom.includes(at.id) || depth > 50)
					return `${id} is hidden in ${at.mergedInto}, which does not hold it`;
				at = holder;
			}
		}
		return null;
	}

	it(`holds for random honest and hostile updates (seed ${seed})`, () => {
		const rand = prng(seed);
		let honestRefused = 0;
		let honestAccepted = 0;
		for (let run = 0; run < runs; run++) {
			const h = new Harness(cardPolicies);
			h.settings = { ...collecting, cardLimit: 1000 };
			const mine = ['a1', 'a2', 'a3', 'a4'];
			for (const id of mine)
				expect(h.send(fresh(h, alice), alice, card(id, 'alice')).ok).toBe(true);
			expect(h.send(fresh(h, bob), bob, card('b1', 'bob')).ok).toBe(true);
			let n = 0;
			for (let step = 0; step < 40; step++) {
				h.settings = { ...(rand() < 0.8 ? clustering : collecting), cardLimit: 1000 };
				const ids = [...cardsOf(h.server).keys()];
				const visible = readBoard(h.server)
					.cards.filter((c) => !c.mergedInto)
					.map((c) => c.id);
				const merged = readBoard(h.server)
					.cards.filter((c) => c.mergedFrom.length)
					.map((c) => c.id);
				const any = () => pick(rand, ids);
				const newId = `n${run}x${n++}`;
				const hostile: ((d: Y.Doc) => void)[] = [
					(d) => deleteCard(d, any()),
					(d) =>
						cardsOf(d)
							.get(any())
							?.set('mergedInto', pick(rand, [...ids, 'nowhere', null])),
					(d) =>
						cardsOf(d)
							.get(any())
							?.set('mergedFrom', pick(rand, [[], [any()], [any(), any()]])),
					(d) => cardsOf(d).get(any())?.delete('mergedInto'),
					(d) =>
						card(newId, 'bob', {
							mergedFrom: pick(rand, [[], ['nowhere'], [any()], [any(), any()]])
						})(d),
					(d) =>
						d.transact(() => {
							const from = [any(), any()];
							card(newId, 'bob', { mergedFrom: from })(d);
							for (const id of from) if (rand() < 0.7) cardsOf(d).get(id)?.set('mergedInto', newId);
						}),
					(d) =>
						d.transact(() => {
							const m = pick(rand, merged.length ? merged : ids);
							for (const id of ids) if (rand() < 0.5) cardsOf(d).get(id)?.set('mergedInto', null);
							deleteCard(d, m);
						}),
					(d) =>
						d.transact(() => {
							const from = [pick(rand, visible), pick(rand, visible)];
							mergeCards(d, from, { id: newId, authorId: 'bob', createdAt: 5 });
							if (rand() < 0.5) deleteCard(d, any());
						})
				];
				const honest = rand() < 0.5;
				if (honest && h.settings.phase === 'cluster') {
					const op =
						rand() < 0.5 && visible.length >= 2
							? (d: Y.Doc) =>
									mergeCards(
										d,
										[...new Set([pick(rand, visible), pick(rand, visible), pick(rand, visible)])],
										{
											id: newId,
											authorId: 'bob',
											createdAt: 5
										}
									)
							: merged.length
								? (d: Y.Doc) => splitCard(d, pick(rand, merged))
								: null;
					const r = op && h.send(fresh(h, bob), bob, op);
					if (r && r.ok) honestAccepted++;
					if (r && !r.ok) {
						honestRefused++;
						if (process.env.CARD_MERGE_DEBUG)
							console.log(r, JSON.stringify(readBoard(h.server).cards));
					}
				} else {
					h.send(fresh(h, bob), bob, pick(rand, hostile));
				}
				const broken = aliceCardsSafe(h, mine);
				expect(broken, `seed ${seed}, run ${run}, step ${step}`).toBeNull();
			}
		}
		expect(honestRefused, `seed ${seed}: honest merges/splits refused`).toBe(0);
		expect(honestAccepted).toBeGreaterThan(runs * 5);
	});
});

describe('[B6] a link to a merged card that is gone', () => {
	it('leaves the card on the board, and a merge takes it, as the server reads holders', () => {
		const h = setup();
		// What a board stored before the merge rules can hold (no client may write it now).
		h.server.transact(() => cardsOf(h.server).get('a1')!.set('mergedInto', 'sparita'));
		const alices = fresh(h, alice);
		const a1 = readBoard(alices).cards.find((c) => c.id === 'a1')!;
		expect(a1.mergedInto).toBeNull();
		expect(
			h.send(alices, alice, (d) =>
				mergeCards(d, ['a1', 'a2'], { id: 'm1', authorId: 'alice', createdAt: 2 })
			).ok
		).toBe(true);
		const merged = readBoard(h.server).cards.find((c) => c.id === 'm1')!;
		expect(merged.mergedFrom).toEqual(['a1', 'a2']);
		expect(
			readBoard(h.server)
				.cards.filter((c) => c.mergedInto === null)
				.map((c) => c.id)
		).toEqual(['b1', 'm1']);
	});
});
