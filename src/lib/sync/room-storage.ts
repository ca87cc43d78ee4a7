import * as Y from 'yjs';
import type { Claim, DocumentBatch, DocumentStore, StoredDocument } from './document-store';

/**
 * Compaction rewrites the whole document, so it waits until the updates stored
 * since the last one weigh as much as the snapshot (at least COMPACT_MIN_BYTES)
 * or number COMPACT_MAX_UPDATES: its cost stays proportional to the traffic,
 * and loading never replays more than about one snapshot's worth of updates.
 */
const COMPACT_MIN_BYTES = 64 * 1024;
const COMPACT_MAX_UPDATES = 5000;
const RETRY_MS = 1000;

/** Past this many updates since the last encoding, a newcomer gets the document encoded afresh. */
const WHOLE_MAX_SINCE = 256;

/** The whole document in parts: an encoding, then the updates accepted after it, in order. */
export interface Whole {
	state: Uint8Array;
	since: Uint8Array[];
}

export interface Accepted {
	update: Uint8Array;
	origin: unknown;
}

/**
 * A room's persistence (SPEC B11): what the document accepted waits here until
 * it is stored, and is sent on only after the commit (store before
 * broadcast). Rooms of one store commit each event-loop turn together, and
 * while one commit is under way (on the writer thread) the next turn's updates
 * wait for it. A failed commit keeps everything in memory and retries: an
 * accepted update is never lost.
 */
export class RoomStorage<R> {
	/** Accepted and not yet stored, in order; the first `sending` are in the commit under way. */
	private queue: Accepted[] = [];
	private claims: Claim[] = [];
	private records: R[] = [];
	private sending: { updates: number; claims: number; records: number; mark: number } | null = null;
	/** Updates and claims accepted so far, and how many of them are stored: marks for pings. */
	private acceptedCount = 0;
	private storedCount = 0;
	private retryTimer: ReturnType<typeof setTimeout> | null = null;
	private readonly group: FlushGroup;
	private lastUpdateId: number;
	private storedSinceCompaction: number;
	private storedBytesSinceCompaction = 0;
	private snapshotBytes: number;
	/**
	 * The whole document as last encoded while everything was stored (the
	 * stored snapshot, a compaction, or for an earlier newcomer) and the
	 * updates accepted since, in order: a newcomer gets these instead of 2,000
	 * cards encoded again each time a join or a move changed the board. Dropped
	 * once the updates since weigh more than encoding afresh would save.
	 */
	private full: (Whole & { sinceBytes: number }) | null = null;
	private failures = 0;

	constructor(
		private readonly store: DocumentStore<R>,
		readonly now: () => number,
		readonly docId: string,
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
		else if (stored.snapshot) this.encoded(stored.snapshot);
	}

	/** An update the document applied: kept for newcomers, queued for the next commit. */
	accept(update: Uint8Array, origin: unknown): void {
		if (this.full) {
			this.full.since.push(update);
			this.full.sinceBytes += update.byteLength;
			if (
				this.full.since.length > WHOLE_MAX_SINCE ||
				this.full.sinceBytes > this.full.state.byteLength / 4
			)
				this.full = null;
		}
		this.queue.push({ update, origin });
		this.acceptedCount++;
		this.group.add(this);
	}

	/** Stored in the same commit as the updates queued with it. */
	claim(claim: Claim): void {
		this.claims.push(claim);
		this.acceptedCount++;
		this.group.add(this);
	}

	record(records: R[]): void {
		this.records.push(...records);
	}

	/**
	 * The whole document for a newcomer: the last encoding and the updates
	 * since, else the document encoded afresh and kept for the next newcomer.
	 * Encoding is cheaper than merging the updates into the last encoding: for
	 * 2,000 cards 6–38 ms against 10–190 ms (`Y.mergeUpdates` decodes every
	 * struct of both). Everything in it is stored: callers flush first.
	 */
	whole(): Whole {
		if (this.full) return { state: this.full.state, since: [...this.full.since] };
		const state = Y.encodeStateAsUpdate(this.doc);
		// An encoding with updates still to be stored (the store is failing) is not
		// kept: `storedWhole` could not tell its stored part.
		if (this.queue.length === 0) this.encoded(state);
		return { state, since: [] };
	}

	/**
	 * The whole document as stored, while updates accepted after it wait for
	 * their commit (they reach the newcomer with everyone else, once stored):
	 * the last encoding and the stored updates since; null when there is none.
	 */
	storedWhole(): Whole | null {
		if (this.settled) return this.whole();
		if (!this.full) return null;
		// Updates wait for their commit in the order accepted: the last of `since`.
		const stored = this.full.since.length - this.queue.length;
		return stored < 0 ? null : { state: this.full.state, since: this.full.since.slice(0, stored) };
	}

