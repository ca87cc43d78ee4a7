import { createContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type * as Y from 'yjs';
import {
	canCluster,
	canCreateCardDirectly,
	canEditCard,
	canSubmitCard,
	type CardKind,
	type Writer
} from './board';
import {
	boardApi,
	type BoardJson,
	type BoardSignal,
	type NewCardInput,
	type PendingCard
} from './board-api';
import {
	BoardConnection,
	type BoardNotice,
	type ConnectionStatus
} from './board-connection.svelte';
import * as boardDoc from './board-doc';
import type { BoardView, CardView } from './board-doc';
import { clockOffset, type PresenceEntry } from './board-live';
import { preview, viewFromJson } from './board-view';
import { withoutPending, type PendingDelete } from './undo-delete';
import { UndoableDeletes } from './undo-delete.svelte';

const placeholder = viewFromJson({ cards: [], clusters: [], meta: { ...boardDoc.defaultMeta } });

/**
 * One board in the browser: the board as plain data (`view`), the server's
 * clock and my cards waiting off the board, over a BoardConnection. Every write
 * goes through board-doc.ts after the same pure rule the server applies
 * (board.ts), so a control the server would refuse is never offered. Cards that
 * must not carry their author's Yjs client id (anonymous or private mode) go
 * over HTTP.
 */
export class BoardClient {
	readonly boardId: string;
	readonly me: Writer & { name: string };
	readonly api: ReturnType<typeof boardApi>;
	readonly #connection: BoardConnection;
	#view = $state.raw<BoardView>(placeholder);
	#offset = $state(0);
	#pending = $state.raw<PendingCard[]>([]);
	/** Cards I wrote into the document, by the number of that write (see `delivery`). */
	readonly #written = new SvelteMap<string, number>();
	#local: { cursor: string | null; typing: boolean } = { cursor: null, typing: false };
	#unlisten: (() => void)[] = [];
	#documentListeners: ((doc: Y.Doc) => void)[] = [];
	/** Deletes waiting out their undo window (issue 13): `view` leaves them out already. */
	readonly deletes = new UndoableDeletes((item) => this.#deleteNow(item));
	#shown = $derived(withoutPending(this.#view, this.deletes.pending));
	#leave = () => this.deletes.flush();

	constructor(initial: BoardJson, options: { presence: boolean } = { presence: true }) {
		this.boardId = initial.boardId;
		this.me = { ...initial.me };
		this.api = boardApi(initial.boardId);
		this.#connection = new BoardConnection(
			initial.boardId,
			(doc) => this.#read(doc),
			() => void this.refresh(),
			options.presence
		);
		this.#view = viewFromJson({
			cards: initial.cards,
			clusters: initial.clusters,
			meta: {
				...initial.settings,
				phase: initial.phase,
				timerEndsAt: initial.timerEndsAt,
				spotlightCardId: initial.spotlightCardId,
				follow: initial.follow,
				roundId: initial.roundId,
				openFields: initial.openFields,
				cardLimit: initial.cardLimit
			}
		});
		this.#pending = initial.pending;
		this.#offset = initial.serverNow - Date.now();
	}

	get view(): BoardView {
		return this.#shown;
	}
	get status(): ConnectionStatus {
		return this.#connection.status;
	}
	get synced(): boolean {
		return this.#connection.synced;
	}
	get presence(): PresenceEntry[] {
		return this.#connection.presence;
	}
	/** Milliseconds to add to Date.now() to read the server's clock (for the timer). */
	get offset(): number {
		return this.#offset;
	}
	get pending(): PendingCard[] {
		return this.#pending;
	}
	get notice(): BoardNotice | null {
		return this.#connection.notice;
	}
	/**
	 * Where a card I wrote into the document stands: `unsent` while the
	 * connection is down (it goes when it comes back), `sending` for the
	 * milliseconds before the server answers (a dead socket shows as lost within
	 * 2 s), `delivered` once stored, `lost` if its document was refused and thrown
	 * away; null for a card I did not write here.
	 */
	delivery(cardId: string): 'unsent' | 'sending' | 'delivered' | 'lost' | null {
		const seq = this.#written.get(cardId);
		if (seq === undefined) return null;
		if (this.#connection.delivered(seq)) return 'delivered';
		if (this.#connection.lost(seq)) return 'lost';
		return this.status === 'connected' ? 'sending' : 'unsent';
	}
	get isFacilitator(): boolean {
		return this.me.role === 'facilitator';
	}

	/** B4: may I put a card on the board myself, or at least send one through the server? */
	get canAddDirectly(): boolean {
		return this.#live && canCreateCardDirectly(this.me, this.#view.meta);
	}
	get canSubmit(): boolean {
		return this.#live && canSubmitCard(this.me, this.#view.meta);
	}
	/** B6 */
	get canCluster(): boolean {
		return this.synced && canCluster(this.me, this.#view.meta);
	}
	/** B5 */
	canEdit(card: CardView): boolean {
		return this.synced && canEditCard(this.me, this.#view.meta, card.authorId);
	}
	get #live(): boolean {
		return this.status !== 'stopped';
	}

	/**
	 * Connects (in the browser only). My cards waiting off the board come with
	 * the page, then by signal as they change (B16), and are read again each
	 * time the socket syncs, since signals sent while it was down are lost.
	 */
	start(): void {
		this.#unlisten = [
			this.#connection.onSynced(() => void this.refresh()),
			this.onSignal<Extract<BoardSignal, { topic: 'pending' }>>(
				'pending',
				(signal) => (this.#pending = signal.cards)
			)
		];
		this.#connection.connect();
		window.addEventListener('pagehide', this.#leave);
	}

	destroy(): void {
		window.removeEventListener('pagehide', this.#leave);
		this.deletes.flush();
		for (const unlisten of this.#unlisten) unlisten();
		this.#connection.destroy();
	}

	/**
	 * For this and other features' view state: the server's signals of one
	 * topic (SPEC B16, V12), as it sends them. Returns the function that stops.
	 */
	onSignal<S extends { topic: string }>(
		topic: S['topic'],
		listener: (signal: S) => void
	): () => void {
		return this.#connection.onSignal((signal) => {
			if ((signal as { topic?: unknown } | null)?.topic === topic) listener(signal as S);
		});
	}

	/** Called each time the socket has synced (first time included): the moment to read again what signals would have said. */
	onSynced(listener: () => void): () => void {
		return this.#connection.onSynced(listener);
	}

	/** Re-reads the server's clock and my cards waiting for the reveal or moderation. */
	async refresh(): Promise<void> {
		const sentAt = Date.now();
		const result = await this.api.get();
		if (!result.ok) return;
		this.#offset = clockOffset(result.value.serverNow, sentAt, Date.now());
		this.#pending = result.value.pending;
	}

	#read(doc: Y.Doc): void {
		this.#view = boardDoc.readBoard(doc);
		for (const listener of this.#documentListeners) listener(doc);
	}

	/**
	 * For other features' view state (objective cards): called with the synced
	 * document now, if there is one, and after every change of it — a fresh
	 * document after a refusal included. Returns the function that stops it.
	 */
	onDocument(listener: (doc: Y.Doc) => void): () => void {
		this.#documentListeners = [...this.#documentListeners, listener];
		const doc = this.#connection.doc;
		if (doc) listener(doc);
		return () => {
			this.#documentListeners = this.#documentListeners.filter((l) => l !== listener);
		};
	}

	/**
	 * Runs a change on the synced document for another feature, which has asked
	 * its own pure rules first (as this class does with board.ts); false when
	 * there is no document to write to.
	 */
	write(change: (doc: Y.Doc) => void): boolean {
		return this.#write(change);
	}

	dismissNotice(): void {
		this.#connection.dismissNotice();
	}

	/** Runs a change on the synced document; false when there is none to write to. */
	#write(change: (doc: Y.Doc) => void): boolean {
		const doc = this.#connection.doc;
		if (!doc) return false;
		change(doc);
		return true;
	}

	get #now(): number {
		return Date.now() + this.#offset;
	}

	/**
	 * B13: my cards on the board have reached the board's bound. Past it a card goes
	 * over HTTP, which answers 429, rather than on the socket, which would close.
	 */
	get #atCardLimit(): boolean {
		if (this.isFacilitator) return false;
		const mine = this.#view.cards.filter(
			(c) => c.authorId === this.me.participantId && c.mergedFrom.length === 0
		);
		return mine.length >= this.#view.meta.cardLimit;
	}

	/**
	 * Adds a card: on the board directly — even while the connection is down,
	 * once the document has synced: it is sent when the connection comes back —
	 * or through the server, where it may wait (B4, B7, B8).
	 */
	async addCard(input: NewCardInput): Promise<AddCardOutcome> {
		const id = boardDoc.newBoardId();
		const doc = this.#connection.localDoc;
		if (doc && this.canAddDirectly && !this.#atCardLimit) {
			const card = { id, ...input, authorId: this.me.participantId, createdAt: this.#now };
			boardDoc.addCard(doc, card);
			this.#written.set(id, this.#connection.written);
			return { outcome: 'added', cardId: id };
		}
		if (!this.canSubmit) return { outcome: 'refused' };
		const result = await this.api.submitCard(input);
		if (!result.ok) return { outcome: submitFailure(result.status) };
		if (result.value.pending) await this.refresh();
		return { outcome: result.value.pending ? 'pending' : 'added' };
	}

	editCard(card: CardView, text: string, kind: CardKind): boolean {
		if (!this.canEdit(card)) return false;
		return this.#write((doc) =>
			doc.transact(() => {
				boardDoc.setCardText(doc, card.id, text);
				if (kind !== card.kind) boardDoc.setCardKind(doc, card.id, kind);
			})
		);
	}

	/** Deletes my card (B5) once the undo window has passed (undo-delete.ts). */
	deleteCard(card: CardView): boolean {
		if (!this.canEdit(card)) return false;
		this.deletes.schedule({ kind: 'card', id: card.id, label: preview(card.text) });
		return true;
	}

	createCluster(title: string): boolean {
		const cluster = { id: boardDoc.newBoardId(), title, createdAt: this.#now };
		return this.canCluster && this.#write((doc) => boardDoc.createCluster(doc, cluster));
	}

	renameCluster(clusterId: string, title: string): boolean {
		return this.canCluster && this.#write((doc) => boardDoc.renameCluster(doc, clusterId, title));
	}

	/** Deletes a cluster (B6) once the undo window has passed; its cards stay, in no cluster. */
	deleteCluster(clusterId: string): boolean {
		const cluster = this.#view.clusters.find((c) => c.id === clusterId);
		if (!this.canCluster || !cluster) return false;
		this.deletes.schedule({ kind: 'cluster', id: clusterId, label: cluster.title });
		return true;
	}

	/** The window has passed: the same rules as at the click, on the board as it is now. */
	#deleteNow(item: PendingDelete): boolean {
		if (item.kind === 'cluster')
			return this.canCluster && this.#write((doc) => boardDoc.deleteCluster(doc, item.id));
		const card = this.#view.cards.find((c) => c.id === item.id);
		// Gone meanwhile (the facilitator deleted it): nothing left to do.
		if (!card) return true;
		return this.canEdit(card) && this.#write((doc) => boardDoc.deleteCard(doc, item.id));
	}

	moveCard(cardId: string, clusterId: string | null): boolean {
		return this.canCluster && this.#write((doc) => boardDoc.moveCard(doc, cardId, clusterId));
	}

	/** Moves a selection of cards at once (a drag or «Sposta in» of marked cards). */
	moveCards(cardIds: readonly string[], clusterId: string | null): boolean {
		return this.canCluster && this.#write((doc) => boardDoc.moveCards(doc, cardIds, clusterId));
	}

	/**
	 * Merges duplicates; a participant's merged card names them, as the server requires (B4).
	 * Returns the merged card's id, or null when nothing was merged.
	 */
	mergeCards(cardIds: string[]): string | null {
		const merged = {
			id: boardDoc.newBoardId(),
			authorId: this.isFacilitator ? null : this.me.participantId,
			createdAt: this.#now
		};
		const done =
			cardIds.length >= 2 &&
			this.canCluster &&
			this.#write((doc) => boardDoc.mergeCards(doc, cardIds, merged));
		return done ? merged.id : null;
	}

	splitCard(cardId: string): boolean {
		return this.canCluster && this.#write((doc) => boardDoc.splitCard(doc, cardId));
	}

	/** Presence (B12): the card I am on and whether I am typing; the server adds who I am. */
	setPresence(change: Partial<{ cursor: string | null; typing: boolean }>): void {
		const next = { ...this.#local, ...change };
		if (next.cursor === this.#local.cursor && next.typing === this.#local.typing) return;
		this.#local = next;
		this.#connection.setLocalState({ ...next });
	}
}

export type AddCardOutcome =
	| { outcome: 'added'; cardId?: string }
	| { outcome: 'pending' | 'refused' | 'limit' | 'no-connection' };

function submitFailure(status: number): 'refused' | 'limit' | 'no-connection' {
	if (status === 0) return 'no-connection';
	return status === 429 ? 'limit' : 'refused';
}

export const [getBoardClient, setBoardClient] = createContext<BoardClient>();
