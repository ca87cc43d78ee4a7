import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommitOutcome, DocumentStore } from './document-store';

/**
 * The contract every DocumentStore keeps (SPEC B11), run against the SQLite
 * store and the memory store. `open` gives a store and two documents it can
 * hold; `reopen` gives the same storage again, as after a restart.
 */
export interface StoreFixture<R> {
	store: DocumentStore<R>;
	docIds: [string, string];
	/** Two participant ids the store may name as owners of client ids. */
	participants: [string, string];
	record(n: number): R;
	reopen(): DocumentStore<R>;
	cleanup(): void;
}

function updateOf(change: (doc: Y.Doc) => void, base = new Y.Doc()): Uint8Array {
	const before = Y.encodeStateVector(base);
	change(base);
	return Y.encodeStateAsUpdate(base, before);
}

function docOf(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
	const doc = new Y.Doc();
	if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
	for (const u of stored.updates) Y.applyUpdate(doc, u);
	return doc;
}

export function documentStoreContract<R>(name: string, open: () => StoreFixture<R>): void {
	const withStore = (test: (f: StoreFixture<R>) => void) => () => {
		const f = open();
		try {
			test(f);
		} finally {
			f.cleanup();
		}
	};

	describe(`[B11] document store contract: ${name}`, () => {
		it(
			'an unknown document loads empty',
			withStore(({ store, docIds }) => {
				expect(store.load(docIds[0])).toEqual({
					snapshot: null,
					updates: [],
					lastUpdateId: 0,
					claims: [],
					records: []
				});
			})
		);

		it(
			'keeps updates in order with their claims and records, across a reopen',
			withStore((f) => {
				const base = new Y.Doc();
				const u1 = updateOf((d) => d.getMap('m').set('a', 1), base);
				const u2 = updateOf((d) => d.getMap('m').set('b', 2), base);
				const first = f.store.append(
					f.docIds[0],
					{
						updates: [u1],
						claims: [{ clientId: 7, participantId: f.participants[0] }],
						records: [f.record(1)]
					},
					1
				);
				const second = f.store.append(f.docIds[0], { updates: [u2], claims: [], records: [] }, 2);
				expect(second).toBeGreaterThan(first);
				for (const store of [f.store, f.reopen()]) {
					const loaded = store.load(f.docIds[0]);
					expect(loaded.updates.map((u) => [...u])).toEqual([[...u1], [...u2]]);
					expect(loaded.lastUpdateId).toBe(second);
					expect(loaded.claims).toEqual([{ clientId: 7, participantId: f.participants[0] }]);
					expect(loaded.records).toEqual([f.record(1)]);
					expect(docOf(loaded).getMap('m').toJSON()).toEqual({ a: 1, b: 2 });
				}
			})
		);

		it(
			'a batch with no update stores its claims and answers 0',
			withStore(({ store, docIds }) => {
				const claims = [{ clientId: 9, participantId: null }];
				expect(store.append(docIds[0], { updates: [], claims, records: [] }, 1)).toBe(0);
				expect(store.load(docIds[0]).claims).toEqual(claims);
			})
		);

		it(
			'a client id keeps its first owner',
			withStore(({ store, docIds, participants: [a, b] }) => {
				store.append(
					docIds[0],
					{ updates: [], claims: [{ clientId: 3, participantId: a }], records: [] },
					1
				);
				store.append(
					docIds[0],
					{ updates: [], claims: [{ clientId: 3, participantId: b }], records: [] },
					2
				);
				expect(store.load(docIds[0]).claims).toEqual([{ clientId: 3, participantId: a }]);
			})
		);

		it(
			'compaction keeps the snapshot and the updates after it, and the document is the same',
			withStore((f) => {
				const base = new Y.Doc();
				const ids: number[] = [];
				for (let i = 0; i < 5; i++) {
					const u = updateOf((d) => d.getArray('a').push([i]), base);
					ids.push(f.store.append(f.docIds[0], { updates: [u], claims: [], records: [] }, i));
				}
				const upto = ids[2]!;
				const partial = new Y.Doc();
				for (const u of f.store.load(f.docIds[0]).updates.slice(0, 3)) Y.applyUpdate(partial, u);
				f.store.compact(f.docIds[0], Y.encodeStateAsUpdate(partial), upto, 9);
				for (const store of [f.store, f.reopen()]) {
					const loaded = store.load(f.docIds[0]);
					expect(loaded.updates).toHaveLength(2);
					expect(loaded.lastUpdateId).toBe(ids[4]);
					expect(docOf(loaded).getArray('a').toJSON()).toEqual([0, 1, 2, 3, 4]);
				}
			})
		);

		it(
			'a transaction that throws stores nothing',
			withStore(({ store, docIds, participants }) => {
				const u = updateOf((d) => d.getMap('m').set('x', 1));
				expect(() =>
					store.transaction(() => {
						store.append(
							docIds[0],
							{
								updates: [u],
								claims: [{ clientId: 1, participantId: participants[0] }],
								records: []
							},
							1
						);
						throw new Error('disk full');
					})
				).toThrow('disk full');
				expect(store.load(docIds[0]).updates).toEqual([]);
				expect(store.load(docIds[0]).claims).toEqual([]);
			})
		);

		it(
			'a commit stores several documents at once, in order, and settle waits for its answer',
			withStore((f) => {
				const base = new Y.Doc();
				const u1 = updateOf((d) => d.getMap('m').set('a', 1), base);
				const u2 = updateOf((d) => d.getMap('m').set('b', 2), base);
				const u3 = updateOf((d) => d.getMap('m').set('c', 3), base);
				const outcomes: CommitOutcome[] = [];
				const claims = [{ clientId: 5, participantId: f.participants[1] }];
				f.store.commit(
					[
						{ docId: f.docIds[0], batch: { updates: [u1, u2], claims, records: [f.record(2)] } },
						{ docId: f.docIds[1], batch: { updates: [], claims, records: [] } }
					],
					1,
					(o) => outcomes.push(o)
				);
				f.store.commit(
					[{ docId: f.docIds[0], batch: { updates: [u3], claims: [], records: [] } }],
					2,
					(o) => outcomes.push(o)
				);
				f.store.settle();
				expect(outcomes).toHaveLength(2);
				const [first, second] = outcomes.map((o) => (o.ok ? o.lastIds : []));
				expect(first).toEqual([expect.any(Number), 0]);
				expect(second![0]).toBeGreaterThan(first![0]!);
				for (const store of [f.store, f.reopen()]) {
					const loaded = store.load(f.docIds[0]);
					expect(loaded.updates.map((u) => [...u])).toEqual([[...u1], [...u2], [...u3]]);
					expect(loaded.lastUpdateId).toBe(second![0]);
					expect(loaded.claims).toEqual(claims);
					expect(loaded.records).toEqual([f.record(2)]);
					expect(store.load(f.docIds[1]).claims).toEqual(claims);
				}
			})
		);

		it(
			'documents are kept apart',
			withStore(({ store, docIds, record, participants }) => {
				const u = updateOf((d) => d.getMap('m').set('x', 1));
				store.append(
					docIds[0],
					{
						updates: [u],
						claims: [{ clientId: 1, participantId: participants[0] }],
						records: [record(1)]
					},
					1
				);
				expect(store.load(docIds[1])).toMatchObject({ updates: [], claims: [], records: [] });
			})
		);
	});
}
