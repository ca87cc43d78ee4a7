import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { computeEffects } from './effects';

/** The effects model (docs/BOARD.md, "Effects") against updates made by real Y.Docs. */
function synced(server: Y.Doc, clientID?: number): Y.Doc {
	const doc = new Y.Doc();
	if (clientID !== undefined) doc.clientID = clientID;
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
	return doc;
}

function diff(doc: Y.Doc, server: Y.Doc, change: (d: Y.Doc) => void): Uint8Array {
	const before = Y.encodeStateVector(server);
	change(doc);
	return Y.encodeStateAsUpdate(doc, before);
}

/** An update holding only a delete set: `client` clocks [clock, clock+len). */
function deleteOnly(client: number, clock: number, len: number): Uint8Array {
	const e = encoding.createEncoder();
	for (const n of [0, 1, client, 1, clock, len]) encoding.writeVarUint(e, n);
	return encoding.toUint8Array(e);
}

function serverWith(): { server: Y.Doc; alice: Y.Doc } {
	const server = new Y.Doc();
	const alice = synced(server, 100);
	Y.applyUpdate(
		server,
		diff(alice, server, (d) => {
			const card = new Y.Map<unknown>();
			d.getMap('cards').set('c1', card);
			card.set('kind', 'need');
			card.set('text', new Y.Text('ciao'));
		})
	);
	return { server, alice };
}

