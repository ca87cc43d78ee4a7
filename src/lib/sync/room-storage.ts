import * as Y from 'yjs';
import type { Claim, DocumentStore, StoredDocument } from './document-store';

/**
 * Compaction rewrites the whole document, so it waits until the updates stored
 * since the last one weigh as much as the snapshot (at least COMPACT_MIN_BYTES)
 * or number COMPACT_MAX_UPDATES: its cost stays proportional to the traffic,
 * and loading never replays more than about one snapshot's worth of updates.
 */
const COMPACT_MIN_BYTES = 64 * 1024;
const COMPACT_MAX_UPDATES = 5000;
/** Past this, the updates since the last full encoding are dropped and a newcomer gets a fresh one. */
const MAX_TAIL_BYTES = 256 * 1024;
const RETRY_MS = 1000;

export interface Accepted {
	update: Uint8Array;
	origin: unknown;
}

/**
 * A room's persistence (SPEC B11): what the document accepted waits here until
 * it is stored, and is sent on only after the commit (store before
 * broadcast). Rooms of one store commit each event-loop turn together. A
 * failed commit keeps everything in memory and retries: an accepted update is
 * never lost.
 */
export class RoomStorage<R> {
	private queue: Accepted[] = [];
	private claims: Claim[] = [];
	private records: R[] = [];
	private retryTimer: ReturnType<typeof setTimeout> | null = null;
	private readonly group: FlushGroup;
	private lastUpdateId: number;
	private storedSinceCompaction: number;
	private storedBytesSinceCompaction = 0;
	private snapshotBytes: number;
	/**
	 * The whole document as last encoded (the stored snapshot, or a compaction)
	 * and every update since, in order: what a newcomer with an empty document
	 * needs, without encoding 2,000 cards again for each of them.
	 */
	private full: { state: Uint8Array; tail: Uint8Array[]; tailBytes: number } | null = null;
	private failures = 0;

	constructor(
		private readonly store: DocumentStore<R>,
		private readonly now: () => number,
		private readonly docId: string,
		private readonly doc: Y.Doc,
		stored: StoredDocument<R>,
		/** Sends stored updates on to everyone but their origin. */
		private readonly sendOn: (accepted: Accepted[]) => void
	) {
		this.group = FlushGroup.of(store);
		this.lastUpdateId = stored.lastUpdateId;
		this.storedSinceCompaction = stored.updates.length;
		this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
		if (stored.updates.length > 0) this.compact();
		else if (stored.snapshot) this.full = { state: stored.snapshot, tail: [], tailBytes: 0 };
	}

	/** An update the document applied: kept for newcomers, queued for the next commit. */
	accept(update: Uint8Array, origin: unknown): void {
		if (this.full) {
			this.full.tail.push(update);
			this.full.tailBytes += update.byteLength;
			if (this.full.tailBytes > MAX_TAIL_BYTES) this.full = null;
		}
		this.queue.push({ update, origin });
		this.group.add(this);
	}

	/** Stored in the same commit as the updates queued with it. */
	claim(claim: Claim): void {
		this.claims.push(claim);
		this.group.add(this);
	}

	record(records: R[]): void {
		this.records.push(...records);
	}

	/**
	 * The whole document for a newcomer: the last full encoding with the updates
	 * since merged in (merging is far cheaper than encoding again), kept for the
	 * next newcomer. Everything in it is stored: callers flush first.
	 */
	whole(): Uint8Array {
		this.full ??= { state: Y.encodeStateAsUpdate(this.doc), tail: [], tailBytes: 0 };
		if (this.full.tail.length)
			this.full = {
				state: Y.mergeUpdates([this.full.state, ...this.full.tail]),
				tail: [],
				tailBytes: 0
			};
		return this.full.state;
	}

	/** Everything accepted is stored: nothing queued, no commit failing. */
	get settled(): boolean {
		return this.queue.length === 0 && this.claims.length === 0 && this.retryTimer === null;
	}

	get retrying(): boolean {
		return this.retryTimer !== null;
	}

