import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { BoardMeta } from './board-doc';
import {
	boardCards,
	boardClients,
	boardPhaseSnapshots,
	boards,
	boardSnapshots,
	boardUpdates
} from './board.schema';
import type { BoardPhase } from './board';
import { meetings } from '$lib/meeting/meeting.schema';
import { policyAreas } from '$lib/plan/plan.schema';
import { tavoli } from '$lib/tavolo/tavolo.schema';

/**
 * Persistence of live boards in SQLite (SPEC B11): the accepted updates in order,
 * one compacted snapshot, a snapshot per ended phase, and who owns which Yjs
 * client id and card. Writes are small transactions; the room batches updates
 * that arrive together into one.
 */
export interface StoredDocument {
	snapshot: Uint8Array | null;
	updates: Uint8Array[];
	lastUpdateId: number;
}

export interface AcceptedBatch {
	updates: Uint8Array[];
	claims: { clientId: number; participantId: string | null }[];
	cards: { cardId: string; participantId: string | null }[];
}

export function loadDocument(db: Db, boardId: string): StoredDocument {
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
	return {
		snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
		updates: rows.map((r) => new Uint8Array(r.update)),
		lastUpdateId: rows.at(-1)?.id ?? after
	};
}

/**
 * The three inserts of every batch, prepared once per database: building a
 * drizzle query per row cost more CPU than storing it (docs/PERFORMANCE.md).
 */
function prepareBatchStatements(db: Db) {
	const p = (name: string) => sql.placeholder(name);
	return {
		claim: db
			.insert(boardClients)
			.values({
				boardId: p('boardId'),
				clientId: p('clientId'),
				participantId: p('participantId'),
				createdAt: p('now')
			})
			.onConflictDoNothing()
			.prepare(),
		card: db
			.insert(boardCards)
			.values({
				boardId: p('boardId'),
				cardId: p('cardId'),
				participantId: p('participantId'),
				createdAt: p('now')
			})
			.onConflictDoNothing()
			.prepare(),
		update: db
			.insert(boardUpdates)
			.values({ boardId: p('boardId'), update: p('update'), createdAt: p('now') })
			.prepare()
	};
}

const batchStatements = new WeakMap<Db, ReturnType<typeof prepareBatchStatements>>();

/** Stores a batch in one transaction; returns the id of its last update (0 when it has none). */
export function appendBatch(db: Db, boardId: string, batch: AcceptedBatch, now: number): number {
	let statements = batchStatements.get(db);
	if (!statements) batchStatements.set(db, (statements = prepareBatchStatements(db)));
	const { claim, card, update } = statements;
	return inTransaction(db, () => {
		for (const c of batch.claims) claim.run({ boardId, now, ...c });
		for (const c of batch.cards) card.run({ boardId, now, ...c });
		let last = 0;
		for (const u of batch.updates) {
			last = Number(update.run({ boardId, now, update: Buffer.from(u) }).lastInsertRowid);
		}
		return last;
	});
}

/** Replaces the board's snapshot with `state` (as of update `uptoId`) and drops older updates. */
export function compact(
	db: Db,
	boardId: string,
	state: Uint8Array,
	uptoId: number,
	now: number
): void {
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

/**
 * Gives the pages freed by compactions back to the file system (a no-op on a
 * database made before auto_vacuum was set; docs/PERFORMANCE.md). Called when a
 * board leaves memory, not on every compaction, to keep it off the live path.
 */
export function releaseFreePages(db: Db): void {
	db.$client.pragma('incremental_vacuum');
}

export function savePhaseSnapshot(
	db: Db,
	boardId: string,
	phase: BoardPhase,
	state: Uint8Array,
	now: number
): void {
	db.insert(boardPhaseSnapshots)
		.values({ boardId, phase, state: Buffer.from(state), createdAt: now })
		.run();
}

export function loadClientOwners(db: Db, boardId: string): Map<number, string | null> {
	const rows = db.select().from(boardClients).where(eq(boardClients.boardId, boardId)).all();
	return new Map(rows.map((r) => [r.clientId, r.participantId]));
}

export function loadCardOwners(db: Db, boardId: string): Map<string, string | null> {
	const rows = db.select().from(boardCards).where(eq(boardCards.boardId, boardId)).all();
	return new Map(rows.map((r) => [r.cardId, r.participantId]));
}

export type BoardRow = typeof boards.$inferSelect;

export function getBoard(db: Db, boardId: string): BoardRow | undefined {
	return db.select().from(boards).where(eq(boards.id, boardId)).get();
}

/** The settings part of a board row, as the document mirrors them. */
export function metaOf(row: BoardRow): BoardMeta {
	return {
		phase: row.phase,
		locked: row.locked,
		anonymous: row.anonymous,
		privateWriting: row.privateWriting,
		participantsCanCluster: row.participantsCanCluster,
		timerEndsAt: row.timerEndsAt,
		spotlightCardId: row.spotlightCardId,
		follow: row.follow,
		roundId: row.activeRoundId,
		openFields: row.openFields
	};
}

/** The policy areas of the plan a board's incontro belongs to (card tags, B10). */
export function loadPolicyAreaIds(db: Db, boardId: string): Set<number> {
	const rows = db
		.select({ id: policyAreas.id })
		.from(boards)
		.innerJoin(meetings, eq(meetings.id, boards.meetingId))
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.innerJoin(policyAreas, eq(policyAreas.planId, tavoli.planId))
		.where(eq(boards.id, boardId))
		.all();
	return new Set(rows.map((r) => r.id));
}
