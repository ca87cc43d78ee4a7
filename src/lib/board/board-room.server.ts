import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Clock } from '$lib/server/runtime';
import type { Writer } from './board';
import { observeMeta, readMeta, writeMeta, writeParticipant, type BoardMeta } from './board-doc';
import {
	appendBatch,
	compact,
	loadCardOwners,
	loadPolicyAreaIds,
	loadClientOwners,
	loadDocument,
	releaseFreePages,
	savePhaseSnapshot,
	type AcceptedBatch
} from './board-store.server';
import {
	awarenessMessage,
	CloseCode,
	decodeAwareness,
	encodeAwareness,
	readMessage,
	syncStep1Message,
	syncStep2Message,
	updateMessage,
	type AwarenessEntry
} from './sync-protocol';
import { checkUpdate, type Refusal } from './update-check';

/** The transport as the room sees it: three members, whatever carries the bytes. */
export interface SyncSocket {
	send(data: Uint8Array): void;
	close(code: number, reason: string): void;
}

export interface Participant {
	writer: Writer;
	name: string;
	organization: string;
}

interface Connection {
	participant: Participant;
	awarenessIds: Set<number>;
	/**
	 * Updates that arrived before the ones they build on. After a reconnection a
	 * client's live edits can overtake its catch-up message (sync step 2); they
	 * wait here, bounded, until the gap is filled.
	 */
	waiting: Uint8Array[];
	waitingBytes: number;
}

const SERVER = Symbol('server');
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
const MAX_CONNECTIONS = 400;
const MAX_AWARENESS_BYTES = 2048;
const MAX_WAITING_UPDATES = 200;
const MAX_WAITING_BYTES = 1024 * 1024;

const closeCodeOf: Record<Refusal, number> = {
	'too-large': CloseCode.tooLarge,
	malformed: CloseCode.malformed,
	'missing-dependencies': CloseCode.malformed,
	'client-id-taken': CloseCode.clientIdTaken,
	observer: CloseCode.refused,
	'server-only': CloseCode.refused,
	'unknown-location': CloseCode.refused,
	'bad-value': CloseCode.refused,
	'not-allowed': CloseCode.refused,
	'not-own-item': CloseCode.refused
};

/**
 * One board in memory: its Y.Doc, awareness and connections (SPEC B9-B12).
 * Client updates are checked, applied, stored in SQLite, and only then sent to
 * the others; updates arriving together are stored in one transaction.
 */
export class BoardRoom {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	private readonly conns = new Map<SyncSocket, Connection>();
	private readonly clientOwners: Map<number, string | null>;
	private readonly cardOwners: Map<string, string | null>;
	private readonly policyAreaIds: ReadonlySet<number>;
	private queue: { update: Uint8Array; origin: unknown }[] = [];
	private batch: Omit<AcceptedBatch, 'updates'> = { claims: [], cards: [] };
	private retryTimer: ReturnType<typeof setTimeout> | null = null;
	private readonly group: FlushGroup;
	private lastUpdateId = 0;
	private storedSinceCompaction = 0;
	private storedBytesSinceCompaction = 0;
	private snapshotBytes = 0;
	/**
	 * The whole document as last encoded (the stored snapshot, or a compaction)
	 * and every update since, in order: what a newcomer with an empty document
	 * needs, without encoding 2,000 cards again for each of them.
	 */
	private full: { state: Uint8Array; tail: Uint8Array[]; tailBytes: number } | null = null;
	private failedFlushes = 0;
	/** Read for every update and presence message; the mirror changes only through serverChange. */
	private cachedMeta: Readonly<BoardMeta> | null = null;