describe('effects of an update', () => {
	it('lists inserts with the place they land and the key they reuse', () => {
		const { server } = serverWith();
		const bob = synced(server, 200);
		const result = computeEffects(
			server,
			diff(bob, server, (d) =>
				(d.getMap('cards').get('c1') as Y.Map<unknown>).set('kind', 'problem')
			)
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.effects.inserts.map((i) => [i.path.join('/'), i.reused])).toEqual([
			['cards/c1/kind', true]
		]);
		expect(result.effects.removals.map((r) => r.path.join('/'))).toEqual(['cards/c1/kind']);
		expect(result.effects.clients).toEqual([200]);
	});

	it('counts a new map at a key that holds a card as an overwrite, from a document that never saw it', () => {
		const { server } = serverWith();
		const forked = new Y.Doc();
		forked.clientID = 200;
		forked.getMap('cards').set('c1', new Y.Map());
		const result = computeEffects(server, Y.encodeStateAsUpdate(forked));
		expect(result.ok && result.effects.removals.map((r) => [r.path.join('/'), r.cause])).toEqual([
			['cards/c1', 'overwrite']
		]);
		expect(result.ok && result.effects.inserts[0]).toMatchObject({ reused: true });
	});

	it('lists what the delete set removes, the whole entry once', () => {
		const { server } = serverWith();
		const bob = synced(server, 200);
		const result = computeEffects(
			server,
			diff(bob, server, (d) => d.getMap('cards').delete('c1'))
		);
		expect(result.ok && result.effects.removals.map((r) => [r.path.join('/'), r.cause])).toEqual([
			['cards/c1', 'delete']
		]);
	});

	it('counts characters removed from a text', () => {
		const { server } = serverWith();
		const bob = synced(server, 200);
		const result = computeEffects(
			server,
			diff(bob, server, (d) =>
				((d.getMap('cards').get('c1') as Y.Map<unknown>).get('text') as Y.Text).delete(1, 2)
			)
		);
		expect(result.ok && result.effects.removals.map((r) => [r.path.join('/'), r.length])).toEqual([
			['cards/c1/text/#', 2]
		]);
	});

	it('reports as pending a delete range past the clocks the document holds', () => {
		const { server } = serverWith();
		const state = Y.getState(server.store, 100);
		expect(computeEffects(server, deleteOnly(100, state, 5))).toMatchObject({
			ok: false,
			reason: 'pending',
			clients: [100]
		});
		expect(computeEffects(server, deleteOnly(555, 0, 1))).toMatchObject({
			ok: false,
			reason: 'pending',
			clients: [555]
		});
	});

	it('reports as pending a struct built on an item never received', () => {
		const { server, alice } = serverWith();
		const gap = Y.encodeStateVector(alice);
		(alice.getMap('cards').get('c1') as Y.Map<unknown>).set('target', 'anziani');
		const skipped = Y.encodeStateVector(alice);
		(alice.getMap('cards').get('c1') as Y.Map<unknown>).set('target', 'giovani');
		const second = Y.encodeStateAsUpdate(alice, skipped);
		expect(gap.length).toBeGreaterThan(0);
		expect(computeEffects(server, second)).toMatchObject({
			ok: false,
			reason: 'pending',
			clients: [100]
		});
	});

	/** Bob's edit of card c1, made before Alice's deletion of c1 reached the server. */
	function editOfDeletedCard(edit: (card: Y.Map<unknown>) => void) {
		const { server } = serverWith();
		const bob = synced(server, 200);
		const update = diff(bob, server, (d) => edit(d.getMap('cards').get('c1') as Y.Map<unknown>));
		const alice = synced(server, 300);
		Y.applyUpdate(
			server,
			diff(alice, server, (d) => d.getMap('cards').delete('c1'))
		);
		return { server, update };
	}

	it('gives no effect to an insert into something already deleted', () => {
		const { server, update: typing } = editOfDeletedCard((card) =>
			(card.get('text') as Y.Text).insert(4, '!')
		);
		const result = computeEffects(server, typing);
		expect(result.ok && result.effects.inserts).toEqual([]);
		expect(result.ok && result.effects.clients).toEqual([200]);
	});

	it('gives no effect to a key set on a map someone deleted meanwhile (an honest race, not malformed)', () => {
		const { server, update: moving } = editOfDeletedCard((card) => card.set('clusterId', 'k1'));
		const result = computeEffects(server, moving);
		expect(result.ok && result.effects.inserts).toEqual([]);
		Y.applyUpdate(server, moving);
		expect(server.getMap('cards').has('c1')).toBe(false);
	});

	it('refuses an item built on a later item of its own client (Yjs would throw applying it)', () => {
		const e = encoding.createEncoder();
		// one client (7) with one struct at clock 0: a string item whose origin is 7:1, itself
		for (const n of [1, 1, 7, 0, 0x84, 7, 1]) encoding.writeVarUint(e, n);
		encoding.writeVarString(e, 'ab');
		encoding.writeVarUint(e, 0);
		const update = encoding.toUint8Array(e);
		expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow();
		expect(computeEffects(new Y.Doc(), update)).toMatchObject({ ok: false, reason: 'malformed' });
	});

	it('refuses a struct the document holds whose parent is a later item of its client', () => {
		const { server } = serverWith();
		const e = encoding.createEncoder();
		// client 100's first struct again (clock 0): a value under the parent 100:9999
		for (const n of [1, 1, 100, 0, 0x28, 0, 100, 9999]) encoding.writeVarUint(e, n);
		encoding.writeVarString(e, 'kind');
		encoding.writeVarUint(e, 1);
		encoding.writeAny(e, 'need');
		encoding.writeVarUint(e, 0);
		const update = encoding.toUint8Array(e);
		expect(Y.decodeUpdate(update).structs).toHaveLength(1);
		expect(() => Y.applyUpdate(synced(server), update)).toThrow();
		expect(computeEffects(server, update)).toMatchObject({
			ok: false,
			reason: 'malformed',
			detail: 'an item built on a later one'
		});
	});

	it('refuses the map key "#", which would read as a position in a text or array', () => {
		const { server } = serverWith();
		const bob = synced(server, 200);
		const card = (d: Y.Doc) => d.getMap('cards').get('c1') as Y.Map<unknown>;
		// A text's attribute under "#" looked like the text's own characters (a card text
		// past its bound); a map entry "#" alike.
		for (const change of [
			(d: Y.Doc) => (card(d).get('text') as Y.Text).setAttribute('#', 'x'.repeat(500)),
			(d: Y.Doc) => card(d).set('#', 'x')
		]) {
			expect(computeEffects(server, diff(bob, server, change))).toMatchObject({
				ok: false,
				reason: 'malformed'
			});
		}
	});

	it('refuses a struct held in part whose rest would continue an item elsewhere (Yjs threw)', () => {
		// Client 1 writes a card with a 60-character text and deletes it: the text's
		// characters (clocks 2-61) are collected.
		const server = new Y.Doc();
		const writer = synced(server, 1);
		Y.applyUpdate(
			server,
			diff(writer, server, (d) => {
				const card = new Y.Map<unknown>();
				d.getMap('cards').set('c1', card);
				card.set('text', new Y.Text('x'.repeat(60)));
			})
		);
		Y.applyUpdate(
			server,
			diff(writer, server, (d) => d.getMap('cards').delete('c1'))
		);
		/** One deleted struct of client 1, clocks 55-74, in the root "cards". */
		const e = encoding.createEncoder();
		for (const n of [1, 1, 1, 55, 0x01, 1]) encoding.writeVarUint(e, n);
		encoding.writeVarString(e, 'cards');
		for (const n of [20, 0]) encoding.writeVarUint(e, n);
		const update = encoding.toUint8Array(e);
		// Its new part (62-74) would follow the collected 61: the fuzz test's find.
		expect(() => Y.applyUpdate(synced(server), update)).toThrow();
		const refused = {
			ok: false,
			reason: 'malformed',
			detail: 'an item continues one that stands elsewhere'
		};
		expect(computeEffects(server, update)).toMatchObject(refused);
		// After a list item at 62-65, the same struct's rest would follow that item: in
		// the list, though it names the root "cards".
		Y.applyUpdate(
			server,
			diff(writer, server, (d) => d.getArray('log').insert(0, ['a', 'b', 'c', 'd']))
		);
		expect(computeEffects(server, update)).toMatchObject(refused);
		// The log's items resent whole with one more after them: the same place, accepted.
		const resent = diff(synced(server, 1), new Y.Doc(), (d) => d.getArray('log').push(['e']));
		expect(computeEffects(server, resent)).toMatchObject({ ok: true });
		Y.applyUpdate(server, resent);
		expect(server.getArray('log').toArray()).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('reports bytes that are not an update as malformed', () => {
		expect(computeEffects(new Y.Doc(), new Uint8Array([9, 9, 9, 9]))).toMatchObject({
			ok: false,
			reason: 'malformed'
		});
	});
});