	private encoded(state: Uint8Array): void {
		this.full = { state, since: [], sinceBytes: 0 };
	}

	/** Everything accepted is stored: nothing queued, no commit under way or failing. */
	get settled(): boolean {
		return this.queue.length === 0 && this.claims.length === 0 && this.retryTimer === null;
	}

	get retrying(): boolean {
		return this.retryTimer !== null;
	}

	/** What is accepted by now: `isStored(mark)` tells when all of it is stored. */
	mark(): number {
		return this.acceptedCount;
	}

	isStored(mark: number): boolean {
		return this.storedCount >= mark && this.retryTimer === null;
	}

	/**
	 * Stores what is queued now, in its own transaction, and sends it on; it
	 * first waits for the commit under way. Blocks the event loop: for changes
	 * that must be stored before the caller goes on (server changes, shutdown).
	 */
	flush(): void {
		this.store.settle();
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
		const taken = this.take();
		if (!taken) return;
		let last: number;
		try {
			last = this.store.append(this.docId, taken.batch, this.now());
		} catch (err) {
			this.failed(err);
			return;
		}
		this.committed(last);
	}

	/**
	 * What is queued, for a commit; nothing leaves the queue until `committed`,
	 * so a failed commit loses nothing. Null when nothing is queued or a commit
	 * is already under way.
	 */
	take(): DocumentBatch<R> | null {
		if (this.sending) return null;
		if (this.queue.length === 0 && this.claims.length === 0 && this.records.length === 0)
			return null;
		this.sending = {
			updates: this.queue.length,
			claims: this.claims.length,
			records: this.records.length,
			mark: this.acceptedCount
		};
		return {
			docId: this.docId,
			batch: {
				updates: this.queue.map((p) => p.update),
				claims: [...this.claims],
				records: [...this.records]
			}
		};
	}

	/** The commit of what `take` gave failed: logged, kept, retried every second on its own. */
	private failed(err: unknown): void {
		this.sending = null;
		this.failures++;
		console.error(
			`document ${this.docId}: storing ${this.queue.length} updates failed (attempt ${this.failures})`,
			err
		);
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = setTimeout(() => this.flush(), RETRY_MS);
	}

	/**
	 * The shared commit of what `take` gave failed (another room's batch, the writer
	 * thread gone or unable to get the lock): this room stores on its own, at once.
	 */
	storeAlone(): void {
		this.sending = null;
		this.flush();
	}

	/** What `take` gave is stored (its last update `last`): sent on, then maybe compacted. */
	committed(last: number): void {
		const sent = this.sending!;
		this.sending = null;
		const pending = this.queue.slice(0, sent.updates);
		if (pending.length) this.lastUpdateId = last;
		this.failures = 0;
		this.storedCount = sent.mark;
		this.queue = this.queue.slice(sent.updates);
		this.claims = this.claims.slice(sent.claims);
		this.records = this.records.slice(sent.records);
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
		if (this.storedSinceCompaction === 0 || !this.settled) return;
		const state = Y.encodeStateAsUpdate(this.doc);
		this.store.compact(this.docId, state, this.lastUpdateId, this.now());
		this.storedSinceCompaction = 0;
		this.storedBytesSinceCompaction = 0;
		this.snapshotBytes = state.byteLength;
		this.encoded(state);
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
 * (docs/PERFORMANCE.md). One commit is under way at a time: what the rooms
 * accept meanwhile goes in the next, started as soon as it is done. Each room
 * sends its updates on only after the commit. If a commit fails, each room
 * stores on its own at once, with its own retry.
 */
class FlushGroup {
	private static readonly groups = new WeakMap<object, FlushGroup>();
	private readonly rooms = new Set<RoomStorage<unknown>>();
	private timer: ReturnType<typeof setImmediate> | null = null;
	private underWay = false;

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
		if (!this.underWay) this.timer ??= setImmediate(() => this.run());
	}

	private run(): void {
		this.timer = null;
		// A room whose last commit failed retries on its own timer.
		const rooms = [...this.rooms].filter((room) => !room.retrying);
		this.rooms.clear();
		const taken = rooms.flatMap((room) => {
			const batch = room.take();
			return batch ? [{ room, batch }] : [];
		});
		if (taken.length === 0) return;
		this.underWay = true;
		const batches = taken.map((t) => t.batch);
		this.store.commit(batches, taken[0]!.room.now(), (outcome) => {
			this.underWay = false;
			if (outcome.ok) taken.forEach(({ room }, i) => room.committed(outcome.lastIds[i] ?? 0));
			// At once, each on its own; a room that fails again logs and retries on its timer.
			else for (const { room } of taken) room.storeAlone();
			if (this.rooms.size) this.timer ??= setImmediate(() => this.run());
		});
	}
}
