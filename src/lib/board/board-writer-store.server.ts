import type { Db } from '$lib/server/db/database';
import { SqliteWriter, type WriteOp, type WriteOutcome } from '$lib/server/db/sqlite-writer.server';
import {
	commitInPlace,
	type Batch,
	type CommitOutcome,
	type DocumentBatch,
	type DocumentStore,
	type StoredDocument
} from '$lib/sync/document-store';
import { BoardDocumentStore, boardInserts, type CardRecord } from './board-document-store.server';

/**
 * The boards' documents in SQLite with the rooms' commits on a writer thread
 * (docs/ARCHITECTURE.md, "Persistence off the event loop"): `commit`, the
 * path every accepted update takes, returns at once and the event loop goes
 * on checking and applying while the thread's fsync runs. Everything else
 * (loading, compaction, server changes that must be stored before they
 * return) first waits for the commits under way, then runs on the event
 * loop's connection, as `BoardDocumentStore` does: one writer at a time, the
 * same order as before. If the thread dies, commits run on the event loop.
 */
export class BoardWriterStore implements DocumentStore<CardRecord> {
	private readonly inPlace: BoardDocumentStore;
	private readonly writer: SqliteWriter;

	/** `script`: the writer thread's file (`sqlite-writer.worker.js`, or its copy in the build). */
	constructor(db: Db, script: URL | string) {
		this.inPlace = BoardDocumentStore.of(db);
		this.writer = new SqliteWriter(db.$client.name, boardInserts(db), script);
	}

	commit(
		batches: DocumentBatch<CardRecord>[],
		now: number,
		done: (outcome: CommitOutcome) => void
	): void {
		if (!this.writer.working) return commitInPlace(this, batches, now, done);
		const ops: WriteOp[] = [];
		/** Index in `ops` of each batch's last update, -1 when it has none. */
		const lastOps = batches.map(({ docId, batch }) => pushOps(ops, docId, batch, now));
		this.writer.run(ops, (outcome: WriteOutcome) =>
			done(
				outcome.ok
					? { ok: true, lastIds: lastOps.map((i) => (i < 0 ? 0 : outcome.rowids[i]!)) }
					: outcome
			)
		);
	}

	settle(): void {
		this.writer.settle();
	}

	load(boardId: string): StoredDocument<CardRecord> {
		this.writer.settle();
		return this.inPlace.load(boardId);
	}

	append(boardId: string, batch: Batch<CardRecord>, now: number): number {
		this.writer.settle();
		return this.inPlace.append(boardId, batch, now);
	}

	compact(boardId: string, state: Uint8Array, uptoId: number, now: number): void {
		this.writer.settle();
		this.inPlace.compact(boardId, state, uptoId, now);
	}

	transaction<T>(fn: () => T): T {
		this.writer.settle();
		return this.inPlace.transaction(fn);
	}

	release(): void {
		this.writer.settle();
		this.inPlace.release();
	}

	/** Shutdown, after the rooms: waits for the commits under way and stops the thread. */
	close(): Promise<void> {
		return this.writer.close();
	}
}

/** One batch as writer ops: claims, cards, then updates (as `BoardDocumentStore.append`). */
function pushOps(ops: WriteOp[], boardId: string, batch: Batch<CardRecord>, now: number): number {
	for (const c of batch.claims) ops.push(['claim', { boardId, now, ...c }]);
	for (const c of batch.records) ops.push(['card', { boardId, now, ...c }]);
	for (const update of batch.updates) ops.push(['update', { boardId, now, update }]);
	return batch.updates.length ? ops.length - 1 : -1;
}
