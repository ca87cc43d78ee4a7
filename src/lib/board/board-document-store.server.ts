import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type Sqlite from 'better-sqlite3';
import { inTransaction, type Db } from '$lib/server/db/database';
import { writerStatement, type WriterStatement } from '$lib/server/db/sqlite-writer.server';
import {
	commitInPlace,
	type Batch,
	type CommitOutcome,
	type DocumentBatch,
	type DocumentStore,
	type StoredDocument
} from '$lib/sync/document-store';
import type { BoardPhase } from './board';
import { boardCards, boardClients, boardSnapshots, boardUpdates } from './board.schema';

/** The bytes as a Buffer over the same memory (better-sqlite3 binds Buffers as blobs). */
const bytes = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Who wrote a card, stored in the same transaction as the update that adds it (B9, B13). */
export interface CardRecord {
	cardId: string;
	participantId: string | null;
	phase: BoardPhase;
}

/**
 * The three inserts of a batch as SQL with named parameters, built once by
 * drizzle: the event loop's connection and the writer thread prepare the same
 * text and bind by position.
 */
export function boardInserts(db: Db): Record<'claim' | 'card' | 'update', WriterStatement> {
	const p = (name: string) => sql.placeholder(name);
	return {
		claim: writerStatement(
			db
				.insert(boardClients)
				.values({
					boardId: p('boardId'),
					clientId: p('clientId'),
					participantId: p('participantId'),
					createdAt: p('now')
				})
				.onConflictDoNothing()
		),
		card: writerStatement(
			db
				.insert(boardCards)
				.values({
					boardId: p('boardId'),
					cardId: p('cardId'),
					participantId: p('participantId'),
					phase: p('phase'),
					createdAt: p('now')
				})
				.onConflictDoNothing()
		),
		update: writerStatement(
			db
				.insert(boardUpdates)
				.values({ boardId: p('boardId'), update: p('update'), createdAt: p('now') })
		)
	};
}

type Insert = (values: Record<string, unknown>) => Sqlite.RunResult;

/** A prepared insert bound by name: what a drizzle prepared query does, without its per-row work. */
function prepareInsert(db: Db, statement: WriterStatement): Insert {
	const prepared = db.$client.prepare(statement.sql);
	return (values) => prepared.run(...statement.params.map((name) => values[name]));
}

/**
 * The boards' documents in SQLite (SPEC B11), the app's DocumentStore: every
 * accepted update in `board_updates`, the compacted snapshot, the owners of
 * Yjs client ids and of cards. The inserts are prepared once per database:
 * building a drizzle query per row cost more CPU than storing it
 * (docs/PERFORMANCE.md).
 */
export class BoardDocumentStore implements DocumentStore<CardRecord> {
	private static readonly stores = new WeakMap<Db, BoardDocumentStore>();
	private readonly statements;

	private constructor(private readonly db: Db) {
		const inserts = boardInserts(db);
		this.statements = {
			claim: prepareInsert(db, inserts.claim),
			card: prepareInsert(db, inserts.card),
			update: prepareInsert(db, inserts.update)
		};
	}

	/** One store per database, so the rooms of one database share its prepared statements. */
	static of(db: Db): BoardDocumentStore {
		let store = BoardDocumentStore.stores.get(db);
		if (!store) BoardDocumentStore.stores.set(db, (store = new BoardDocumentStore(db)));
		return store;
	}

	load(boardId: string): StoredDocument<CardRecord> {
		const db = this.db;
		const snapshot = db
			.select()
			.from(boardSnapshots)
			.where(eq(boardSnapshots.boardId, boardId))
			.get();
		const after = snapshot?.uptoId ?? 0;
		const rows = db
			.select({ id: boardUpdates.id, update: boardUpdates.update })
			.from(boardUpdates)
			.where(and(eq(boardUpdates.boardId, boardId), gt(boardUpdates.id, after)))
			.orderBy(asc(boardUpdates.id))
			.all();
		const claims = db
			.select({ clientId: boardClients.clientId, participantId: boardClients.participantId })
			.from(boardClients)
			.where(eq(boardClients.boardId, boardId))
			.all();
		const records = db
			.select({
				cardId: boardCards.cardId,
				participantId: boardCards.participantId,
				phase: boardCards.phase
			})
			.from(boardCards)
			.where(eq(boardCards.boardId, boardId))
			.all();
		return {
			snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
			updates: rows.map((r) => new Uint8Array(r.update)),
			lastUpdateId: rows.at(-1)?.id ?? after,
			claims,
			records
		};
	}

	append(boardId: string, batch: Batch<CardRecord>, now: number): number {
		const { claim, card, update } = this.statements;
		const insert = () => {
			for (const c of batch.claims) claim({ boardId, now, ...c });
			for (const c of batch.records) card({ boardId, now, ...c });
			let last = 0;
			for (const u of batch.updates)
				last = Number(update({ boardId, now, update: bytes(u) }).lastInsertRowid);
			return last;
		};
		// Inside `commit`'s transaction a failure rolls back the whole commit: no savepoint needed.
		return this.db.$client.inTransaction ? insert() : inTransaction(this.db, insert);
	}

	compact(boardId: string, state: Uint8Array, uptoId: number, now: number): void {
		const db = this.db;
		inTransaction(db, () => {
			db.insert(boardSnapshots)
				.values({ boardId, uptoId, state: Buffer.from(state), createdAt: now })
				.onConflictDoUpdate({
					target: boardSnapshots.boardId,
					set: { uptoId, state: Buffer.from(state), createdAt: now }
				})
				.run();
			db.delete(boardUpdates)
				.where(and(eq(boardUpdates.boardId, boardId), lte(boardUpdates.id, uptoId)))
				.run();
		});
	}

	commit(
		batches: DocumentBatch<CardRecord>[],
		now: number,
		done: (outcome: CommitOutcome) => void
	): void {
		commitInPlace(this, batches, now, done);
	}

	settle(): void {}

	transaction<T>(fn: () => T): T {
		return inTransaction(this.db, fn);
	}

	/**
	 * Gives the pages freed by compactions back to the file system (a no-op on a
	 * database made before auto_vacuum was set; docs/PERFORMANCE.md).
	 */
	release(): void {
		this.db.$client.pragma('incremental_vacuum');
	}
}
