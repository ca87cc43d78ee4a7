import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Delivery } from '$lib/sync/delivery';
import { MessageType, pingMessage, readSignal } from '$lib/sync/protocol';
import { Root } from './board-doc';
import { closeOutcome, presenceOf, refusalReason, type PresenceEntry } from './board-live';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'stopped';
export type BoardNotice =
	| { kind: 'refused'; reason: ReturnType<typeof refusalReason> }
	| { kind: 'removed' | 'board-closed' | 'superseded' | 'merged' | 'gave-up' };

/** Three refusals in this window stop the reconnect loop: something is wrong with this client. */
const REFUSAL_WINDOW_MS = 30_000;
const MAX_REFUSALS = 3;
// Pings and their deadlines are checked this often: a lost answer shows within ANSWER_LATE_MS + 100 ms.
const TICK_MS = 100;

/**
 * The socket side of a board in the browser: one Y.Doc and its y-websocket
 * provider at `/sync/<boardId>`, the connection status, who is online and which
 * of my writes the server has. When the server refuses an update (44xx) the
 * document is thrown away and a fresh one syncs again, with a notice; removal
 * and a closed board stop for good.
 *
 * The status is honest within about 2 s: the browser going offline closes the
 * socket at once (and it reopens when the browser is back online), and a ping
 * unanswered for 1.5 s shows the connection lost (y-websocket alone notices
 * only after 30 s of silence).
 */
