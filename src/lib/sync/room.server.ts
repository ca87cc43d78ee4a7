import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ClientClaims } from './client-claims';
import type { DocumentStore } from './document-store';
import type { Effects } from './effects';
import { openConnection, type Connection } from './connection';
import type { Applied } from './held-updates';
import {
	MAX_CLAIMS_PER_CONNECTION,
	MAX_CONNECTIONS_PER_ROOM,
	MAX_SOCKETS_PER_PARTICIPANT,
	RESERVED_SEATS
} from './limits';
import { deliver, Outbox, sendInOrder, type SyncSocket } from './outbox';
import {
	awarenessMessage,
	CloseCode,
	closeCodeOf,
	encodeAwareness,
	isEmptyStateVector,
	pingMessage,
	readMessage,
	syncStep1Message,
	syncStep2Message,
	updateMessage
} from './protocol';
import { RoomStorage, type Accepted, type Whole } from './room-storage';
import type { CheckResult, SyncWriter } from './update-check';

export type { SyncSocket } from './outbox';

/**
 * What a room asks of the feature whose document it holds, in the manner of
 * Hocuspocus's hooks: the room owns sockets, presence, ordering and storage;
 * the feature owns the rules.
 */
export interface RoomHooks<P extends SyncWriter, R> {
	/** Judges a client's update against the current document (usually `checkUpdate` with policies). */
	check(
		update: Uint8Array,
		peer: P,
		clientOwner: (clientId: number) => string | undefined
	): CheckResult;
	/** What to store with an accepted update (e.g. who wrote the cards it adds). */
	recordsOf(effects: Effects, peer: P): R[];
	/** Records as they are accepted or loaded, for the feature's own indexes. */
	remember(records: R[]): void;
	/** What everyone else sees of a peer's presence state. */
	presence(state: Record<string, unknown>, peer: P): Record<string, unknown>;
	/** Whether the peer may take a seat kept back once the room is full (who runs it). */
	reserved?(peer: P): boolean;
}

const SERVER = Symbol('server');

/**
 * One shared document in memory with its connections (SPEC B9-B12): every
 * client update is checked, applied, stored, and only then sent to the others.
 */
export class SyncRoom<P extends SyncWriter, R> {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	private readonly conns = new Map<SyncSocket, Connection<P>>();
	private readonly claims: ClientClaims;
	private readonly storage: RoomStorage<R>;
	private readonly outbox = new Outbox();

