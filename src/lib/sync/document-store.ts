/**
 * Where a room's document lives between restarts (SPEC B11): the accepted
 * updates in order, one compacted snapshot, who owns which Yjs client id, and
 * the feature's own records that must be stored with the update that made
 * them (for the board: who wrote each card). Two implementations, one contract
 * (`document-store.contract.ts`): SQLite for the app, memory for tests.
 */
export interface Claim {
	clientId: number;
	/** null: the server's own client id. */
	participantId: string | null;
}

export interface Batch<R> {
	updates: Uint8Array[];
	claims: Claim[];
	records: R[];
}

export interface StoredDocument<R> {
	snapshot: Uint8Array | null;
	/** The updates after the snapshot, in the order they were accepted. */
	updates: Uint8Array[];
	/** Id of the last update stored (0 when none): a compaction names it. */
	lastUpdateId: number;
	claims: Claim[];
	records: R[];
}

/** One document's batch in a commit of several. */
export interface DocumentBatch<R> {
	docId: string;
	batch: Batch<R>;
}

/** A commit's outcome: the id of each batch's last update (0 when it has none), in order. */
export type CommitOutcome = { ok: true; lastIds: number[] } | { ok: false; error: unknown };

export interface DocumentStore<R> {
	load(docId: string): StoredDocument<R>;
	/**
	 * Stores several documents' batches in one transaction, all or nothing, and
	 * calls `done` once it is committed or has failed: at once, or later when the
	 * store commits off the event loop (the SQLite writer thread). Commits are
	 * made in the order called; the other methods see every commit made before.
	 */
	commit(batches: DocumentBatch<R>[], now: number, done: (outcome: CommitOutcome) => void): void;
	/** Blocks until every commit made so far is done and its `done` has run. */
	settle(): void;
	/** Stores a batch all or nothing; returns the id of its last update (0 when it has none). */
	append(docId: string, batch: Batch<R>, now: number): number;
	/** Replaces the snapshot with `state` (as of update `uptoId`) and drops the updates up to it. */
	compact(docId: string, state: Uint8Array, uptoId: number, now: number): void;
	/** Runs `fn` as one transaction: several rooms' batches share one commit. */
	transaction<T>(fn: () => T): T;
	/** Gives the space compactions freed back (a room calls it when it leaves memory). */
	release(): void;
}

/** `commit` for a store that writes on the event loop: one transaction, `done` before returning. */
export function commitInPlace<R>(
	store: DocumentStore<R>,
	batches: DocumentBatch<R>[],
	now: number,
	done: (outcome: CommitOutcome) => void
): void {
	let lastIds: number[];
	try {
		lastIds = store.transaction(() => batches.map((b) => store.append(b.docId, b.batch, now)));
	} catch (error) {
		return done({ ok: false, error });
	}
	done({ ok: true, lastIds });
}

/** The store of tests and of tools that need no file: same contract, nothing survives the process. */
export class MemoryDocumentStore<R> implements DocumentStore<R> {
	private readonly docs = new Map<string, StoredDocument<R> & { ids: number[] }>();
	private nextId = 1;

	load(docId: string): StoredDocument<R> {
		const doc = this.docs.get(docId);
		if (!doc) return { snapshot: null, updates: [], lastUpdateId: 0, claims: [], records: [] };
		return {
			snapshot: doc.snapshot,
			updates: [...doc.updates],
			lastUpdateId: doc.lastUpdateId,
			claims: [...doc.claims],
			records: [...doc.records]
		};
	}

	append(docId: string, batch: Batch<R>, _now: number): number {
		let doc = this.docs.get(docId);
		if (!doc) {
			doc = { snapshot: null, updates: [], ids: [], lastUpdateId: 0, claims: [], records: [] };
			this.docs.set(docId, doc);
		}
		for (const claim of batch.claims)
			if (!doc.claims.some((c) => c.clientId === claim.clientId)) doc.claims.push({ ...claim });
		doc.records.push(...batch.records);
		let last = 0;
		for (const update of batch.updates) {
			last = this.nextId++;
			doc.updates.push(update.slice());
			doc.ids.push(last);
			doc.lastUpdateId = last;
		}
		return last;
	}

	compact(docId: string, state: Uint8Array, uptoId: number, _now: number): void {
		const doc = this.docs.get(docId) ?? {
			snapshot: null,
			updates: [],
			ids: [],
			lastUpdateId: uptoId,
			claims: [],
			records: []
		};
		const keep = doc.ids.findIndex((id) => id > uptoId);
		doc.updates = keep < 0 ? [] : doc.updates.slice(keep);
		doc.ids = keep < 0 ? [] : doc.ids.slice(keep);
		doc.snapshot = state.slice();
		doc.lastUpdateId = Math.max(doc.lastUpdateId, uptoId);
		this.docs.set(docId, doc);
	}

	commit(batches: DocumentBatch<R>[], now: number, done: (outcome: CommitOutcome) => void): void {
		commitInPlace(this, batches, now, done);
	}

	settle(): void {}

	transaction<T>(fn: () => T): T {
		const saved = new Map([...this.docs].map(([id, d]) => [id, structuredClone(d)]));
		const nextId = this.nextId;
		try {
			return fn();
		} catch (err) {
			this.docs.clear();
			for (const [id, d] of saved) this.docs.set(id, d);
			this.nextId = nextId;
			throw err;
		}
	}

	release(): void {}
}
