import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { closeOutcome, presenceOf, refusalReason, type PresenceEntry } from './board-live';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'stopped';
export type BoardNotice =
	| { kind: 'refused'; reason: ReturnType<typeof refusalReason> }
	| { kind: 'removed' | 'board-closed' | 'superseded' | 'merged' | 'gave-up' };

/** Three refusals in this window stop the reconnect loop: something is wrong with this client. */
const REFUSAL_WINDOW_MS = 30_000;
const MAX_REFUSALS = 3;

/**
 * The socket side of a board in the browser: one Y.Doc and its y-websocket
 * provider at `/sync/<boardId>`, the connection status and who is online. When
 * the server refuses an update (44xx) the document is thrown away and a fresh
 * one syncs again, with a notice; removal and a closed board stop for good.
 */
export class BoardConnection {
	#doc: Y.Doc | null = null;
	#provider: WebsocketProvider | null = null;
	#status = $state<ConnectionStatus>('connecting');
	#synced = $state(false);
	#presence = $state.raw<PresenceEntry[]>([]);
	#notice = $state.raw<BoardNotice | null>(null);
	#refusals: number[] = [];
	#local: Record<string, unknown> | null;

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
		return this.#status;
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
		return this.#synced && this.#status !== 'stopped' ? this.#doc : null;
	}

	connect(): void {
		const doc = new Y.Doc();
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		const provider = new WebsocketProvider(`${scheme}://${location.host}/sync`, this.boardId, doc, {
			disableBc: true
		});
		this.#doc = doc;
		this.#provider = provider;
		this.#synced = false;
		doc.on('update', () => {
			if (provider.synced) this.onChange(doc);
		});
		provider.on('status', ({ status }) => (this.#status = status));
		provider.on('sync', (synced: boolean) => {
			this.#synced = synced;
			if (synced) this.onChange(doc);
		});
		provider.on('closed', ({ code }) => this.#closed(code));
		provider.awareness.on('change', () => {
			this.#presence = presenceOf(provider.awareness.getStates().values());
		});
		provider.awareness.setLocalState(this.#local);
	}

	destroy(): void {
		this.#provider?.destroy();
		this.#doc?.destroy();
		this.#provider = null;
		this.#doc = null;
		this.#synced = false;
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

	#closed(code: number): void {
		this.destroy();
		const outcome = closeOutcome(code);
		if (outcome !== 'refused') {
			this.#status = 'stopped';
			this.#notice = { kind: outcome };
			return;
		}
		const now = Date.now();
		this.#refusals = [...this.#refusals.filter((t) => now - t < REFUSAL_WINDOW_MS), now];
		if (this.#refusals.length >= MAX_REFUSALS) {
			this.#status = 'stopped';
			this.#notice = { kind: 'gave-up' };
			return;
		}
		this.#notice = { kind: 'refused', reason: refusalReason(code) };
		this.connect();
		this.onRestart();
	}
}