export class BoardConnection {
	#doc: Y.Doc | null = null;
	#provider: WebsocketProvider | null = null;
	#socket = $state<'connecting' | 'connected' | 'disconnected'>('connecting');
	#stopped = $state(false);
	#synced = $state(false);
	/** This document has synced once: it may be written to while the connection is down. */
	#hasSynced = $state(false);
	/** Lost since it last synced; reconnecting shows as lost, not as a first connection. */
	#interrupted = $state(false);
	#online = $state(true);
	#late = $state(false);
	/** Bumped whenever what is delivered changes, so readers of `delivered` and `lost` re-run. */
	#deliveries = $state(0);
	#presence = $state.raw<PresenceEntry[]>([]);
	#notice = $state.raw<BoardNotice | null>(null);
	#refusals: number[] = [];
	#local: Record<string, unknown> | null;
	#ticker: ReturnType<typeof setInterval> | undefined;
	#signalListeners: ((signal: unknown) => void)[] = [];
	#syncListeners: (() => void)[] = [];
	readonly #delivery = new Delivery({
		now: () => Date.now(),
		ping: () => this.#ping(),
		changed: () => {
			this.#late = this.#delivery.late;
			this.#deliveries++;
		},
		dead: () => this.#reopen()
	});

	constructor(
		private readonly boardId: string,
		/** Called with the document once synced and after every change of it. */
		private readonly onChange: (doc: Y.Doc) => void,
		/** Called when a fresh document replaces a refused one. */
		private readonly onRestart: () => void,
		presence: boolean
	) {
		this.#local = presence ? { cursor: null, typing: false } : null;
	}

	get status(): ConnectionStatus {
		if (this.#stopped) return 'stopped';
		if (this.#synced && this.#socket === 'connected' && this.#online && !this.#late)
			return 'connected';
		if (this.#interrupted || !this.#online || this.#late) return 'disconnected';
		return this.#socket === 'disconnected' ? 'disconnected' : 'connecting';
	}
	get synced(): boolean {
		return this.#synced;
	}
	get presence(): PresenceEntry[] {
		return this.#presence;
	}
	get notice(): BoardNotice | null {
		return this.#notice;
	}
	/** The document, once it has synced with the server; writes wait for it. */
	get doc(): Y.Doc | null {
		return this.#synced && !this.#stopped ? this.#doc : null;
	}
	/**
	 * The document once it has synced, even while the connection is down: what is
	 * written there goes to the server when it comes back (`delivered` tells when).
	 */
	get localDoc(): Y.Doc | null {
		return this.#hasSynced && !this.#stopped ? this.#doc : null;
	}
	/** The number of my last write to the document. */
	get written(): number {
		return this.#delivery.written;
	}
	/** Has the server applied and stored my write number `seq`? */
	delivered(seq: number): boolean {
		void this.#deliveries;
		return this.#delivery.delivered(seq);
	}
	/** Was my write number `seq` thrown away with a refused document? */
	lost(seq: number): boolean {
		void this.#deliveries;
		return this.#delivery.lost(seq);
	}

	connect(): void {
		const doc = new Y.Doc();
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		this.#online = navigator.onLine;
		const provider = new WebsocketProvider(`${scheme}://${location.host}/sync`, this.boardId, doc, {
			disableBc: true,
			connect: this.#online
		});
		this.#doc = doc;
		this.#provider = provider;
		this.#synced = false;
		this.#hasSynced = false;
		provider.messageHandlers[MessageType.ping] = () => this.#delivery.answered();
		provider.messageHandlers[MessageType.signal] = (_encoder, decoder) => {
			const signal = readSignal(decoder);
			for (const listener of this.#signalListeners) listener(signal);
		};
		doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin !== provider) this.#delivery.wrote();
			if (this.#hasSynced) this.onChange(doc);
		});
		provider.on('status', ({ status }) => {
			this.#socket = status;
			if (status === 'disconnected') this.#disconnected();
		});
		provider.on('sync', (synced: boolean) => {
			this.#synced = synced;
			if (!synced) return this.#disconnected();
			this.#hasSynced = true;
			this.#interrupted = false;
			this.#delivery.synced();
			this.onChange(doc);
			for (const listener of this.#syncListeners) listener();
		});
		provider.on('closed', ({ code }) => this.#closed(code));
		// Names come from the board's participants map: a state may arrive before its name.
		const participants = doc.getMap<{ name: string; organization: string }>(Root.participants);
		const showPresence = () => {
			this.#presence = presenceOf(provider.awareness.getStates().values(), participants);
		};
		provider.awareness.on('change', showPresence);
		participants.observe(showPresence);
		provider.awareness.setLocalState(this.#local);
		this.#ticker = setInterval(() => this.#delivery.tick(), TICK_MS);
		addEventListener('offline', this.#wentOffline);
		addEventListener('online', this.#cameOnline);
	}

	destroy(): void {
		clearInterval(this.#ticker);
		removeEventListener('offline', this.#wentOffline);
		removeEventListener('online', this.#cameOnline);
		this.#provider?.destroy();
		this.#doc?.destroy();
		this.#provider = null;
		this.#doc = null;
		this.#synced = false;
		this.#delivery.closed();
	}

	/**
	 * Signals from the server (SPEC B16): news outside the document, as sent.
	 * Returns the function that stops listening.
	 */
	onSignal(listener: (signal: unknown) => void): () => void {
		this.#signalListeners = [...this.#signalListeners, listener];
		return () => (this.#signalListeners = this.#signalListeners.filter((l) => l !== listener));
	}

	/**
	 * Called each time the document has synced, the first time and after every
	 * reconnection: signals sent while the socket was down are lost, so what
	 * they would have said must be read again once.
	 */
	onSynced(listener: () => void): () => void {
		this.#syncListeners = [...this.#syncListeners, listener];
		return () => (this.#syncListeners = this.#syncListeners.filter((l) => l !== listener));
	}

	/** My presence (B12); the server adds who I am. Ignored when presence is off. */
	setLocalState(state: Record<string, unknown>): void {
		if (this.#local === null) return;
		this.#local = state;
		this.#provider?.awareness.setLocalState(state);
	}

	dismissNotice(): void {
		this.#notice = null;
	}

	#disconnected(): void {
		if (this.#hasSynced) this.#interrupted = true;
		this.#delivery.closed();
	}

	#ping(): boolean {
		const ws = this.#provider?.ws;
		if (!ws || ws.readyState !== WebSocket.OPEN) return false;
		ws.send(pingMessage());
		return true;
	}

	/** The socket stopped answering though the browser has not noticed: open a new one. */
	#reopen(): void {
		this.#provider?.disconnect();
		if (this.#online) this.#provider?.connect();
	}

	// The browser knows before any timeout; while offline a socket could not reach the server.
	readonly #wentOffline = () => {
		this.#online = false;
		this.#provider?.disconnect();
	};
	readonly #cameOnline = () => {
		this.#online = true;
		this.#provider?.connect();
	};

	#closed(code: number): void {
		this.destroy();
		this.#delivery.forget();
		const outcome = closeOutcome(code);
		if (outcome !== 'refused') {
			this.#stopped = true;
			this.#notice = { kind: outcome };
			return;
		}
		const now = Date.now();
		this.#refusals = [...this.#refusals.filter((t) => now - t < REFUSAL_WINDOW_MS), now];
		if (this.#refusals.length >= MAX_REFUSALS) {
			this.#stopped = true;
			this.#notice = { kind: 'gave-up' };
			return;
		}
		this.#notice = { kind: 'refused', reason: refusalReason(code) };
		this.connect();
		this.onRestart();
	}
}