	/** Stores what is queued in its own transaction, then sends it on. */
	flush(): void {
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
		let stored: (() => void) | null;
		try {
			stored = this.write();
		} catch (err) {
			this.failures++;
			console.error(
				`document ${this.docId}: storing ${this.queue.length} updates failed (attempt ${this.failures})`,
				err
			);
			this.retryTimer = setTimeout(() => this.flush(), RETRY_MS);
			return;
		}
		stored?.();
	}

	/**
	 * Writes what is queued (inside the caller's transaction when there is one)
	 * and returns what to do once it is committed. Nothing changes until then,
	 * so a rollback loses nothing.
	 */
	write(): (() => void) | null {
		if (this.queue.length === 0 && this.claims.length === 0 && this.records.length === 0)
			return null;
		const pending = this.queue;
		const claims = this.claims.length;
		const records = this.records.length;
		const batch = {
			updates: pending.map((p) => p.update),
			claims: this.claims,
			records: this.records
		};
		const last = this.store.append(this.docId, batch, this.now());
		return () => this.committed(pending, last, claims, records);
	}

	private committed(pending: Accepted[], last: number, claims: number, records: number): void {
		if (pending.length) this.lastUpdateId = last;
		this.failures = 0;
		this.queue = this.queue.slice(pending.length);
		this.claims = this.claims.slice(claims);
		this.records = this.records.slice(records);
		this.sendOn(pending);
		this.storedSinceCompaction += pending.length;
		for (const { update } of pending) this.storedBytesSinceCompaction += update.byteLength;
		if (
			this.storedSinceCompaction >= COMPACT_MAX_UPDATES ||
			this.storedBytesSinceCompaction >= Math.max(COMPACT_MIN_BYTES, this.snapshotBytes)
		)
			this.compact();
	}

	/** Folds the stored updates into one snapshot. */
	compact(): void {
		this.flush();
		if (this.storedSinceCompaction === 0) return;
		const state = Y.encodeStateAsUpdate(this.doc);
		this.store.compact(this.docId, state, this.lastUpdateId, this.now());
		this.storedSinceCompaction = 0;
		this.storedBytesSinceCompaction = 0;
		this.snapshotBytes = state.byteLength;
		this.full = { state, tail: [], tailBytes: 0 };
	}

	/** Last store and compaction before the room leaves memory. */
	close(): void {
		const compacted = this.storedSinceCompaction > 0;
		this.compact();
		if (compacted) this.store.release();
		if (this.retryTimer) clearTimeout(this.retryTimer);
	}
}

/**
 * The rooms of one store commit what they queued during an event-loop turn in
 * one transaction: with ten busy boards, one fsync per turn instead of ten
 * (docs/PERFORMANCE.md). Each room still sends its updates on only after the
 * commit. If the shared commit fails, each room stores on its own, with its
 * own retry.
 */
class FlushGroup {
	private static readonly groups = new WeakMap<object, FlushGroup>();
	private readonly rooms = new Set<RoomStorage<unknown>>();
	private timer: ReturnType<typeof setImmediate> | null = null;

	private constructor(private readonly store: DocumentStore<unknown>) {}

	static of<R>(store: DocumentStore<R>): FlushGroup {
		let group = FlushGroup.groups.get(store);
		if (!group) {
			group = new FlushGroup(store as DocumentStore<unknown>);
			FlushGroup.groups.set(store, group);
		}
		return group;
	}

	add<R>(room: RoomStorage<R>): void {
		this.rooms.add(room as RoomStorage<unknown>);
		this.timer ??= setImmediate(() => this.run());
	}

	private run(): void {
		this.timer = null;
		// A room whose last commit failed retries on its own timer.
		const rooms = [...this.rooms].filter((room) => !room.retrying);
		this.rooms.clear();
		if (rooms.length === 0) return;
		if (rooms.length === 1) return rooms[0]!.flush();
		let committed: (() => void)[];
		try {
			committed = this.store.transaction(() =>
				rooms.flatMap((room) => {
					const stored = room.write();
					return stored ? [stored] : [];
				})
			);
		} catch {
			for (const room of rooms) room.flush();
			return;
		}
		for (const sendOn of committed) sendOn();
	}
}
