import * as Y from 'yjs';
import type { Db } from '$lib/server/db/database';
import type { Clock } from '$lib/server/runtime';
import type { DocumentStore } from '$lib/sync/document-store';
import type { Effects } from '$lib/sync/effects';
import type { PolicyRegistry } from '$lib/sync/policy';
import { signalMessage } from '$lib/sync/protocol';
import { SyncRoom, type SyncSocket } from '$lib/sync/room.server';
import { checkUpdate } from '$lib/sync/update-check';
import type { BoardPhase, Writer } from './board';
import {
	observeMeta,
	readMeta,
	reassignAuthor,
	Root,
	writeMeta,
	writeParticipant,
	type BoardMeta
} from './board-doc';
import { BoardDocumentStore, type CardRecord } from './board-document-store.server';
import { loadPolicyAreaIds, reassignRecords, savePhaseSnapshot } from './board-store.server';
import type { BoardWriteContext } from './board-write-context';
import { SplitTexts } from './split-texts';

export type { SyncSocket };

export interface Participant {
	writer: Writer;
	name: string;
	organization: string;
	participantId: string;
	readOnly: boolean;
	/** False for a reader of a closed board who is not on its foglio firme: their name is not written into it. */
	onSheet: boolean;
}

/** Who hears a signal (SPEC B16): a test on each connection's participant. */
export type Audience = (participant: Participant) => boolean;
export const everyone: Audience = () => true;
export const facilitators: Audience = (p) => p.writer.role === 'facilitator';
export const onlyParticipant =
	(participantId: string): Audience =>
	(p) =>
		p.participantId === participantId;

export function participantOf(writer: Writer, name: string, organization: string): Participant {
	return {
		writer,
		name,
		organization,
		participantId: writer.participantId,
		readOnly: writer.role === 'observer',
		onSheet: true
	};
}

/**
 * One board in memory (SPEC B9-B13): a sync room whose rules are the board's
 * policies, plus what the board knows besides its document — the settings
 * mirrored into `meta`, who wrote each card and in which phase, the plan's
 * policy areas.
 */