	constructor(
		private readonly db: Db,
		private readonly clock: Clock,
		readonly boardId: string,
		meta: BoardMeta
	) {
		this.awareness.setLocalState(null);
		this.group = FlushGroup.of(db);
		this.clientOwners = loadClientOwners(db, boardId);
		this.cardOwners = loadCardOwners(db, boardId);
		this.policyAreaIds = loadPolicyAreaIds(db, boardId);
		// Stored updates were checked when they arrived: they are applied as they are.
		const stored = loadDocument(db, boardId);
		if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, SERVER);
		for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER);
		this.lastUpdateId = stored.lastUpdateId;
		this.storedSinceCompaction = stored.updates.length;
		this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
		if (stored.updates.length > 0) this.compact();
		else if (stored.snapshot) this.full = { state: stored.snapshot, tail: [], tailBytes: 0 };
		while (this.clientOwners.has(this.doc.clientID))
			this.doc.clientID = Math.floor(Math.random() * 2 ** 31);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			this.remember(update);
			this.enqueue(update, origin);
		});
		this.awareness.on('update', this.onAwareness);
		observeMeta(this.doc, () => (this.cachedMeta = null));
		if (JSON.stringify(readMeta(this.doc)) !== JSON.stringify(meta))
			this.serverChange((doc) => writeMeta(doc, meta));
	}

	get connectionCount(): number {
		return this.conns.size;
	}

	get meta(): Readonly<BoardMeta> {
		return (this.cachedMeta ??= Object.freeze(readMeta(this.doc)));
	}

	/** Admits a checked participant: shows their name, then opens the sync handshake. */
	connect(
		socket: SyncSocket,
		participant: Participant
	): { onMessage(data: Uint8Array): void; onClose(): void } {
		if (this.conns.size >= MAX_CONNECTIONS) {
			socket.close(CloseCode.refused, 'board full');
			return { onMessage: () => undefined, onClose: () => undefined };
		}
		this.conns.set(socket, { participant, awarenessIds: new Set(), waiting: [], waitingBytes: 0 });
		const { writer, name, organization } = participant;
		this.serverChange((doc) => writeParticipant(doc, writer.participantId, { name, organization }));
		socket.send(syncStep1Message(Y.encodeStateVector(this.doc)));
		const states = [...this.awareness.getStates().keys()];
		if (states.length)
			socket.send(
				awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))
			);
		return {
			onMessage: (data) => this.receive(socket, data),
			onClose: () => this.disconnect(socket)
		};
	}

	private receive(socket: SyncSocket, data: Uint8Array): void {
		const conn = this.conns.get(socket);
		if (!conn) return;
		let message;
		try {
			message = readMessage(data);
		} catch {
			return this.refuse(socket, CloseCode.malformed, 'malformed message');
		}
		if (message.type === 'step1') {
			this.flush();
			if (isEmptyStateVector(message.stateVector)) this.sendWhole(socket);
			else socket.send(syncStep2Message(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
		} else if (message.type === 'update') {
			this.receiveUpdate(socket, conn, message.update);
		} else if (message.type === 'awareness') {
			this.receiveAwareness(socket, conn, message.update);
		} else {
			const ids = [...this.awareness.getStates().keys()];
			socket.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
		}
	}

	/**
	 * A newcomer's first sync: the last full encoding with the updates since
	 * merged in, as one sync step 2 (all of them already stored: step 1 flushed).
	 * One message, because a client counts itself synced on step 2: updates sent
	 * after it would arrive after "synced". Merging updates is far cheaper than
	 * encoding the document again, and the merge is kept for the next newcomer.
	 */
	private sendWhole(socket: SyncSocket): void {
		this.full ??= { state: Y.encodeStateAsUpdate(this.doc), tail: [], tailBytes: 0 };
		if (this.full.tail.length)
			this.full = {
				state: Y.mergeUpdates([this.full.state, ...this.full.tail]),
				tail: [],
				tailBytes: 0
			};
		socket.send(syncStep2Message(this.full.state));
	}

	private remember(update: Uint8Array): void {
		if (!this.full) return;
		this.full.tail.push(update);
		this.full.tailBytes += update.byteLength;
		if (this.full.tailBytes > MAX_TAIL_BYTES) this.full = null;
	}

	private receiveUpdate(socket: SyncSocket, conn: Connection, update: Uint8Array): void {
		const outcome = this.tryApply(socket, conn, update);
		if (outcome === 'refused') return;
		if (outcome === 'waiting') {
			conn.waiting.push(update);
			conn.waitingBytes += update.byteLength;
			if (conn.waiting.length > MAX_WAITING_UPDATES || conn.waitingBytes > MAX_WAITING_BYTES) {
				this.refuse(socket, CloseCode.malformed, 'refused: updates depend on items never sent');
			}
			return;
		}
		// Something new landed: updates that were waiting for it may fit now.
		let progress = true;
		while (progress && conn.waiting.length) {
			progress = false;
			for (const pending of [...conn.waiting]) {
				const retried = this.tryApply(socket, conn, pending);
				if (retried === 'refused') return;
				if (retried === 'applied') {
					conn.waiting.splice(conn.waiting.indexOf(pending), 1);
					conn.waitingBytes -= pending.byteLength;
					progress = true;
				}
			}
		}
	}

	private tryApply(
		socket: SyncSocket,
		conn: Connection,
		update: Uint8Array
	): 'applied' | 'waiting' | 'refused' {
		const writer = conn.participant.writer;
		const result = checkUpdate(
			{
				doc: this.doc,
				writer,
				settings: this.meta,
				clientOwner: (id) => this.ownerOf(id),
				cardOwner: (id) => this.cardOwners.get(id) ?? null,
				policyAreaIds: this.policyAreaIds
			},
			update
		);
		if (!result.ok && result.reason === 'missing-dependencies') return 'waiting';
		if (!result.ok) {
			this.refuse(socket, closeCodeOf[result.reason], `refused: ${result.detail}`);
			return 'refused';
		}
		if (result.empty) return 'applied';
		for (const clientId of result.claimedClientIds) this.claim(clientId, writer.participantId);
		for (const cardId of result.createdCards) {
			this.cardOwners.set(cardId, writer.participantId);
			this.batch.cards.push({ cardId, participantId: writer.participantId });
		}
		Y.applyUpdate(this.doc, update, socket);
		return 'applied';
	}

	private ownerOf(clientId: number): string | undefined {
		if (!this.clientOwners.has(clientId)) return undefined;
		return this.clientOwners.get(clientId) ?? 'server';
	}

	private claim(clientId: number, participantId: string | null): void {
		if (this.clientOwners.has(clientId)) return;
		this.clientOwners.set(clientId, participantId);
		this.batch.claims.push({ clientId, participantId });
	}

	/**
	 * Presence (B12): only for the sender's own client ids, with the name the
	 * server knows, and nothing that could tie a card to a person in anonymous mode.
	 */
	private receiveAwareness(socket: SyncSocket, conn: Connection, update: Uint8Array): void {
		let entries: AwarenessEntry[];
		try {
			entries = decodeAwareness(update);
		} catch {
			return this.refuse(socket, CloseCode.malformed, 'malformed awareness');
		}
		const { writer, name, organization } = conn.participant;
		const user = { id: writer.participantId, name, organization, role: writer.role };
		// A stock y-websocket client re-sends every awareness change it sees, others'
		// included; those entries are dropped, never refused and never applied.
		const own = entries.filter((e) => {
			const owner = this.ownerOf(e.clientId);
			return owner === writer.participantId || (owner === undefined && e.state !== null);
		});
		for (const entry of own) {
			if (JSON.stringify(entry.state ?? null).length > MAX_AWARENESS_BYTES) {
				return this.refuse(socket, CloseCode.tooLarge, 'refused: awareness state too large');
			}
			this.claim(entry.clientId, writer.participantId);
			conn.awarenessIds.add(entry.clientId);
			if (entry.state) entry.state = sanitizePresence(entry.state, user, this.meta.anonymous);
		}
		if (own.length) {
			awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwareness(own), socket);
		}
	}

	private readonly onAwareness = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	) => {
		const changed = [...added, ...updated, ...removed];
		if (changed.length === 0) return;
		const message = awarenessMessage(
			awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
		);
		for (const socket of this.conns.keys()) if (socket !== origin) socket.send(message);
	};

	private refuse(socket: SyncSocket, code: number, reason: string): void {
		socket.close(code, reason.slice(0, 120));
		this.disconnect(socket);
	}

	private disconnect(socket: SyncSocket): void {
		const conn = this.conns.get(socket);
		if (!conn) return;
		this.conns.delete(socket);
		awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
	}

	/** Closes the connections of one participant (taken off the foglio firme) or of everyone. */
	closeConnections(code: number, reason: string, participantId?: string): void {
		for (const [socket, conn] of [...this.conns]) {
			if (participantId === undefined || conn.participant.writer.participantId === participantId) {
				socket.close(code, reason);
				this.disconnect(socket);
			}
		}
	}

	/**
	 * A change made by the server itself (settings mirror, cards submitted over
	 * HTTP, reveals). It is stored before this returns.
	 */
	serverChange(
		change: (doc: Y.Doc) => void,
		cards: { cardId: string; participantId: string | null }[] = []
	): void {
		this.claim(this.doc.clientID, null);
		for (const c of cards) {
			this.cardOwners.set(c.cardId, c.participantId);
			this.batch.cards.push(c);
		}
		this.doc.transact(() => change(this.doc), SERVER);
		this.flush();
	}

	cardOwner(cardId: string): string | null {
		return this.cardOwners.get(cardId) ?? null;
	}

	private enqueue(update: Uint8Array, origin: unknown): void {
		this.queue.push({ update, origin });
		this.group.add(this);
	}

	/** Stores what is queued in one transaction, then sends it on (store before broadcast). */
	flush(): void {
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
		let stored: (() => void) | null;
		try {
			stored = this.store();
		} catch (err) {
			// Keep everything in memory and retry: a failed save must not lose an accepted update.
			this.failedFlushes++;
			console.error(
				`board ${this.boardId}: storing ${this.queue.length} updates failed (attempt ${this.failedFlushes})`,
				err
			);
			this.retryTimer = setTimeout(() => this.flush(), 1000);
			return;
		}
		stored?.();
	}

	get retrying(): boolean {
		return this.retryTimer !== null;
	}

	/**
	 * Writes what is queued (inside the caller's transaction when there is one)
	 * and returns what to do once it is committed: send it on. Null when nothing
	 * is queued. Nothing in the room changes until then, so a rollback loses nothing.
	 */
	store(): (() => void) | null {
		if (this.queue.length === 0 && this.batch.claims.length === 0 && this.batch.cards.length === 0)
			return null;
		const pending = this.queue;
		const batch = { ...this.batch, updates: pending.map((p) => p.update) };
		const last = appendBatch(this.db, this.boardId, batch, this.clock.now());
		return () => this.stored(pending, last);
	}

	private stored(pending: { update: Uint8Array; origin: unknown }[], last: number): void {
		if (pending.length) this.lastUpdateId = last;
		this.failedFlushes = 0;
		this.queue = this.queue.slice(pending.length);
		this.batch = { claims: [], cards: [] };
		for (const { update, origin } of pending) {
			const message = updateMessage(update);
			for (const socket of this.conns.keys()) if (socket !== origin) socket.send(message);
		}
		this.storedSinceCompaction += pending.length;
		for (const { update } of pending) this.storedBytesSinceCompaction += update.byteLength;
		if (
			this.storedSinceCompaction >= COMPACT_MAX_UPDATES ||
			this.storedBytesSinceCompaction >= Math.max(COMPACT_MIN_BYTES, this.snapshotBytes)
		)
			this.compact();
	}

	/** Folds the stored updates into one snapshot (B11). */
	compact(): void {
		this.flush();
		if (this.storedSinceCompaction === 0) return;
		const state = Y.encodeStateAsUpdate(this.doc);
		compact(this.db, this.boardId, state, this.lastUpdateId, this.clock.now());
		this.storedSinceCompaction = 0;
		this.storedBytesSinceCompaction = 0;
		this.snapshotBytes = state.byteLength;
		this.full = { state, tail: [], tailBytes: 0 };
	}

	/** Keeps the document as it stood at the end of a phase, for the minutes. */
	snapshotPhase(): void {
		this.flush();
		savePhaseSnapshot(
			this.db,
			this.boardId,
			this.meta.phase,
			Y.encodeStateAsUpdate(this.doc),
			this.clock.now()
		);
		this.compact();
	}

	destroy(): void {
		const compacted = this.storedSinceCompaction > 0;
		this.compact();
		if (compacted) releaseFreePages(this.db);
		this.awareness.destroy();
		this.doc.destroy();
	}
}

