import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryDocumentStore } from './document-store';
import { RoomStorage, type Whole } from './room-storage';

/** A document with `cards` entries of `size` characters, stored and compacted: a room as loaded. */
function loadedRoom(cards: number, size = 40) {
	const store = new MemoryDocumentStore<never>();
	const doc = new Y.Doc();
	const storage = new RoomStorage(
		store,
		() => 0,
		'doc',
		doc,
		store.load('doc'),
		() => undefined
	);
	doc.on('update', (update: Uint8Array, origin: unknown) => storage.accept(update, origin));
	const map = doc.getMap<string>('cards');
	for (let i = 0; i < cards; i++) map.set(`c${i}`, 'x'.repeat(size));
	storage.compact();
	return { doc, map, storage };
}

/** What a newcomer holds once it has applied the parts in the order the room sends them. */
function received({ state, since }: Whole): Y.Doc {
	const doc = new Y.Doc();
	for (const update of since) Y.applyUpdate(doc, update);
	Y.applyUpdate(doc, state);
	return doc;
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('[B11] RoomStorage: the whole document for a newcomer', () => {
	it('keeps the last encoding and adds the updates since, instead of encoding again', async () => {
		const { doc, map, storage } = loadedRoom(200);
		const before = storage.whole();
		map.set('c1', 'moved');
		map.delete('c2');
		await settled();
		const after = storage.whole();
		expect(after.state).toBe(before.state);
		expect(after.since).toHaveLength(2);
		expect(received(after).getMap('cards').toJSON()).toEqual(map.toJSON());
		expect(Y.encodeStateVector(received(after))).toEqual(Y.encodeStateVector(doc));
	});

	it('encodes afresh once the updates since weigh more than a quarter of the encoding', async () => {
		const { map, storage } = loadedRoom(20);
		const before = storage.whole();
		for (let i = 0; i < 10; i++) map.set(`new${i}`, 'y'.repeat(80));
		await settled();
		const after = storage.whole();
		expect(after.state).not.toBe(before.state);
		expect(after.since).toEqual([]);
		expect(received(after).getMap('cards').toJSON()).toEqual(map.toJSON());
	});

	it('gives a newcomer only what is stored while a commit waits', async () => {
		const { map, storage } = loadedRoom(50);
		map.set('stored', 'yes');
		await settled();
		map.set('waiting', 'not yet');
		const stored = storage.storedWhole();
		expect(stored?.since).toHaveLength(1);
		const seen = received(stored!).getMap('cards');
		expect(seen.get('stored')).toBe('yes');
		expect(seen.has('waiting')).toBe(false);
		await settled();
		expect(received(storage.storedWhole()!).getMap('cards').get('waiting')).toBe('not yet');
	});
});