export class BoardRoom {
	private readonly room: SyncRoom<Participant, CardRecord>;
	private readonly cardOwners = new Map<string, string | null>();
	/** Cards per participant and phase (B13). */
	private readonly written = new Map<string, number>();
	private readonly policyAreaIds: ReadonlySet<number>;
	private readonly splitTexts = new SplitTexts();
	/** Read for every update and presence message; the mirror changes only through serverChange. */
	private cachedMeta: Readonly<BoardMeta> | null = null;
	/** Signals waiting to go (signalSoon), by key. */
	readonly #soon = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(
		private readonly db: Db,
		private readonly clock: Clock,
		readonly boardId: string,
		meta: BoardMeta,
		policies: PolicyRegistry<BoardWriteContext>,
		store: DocumentStore<CardRecord> = BoardDocumentStore.of(db)
	) {
		this.policyAreaIds = loadPolicyAreaIds(db, boardId);
		this.room = new SyncRoom(store, () => clock.now(), boardId, {
			check: (update, peer, clientOwner) => {
				const result = checkUpdate(
					{
						doc: this.doc,
						writer: peer,
						clientOwner,
						policies,
						context: this.context(peer.writer, clientOwner)
					},
					update
				);
				if (result.ok) this.splitTexts.note(this.doc, result.effects);
				return result;
			},
			recordsOf: (effects, peer) => this.createdCards(effects, peer.participantId),
			remember: (records) => this.remember(records),
			presence: (state, peer) => sanitizePresence(state, peer, this.meta.anonymous),
			reserved: (peer) => peer.writer.role === 'facilitator'
		});
		observeMeta(this.doc, () => (this.cachedMeta = null));
		if (JSON.stringify(readMeta(this.doc)) !== JSON.stringify(meta))
			this.serverChange((doc) => writeMeta(doc, meta));
	}

	get doc(): Y.Doc {
		return this.room.doc;
	}

	get connectionCount(): number {
		return this.room.connectionCount;
	}

	get meta(): Readonly<BoardMeta> {
		return (this.cachedMeta ??= Object.freeze(readMeta(this.doc)));
	}

	/** Admits a checked participant: shows their name, then opens the sync handshake. */
	connect(socket: SyncSocket, participant: Participant) {
		const { writer, name, organization } = participant;
		if (participant.onSheet)
			this.room.queueServerChange((doc) =>
				writeParticipant(doc, writer.participantId, { name, organization })
			);
		return this.room.connect(socket, participant);
	}

	private context(
		writer: Writer,
		clientOwner: (clientId: number) => string | undefined
	): BoardWriteContext {
		return {
			clientOwner,
			doc: this.doc,
			writer,
			settings: this.meta,
			cardOwner: (id) => this.cardOwners.get(id) ?? null,
			cardsWritten: (participantId, phase) => this.cardsWritten(participantId, phase),
			cardCount: this.cardOwners.size,
			policyAreaIds: this.policyAreaIds,
			splitText: (id) => this.splitTexts.get(id)
		};
	}

	/** The cards an accepted update adds: new entries of the `cards` root. */
	private createdCards(effects: Effects, participantId: string): CardRecord[] {
		const phase = this.meta.phase;
		return effects.inserts
			.filter((i) => i.path.length === 2 && i.path[0] === Root.cards && !i.reused)
			.map((i) => ({ cardId: i.path[1]!, participantId, phase }));
	}

	private remember(records: CardRecord[]): void {
		for (const r of records) {
			if (this.cardOwners.has(r.cardId)) continue;
			this.cardOwners.set(r.cardId, r.participantId);
			if (r.participantId === null) continue;
			const key = `${r.participantId}/${r.phase}`;
			this.written.set(key, (this.written.get(key) ?? 0) + 1);
		}
	}

	cardOwner(cardId: string): string | null {
		return this.cardOwners.get(cardId) ?? null;
	}

	/** Cards a participant added in a phase, on the socket or through the server (B13). */
	cardsWritten(participantId: string, phase: BoardPhase): number {
		return this.written.get(`${participantId}/${phase}`) ?? 0;
	}

	/**
	 * SPEC J7: everything the board knows of one participant becomes another's —
	 * the cards they wrote (stored owner, the bound per phase, `authorId` in the
	 * document, so connected clients see it), their waiting cards, their Yjs
	 * client ids. Runs inside the caller's transaction when there is one.
	 */
	reassignParticipant(
		from: string,
		into: { participantId: string; name: string; organization: string }
	): void {
		const to = into.participantId;
		// What the room has queued for `from` is stored first, so the update below catches it.
		this.room.flush();
		reassignRecords(this.db, this.boardId, from, to);
		for (const [cardId, owner] of this.cardOwners)
			if (owner === from) this.cardOwners.set(cardId, to);
		for (const [key, count] of [...this.written]) {
			const [participantId, phase] = key.split('/');
			if (participantId !== from) continue;
			this.written.delete(key);
			this.written.set(`${to}/${phase}`, (this.written.get(`${to}/${phase}`) ?? 0) + count);
		}
		this.room.reassignClients(from, to);
		this.serverChange((doc) => {
			writeParticipant(doc, to, into);
			reassignAuthor(doc, from, to);
		});
	}

	closeConnections(code: number, reason: string, participantId?: string): void {
		this.room.closeConnections(code, reason, participantId);
	}

	/**
	 * SPEC B16: news outside the document, to the connections `to` accepts, when
	 * any is there: `payload` is read only then (a count nobody hears is not
	 * counted). Returns how many connections it went to.
	 */
	signal(to: Audience, payload: () => unknown): number {
		if (!this.room.hears(to)) return 0;
		return this.room.signal(signalMessage(payload()), to);
	}

	/**
	 * A signal sent once within `delayMs` however often it is asked for meanwhile
	 * (counts that change with every ballot), read when it goes.
	 */
	signalSoon(key: string, delayMs: number, send: () => void): void {
		if (this.#soon.has(key)) return;
		const timer = setTimeout(() => {
			this.#soon.delete(key);
			send();
		}, delayMs);
		timer.unref();
		this.#soon.set(key, timer);
	}

	/**
	 * A change made by the server itself (settings mirror, cards submitted over
	 * HTTP, reveals), with the cards it adds. It is stored before this returns.
	 */
	serverChange(
		change: (doc: Y.Doc) => void,
		cards: { cardId: string; participantId: string | null }[] = []
	): void {
		const phase = this.meta.phase;
		this.room.serverChange(
			change,
			cards.map((c) => ({ ...c, phase }))
		);
	}

	flush(): void {
		this.room.flush();
	}

	compact(): void {
		this.room.compact();
	}

	/** Keeps the document as it stood at the end of a phase, for the minutes. */
	snapshotPhase(): void {
		this.room.flush();
		savePhaseSnapshot(
			this.db,
			this.boardId,
			this.meta.phase,
			Y.encodeStateAsUpdate(this.doc),
			this.clock.now()
		);
		this.room.compact();
	}

	destroy(): void {
		for (const timer of this.#soon.values()) clearTimeout(timer);
		this.#soon.clear();
		this.room.destroy();
	}
}

const presenceKeys = ['cursor', 'typing', 'view'] as const;

/** B12: presence carries the name the server knows, and nothing that ties a card to a person when anonymous. */
function sanitizePresence(
	state: Record<string, unknown>,
	peer: Participant,
	anonymous: boolean
): Record<string, unknown> {
	const { writer } = peer;
	// Who, not their name: the name is in the board's participants map, written as they
	// connect; repeating it in every relayed state tripled presence's bytes (docs/PERFORMANCE.md).
	// The role only when it is not a participant's, which most of a room's states are.
	const user =
		writer.role === 'participant'
			? { id: writer.participantId }
			: { id: writer.participantId, role: writer.role };
	const clean: Record<string, unknown> = { user };
	if (anonymous) return clean;
	for (const key of presenceKeys) {
		const value = state[key];
		if (typeof value === 'string' && value.length <= 60) clean[key] = value;
		if (typeof value === 'boolean') clean[key] = value;
	}
	return clean;
}