/**
 * The rooms of one database store what they queued during an event-loop turn
 * in one transaction: with ten busy boards, one fsync per turn instead of ten
 * (docs/PERFORMANCE.md). Each room still sends its updates on only after the
 * commit. If the shared commit fails, each room stores on its own, with its own
 * retry.
 */
class FlushGroup {
	private static readonly groups = new WeakMap<Db, FlushGroup>();
	private readonly rooms = new Set<BoardRoom>();
	private timer: ReturnType<typeof setImmediate> | null = null;

	private constructor(private readonly db: Db) {}

	static of(db: Db): FlushGroup {
		let group = FlushGroup.groups.get(db);
		if (!group) FlushGroup.groups.set(db, (group = new FlushGroup(db)));
		return group;
	}

	add(room: BoardRoom): void {
		this.rooms.add(room);
		this.timer ??= setImmediate(() => this.run());
	}

	private run(): void {
		this.timer = null;
		// A room whose last commit failed retries on its own timer (once a second).
		const rooms = [...this.rooms].filter((room) => !room.retrying);
		this.rooms.clear();
		if (rooms.length === 0) return;
		if (rooms.length === 1) return rooms[0]!.flush();
		let committed: (() => void)[];
		try {
			committed = inTransaction(this.db, () =>
				rooms.flatMap((room) => {
					const stored = room.store();
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

/** A state vector that names no client: the sender's document is empty. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
	try {
		return Y.decodeStateVector(stateVector).size === 0;
	} catch {
		return false;
	}
}

const presenceKeys = ['cursor', 'typing', 'view'] as const;

function sanitizePresence(
	state: Record<string, unknown>,
	user: { id: string; name: string; organization: string; role: string },
	anonymous: boolean
): Record<string, unknown> {
	const clean: Record<string, unknown> = { user };
	if (anonymous) return clean;
	for (const key of presenceKeys) {
		const value = state[key];
		if (typeof value === 'string' && value.length <= 60) clean[key] = value;
		if (typeof value === 'boolean') clean[key] = value;
	}
	return clean;
}