	constructor(
		store: DocumentStore<R>,
		private readonly now: () => number,
		readonly docId: string,
		private readonly hooks: RoomHooks<P, R>
	) {
		this.awareness.setLocalState(null);
		const stored = store.load(docId);
		this.claims = new ClientClaims(stored.claims);
		hooks.remember(stored.records);
		// Stored updates were checked when they arrived: they are applied as they are.
		if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, SERVER);
		for (const update of stored.updates) Y.applyUpdate(this.doc, update, SERVER);
		while (this.claims.has(this.doc.clientID))
			this.doc.clientID = Math.floor(Math.random() * 2 ** 31);
		this.storage = new RoomStorage(store, now, docId, this.doc, stored, (accepted) =>
			this.fanOut(accepted)
		);
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			this.outbox.took();
			this.storage.accept(update, origin);
		});
		this.awareness.on('update', this.onAwareness);
	}

	get connectionCount(): number {
		return this.conns.size;
	}

	/** Admits a checked peer and opens the sync handshake. */
	connect(socket: SyncSocket, peer: P): { onMessage(data: Uint8Array): void; onClose(): void } {
		// The last seats are kept for those who run the room: a crowd of sockets from one
		// join code must not lock the facilitator out of their own board.
		const seats = MAX_CONNECTIONS_PER_ROOM + (this.hooks.reserved?.(peer) ? RESERVED_SEATS : 0);
		if (this.conns.size >= seats) {
			socket.close(CloseCode.refused, 'board full');
			return { onMessage: () => undefined, onClose: () => undefined };
		}
		this.closeOldestOver(peer.participantId);
		this.conns.set(
			socket,
			openConnection(peer, this.now, () =>
				this.refuse(socket, CloseCode.malformed, 'refused: updates depend on items never sent')
			)
		);
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

	/** A participant's sockets beyond the bound: the oldest goes (a half-open one, most likely). */
	private closeOldestOver(participantId: string): void {
		const own = [...this.conns].filter(([, c]) => c.peer.participantId === participantId);
		for (const [socket] of own.slice(0, Math.max(0, own.length - MAX_SOCKETS_PER_PARTICIPANT + 1)))
			this.refuse(socket, CloseCode.superseded, 'superseded: opened on another device');
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
		if (message.type === 'step1' || message.type === 'query-awareness') {
			if (!conn.reads.take())
				return this.refuse(socket, CloseCode.tooMany, 'too many sync requests');
		}
		if (message.type === 'step1') {
			// Only what is stored, and all of it by the sync step 2: a client counts
			// itself synced there. A newcomer gets the stored part at once and the rest
			// when its commit is done; a returning client waits for the commit under way.
			if (isEmptyStateVector(message.stateVector)) {
				const stored = this.storage.storedWhole();
				if (stored) return this.sendWhole(socket, stored);
				this.storage.flush();
				return this.sendWhole(socket, this.storage.whole());
			}
			this.storage.flush();
			socket.send(syncStep2Message(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
		} else if (message.type === 'update') {
			if (!conn.updates.take()) return this.refuse(socket, CloseCode.tooMany, 'too many updates');
			this.receiveUpdate(socket, conn, message.update);
		} else if (message.type === 'awareness') {
			this.receivePresence(socket, conn, message.update);
		} else if (message.type === 'ping') {
			if (!conn.pings.take()) return this.refuse(socket, CloseCode.tooMany, 'too many pings');
			conn.owesPong = true;
			conn.pongMark = null;
			this.answerPing(socket, conn);
		} else {
			const ids = [...this.awareness.getStates().keys()];
			socket.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
		}
	}

	private receiveUpdate(socket: SyncSocket, conn: Connection<P>, update: Uint8Array): void {
		const outcome = this.tryApply(socket, conn, update);
		if (outcome === 'held' && !conn.held.add(update))
			this.refuse(socket, CloseCode.malformed, 'refused: updates depend on items never sent');
		// New items landed: held updates, which wait for this sender's items, may fit now.
		// Only then: retrying after any update let empty ones make the server decode
		// every held update again, fifty times a second.
		if (outcome === 'added') conn.held.retry((held) => this.tryApply(socket, conn, held));
		if (this.conns.has(socket)) this.answerPing(socket, conn);
	}

	/**
	 * The answer to a ping promises that everything the connection sent before
	 * it is applied and stored. It waits for held updates and for the commit of
	 * everything accepted until then (pings never add a commit of their own), and
	 * is not sent while the store is failing: the client then counts the
	 * connection lost, which for its writes is the truth.
	 */
	private answerPing(socket: SyncSocket, conn: Connection<P>): void {
		if (!conn.owesPong || !conn.held.empty) return;
		conn.pongMark ??= this.storage.mark();
		if (!this.storage.isStored(conn.pongMark)) return;
		conn.owesPong = false;
		conn.pongMark = null;
		socket.send(pingMessage());
	}

	private tryApply(socket: SyncSocket, conn: Connection<P>, update: Uint8Array): Applied {
		const result = this.hooks.check(update, conn.peer, (id) => this.claims.ownerOf(id));
		if (!result.ok && result.wait) return 'held';
		if (!result.ok) {
			this.refuse(socket, closeCodeOf[result.reason], `refused: ${result.detail}`);
			return 'refused';
		}
		const fresh = result.claimedClientIds.filter((id) => !this.claims.has(id));
		if (
			conn.claims + fresh.length > MAX_CLAIMS_PER_CONNECTION ||
			this.overClaims(conn.peer, fresh.length)
		) {
			this.refuse(socket, CloseCode.tooMany, 'refused: too many client ids');
			return 'refused';
		}
		try {
			Y.applyUpdate(this.doc, update, socket);
		} catch (err) {
			// A bug in the effects model: the update passed every check and Yjs still threw.
			console.error(`document ${this.docId}: a checked update failed to apply`, err);
			this.refuse(socket, CloseCode.malformed, 'malformed update');
			return 'refused';
		}
		// Stored in the same commit as the update (the flush runs after this turn).
		for (const clientId of fresh) this.claim(clientId, conn.peer.participantId);
		conn.claims += fresh.length;
		const records = this.hooks.recordsOf(result.effects, conn.peer);
		if (records.length) {
			this.hooks.remember(records);
			this.storage.record(records);
		}
		return result.effects.clients.length > 0 ? 'added' : 'applied';
	}

	/** Past the participant's bound with `more` ids; those who run the room (reserved seats) have none. */
	private overClaims(peer: P, more: number): boolean {
		return !this.hooks.reserved?.(peer) && this.claims.over(peer.participantId, more);
	}

	private claim(clientId: number, participantId: string | null): void {
		if (this.claims.add(clientId, participantId)) this.storage.claim({ clientId, participantId });
	}

	/** Presence (B12): one client id per connection, sanitized by the feature. */
	private receivePresence(socket: SyncSocket, conn: Connection<P>, update: Uint8Array): void {
		const { participantId } = conn.peer;
		const free = (id: number) => {
			const owner = this.claims.ownerOf(id);
			if (owner !== undefined && owner !== participantId) return false;
			if (owner === undefined && this.overClaims(conn.peer, 1)) return false;
			for (const other of this.conns.values())
				if (other !== conn && other.presence.boundClientId === id) return false;
			return true;
		};
		let entries;
		try {
			entries = conn.presence.read(update, free);
		} catch {
			return this.refuse(socket, CloseCode.malformed, 'malformed awareness');
		}
		if (entries === 'too-large')
			return this.refuse(socket, CloseCode.tooLarge, 'refused: awareness state too large');
		if (entries.length === 0) return;
		for (const entry of entries) {
			this.claim(entry.clientId, participantId);
			if (entry.state) entry.state = this.hooks.presence(entry.state, conn.peer);
		}
		awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwareness(entries), socket);
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
		// While the store is failing, presence goes on: it is not stored.
		if (this.storage.retrying || !this.outbox.hold(message, origin))
			deliver(this.conns.keys(), [{ message, origin }]);
	};

	/**
	 * The whole document to a newcomer in one write: the updates since the last
	 * encoding first, then the encoding as sync step 2. Yjs keeps an update whose
	 * items it lacks pending until they arrive, so at step 2 the client holds it all.
	 */
	private sendWhole(socket: SyncSocket, { state, since }: Whole): void {
		sendInOrder(socket, [...since.map(updateMessage), syncStep2Message(state)]);
	}

	/** Stored updates go to everyone but their origin, in the outbox's order. */
	private fanOut(stored: Accepted[]): void {
		deliver(this.conns.keys(), this.outbox.release(stored));
		for (const [socket, conn] of this.conns) this.answerPing(socket, conn);
	}

	private refuse(socket: SyncSocket, code: number, reason: string): void {
		socket.close(code, reason.slice(0, 120));
		this.disconnect(socket);
	}

	private disconnect(socket: SyncSocket): void {
		const conn = this.conns.get(socket);
		if (!conn) return;
		this.conns.delete(socket);
		conn.held.clear();
		const id = conn.presence.boundClientId;
		if (id !== null) awarenessProtocol.removeAwarenessStates(this.awareness, [id], null);
	}

	/**
	 * Sends a message to the connections whose peer `to` accepts, now: news the
	 * room's document does not carry, for those who may hear it (a count for
	 * facilitators, a participant's own waiting cards). Nothing is kept for
	 * connections that come later: a client re-reads on every sync.
	 */
	signal(message: Uint8Array, to: (peer: P) => boolean): number {
		let sent = 0;
		for (const [socket, conn] of this.conns)
			if (to(conn.peer)) {
				socket.send(message);
				sent++;
			}
		return sent;
	}

	/** Whether any connection's peer is one `to` accepts (to skip reading what nobody would hear). */
	hears(to: (peer: P) => boolean): boolean {
		for (const conn of this.conns.values()) if (to(conn.peer)) return true;
		return false;
	}

	/** Closes the connections of one participant, or of everyone. */
	closeConnections(code: number, reason: string, participantId?: string): void {
		for (const [socket, conn] of [...this.conns])
			if (participantId === undefined || conn.peer.participantId === participantId)
				this.refuse(socket, code, reason);
	}

	/**
	 * The Yjs client ids one participant claimed become another's (two lines of
	 * one person merged), so either's devices may go on editing their items. In
	 * memory only: moving the stored claims is the caller's, in its transaction.
	 */
	reassignClients(from: string, into: string): void {
		this.claims.reassign(from, into);
	}

	/** A change made by the server itself; it is stored before this returns. */
	serverChange(change: (doc: Y.Doc) => void, records: R[] = []): void {
		this.queueServerChange(change, records);
		this.storage.flush();
	}

	/**
	 * A change made by the server that nobody waits for (a newcomer's name): stored
	 * with this turn's commit, like a client's update, and sent on after it, so the
	 * event loop neither waits for the writer thread nor commits on its own.
	 */
	queueServerChange(change: (doc: Y.Doc) => void, records: R[] = []): void {
		this.claim(this.doc.clientID, null);
		if (records.length) {
			this.hooks.remember(records);
			this.storage.record(records);
		}
		this.doc.transact(() => change(this.doc), SERVER);
	}

	/** Stores what is queued now, in its own transaction. */
	flush(): void {
		this.storage.flush();
	}

	compact(): void {
		this.storage.compact();
	}

	destroy(): void {
		this.storage.close();
		this.awareness.destroy();
		this.doc.destroy();
	}
}
