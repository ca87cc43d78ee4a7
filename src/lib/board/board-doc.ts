import * as Y from 'yjs';
import { typedText } from '$lib/forms/plain-text';
import {
	DEFAULT_CARD_LIMIT,
	mergedCardText,
	type BoardPhase,
	type BoardSettings,
	type CardKind
} from './board';

/**
 * The one module that knows the board document's shape (docs/BOARD.md). Client,
 * server and tests read and write the document only through these functions.
 *
 *   cards:        Y.Map<cardId, Y.Map>   kind, text (Y.Text), authorId, clusterId,
 *                                        target, policyAreaId, createdAt,
 *                                        mergedInto, mergedFrom
 *   clusters:     Y.Map<clusterId, Y.Map> title, createdAt
 *   meta:         Y.Map  phase, locked, anonymous, privateWriting,
 *                        participantsCanCluster, timerEndsAt, spotlightCardId, follow,
 *                        roundId, openFields, cardLimit
 *                        (written by the server only)
 *   participants: Y.Map<participantId, {name, organization}> (server only)
 */
export const Root = {
	cards: 'cards',
	clusters: 'clusters',
	meta: 'meta',
	participants: 'participants',
	objectives: 'objectives',
	comments: 'comments'
} as const;
export const serverOnlyRoots: readonly string[] = [Root.meta, Root.participants];

export interface CardView {
	id: string;
	kind: CardKind;
	text: string;
	authorId: string | null;
	clusterId: string | null;
	target: string;
	policyAreaId: number | null;
	createdAt: number;
	mergedInto: string | null;
	mergedFrom: string[];
}

export interface ClusterView {
	id: string;
	title: string;
	createdAt: number;
	/** Visible cards in the cluster (merged originals are inside their merged card). */
	cardIds: string[];
}

export interface BoardMeta extends BoardSettings {
	timerEndsAt: number | null;
	spotlightCardId: string | null;
	follow: string | null;
	/** The voting round under way, if any: its ballots live in SQLite, never here. */
	roundId: number | null;
	/** Objective-card fields participants may write (issue 6). */
	openFields: string[];
	/** Cards one participant may add per phase (B13). */
	cardLimit: number;
}

export interface BoardView {
	meta: BoardMeta;
	cards: CardView[];
	clusters: ClusterView[];
	participants: Record<string, { name: string; organization: string }>;
}

export const defaultMeta: BoardMeta = {
	phase: 'collect',
	locked: false,
	anonymous: false,
	privateWriting: false,
	participantsCanCluster: false,
	timerEndsAt: null,
	spotlightCardId: null,
	follow: null,
	roundId: null,
	openFields: [],
	cardLimit: DEFAULT_CARD_LIMIT
};

const cardsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.cards);
const clustersOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.clusters);

/** A random id for cards and clusters (also valid as a Y.Map key in the check). */
export function newBoardId(): string {
	const bytes = new Uint8Array(12);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(36).padStart(2, '0'))
		.join('')
		.slice(0, 16);
}

function str(v: unknown, fallback = ''): string {
	return typeof v === 'string' ? v : fallback;
}

function readCard(id: string, m: Y.Map<unknown>): CardView {
	const text = m.get('text');
	const merged = m.get('mergedFrom');
	const policy = m.get('policyAreaId');
	return {
		id,
		kind: str(m.get('kind'), 'need') as CardKind,
		text: text instanceof Y.Text ? text.toString() : '',
		authorId: typeof m.get('authorId') === 'string' ? (m.get('authorId') as string) : null,
		clusterId: typeof m.get('clusterId') === 'string' ? (m.get('clusterId') as string) : null,
		target: str(m.get('target')),
		policyAreaId: typeof policy === 'number' ? policy : null,
		createdAt: typeof m.get('createdAt') === 'number' ? (m.get('createdAt') as number) : 0,
		mergedInto: typeof m.get('mergedInto') === 'string' ? (m.get('mergedInto') as string) : null,
		mergedFrom: Array.isArray(merged)
			? merged.filter((x): x is string => typeof x === 'string')
			: []
	};
}

export function readMeta(doc: Y.Doc): BoardMeta {
	const meta = doc.getMap<unknown>(Root.meta);
	const get = <K extends keyof BoardMeta>(key: K): BoardMeta[K] =>
		(meta.has(key) ? meta.get(key) : defaultMeta[key]) as BoardMeta[K];
	return {
		phase: get('phase') as BoardPhase,
		locked: get('locked'),
		anonymous: get('anonymous'),
		privateWriting: get('privateWriting'),
		participantsCanCluster: get('participantsCanCluster'),
		timerEndsAt: get('timerEndsAt'),
		spotlightCardId: get('spotlightCardId'),
		follow: get('follow'),
		roundId: get('roundId'),
		openFields: get('openFields'),
		cardLimit: get('cardLimit')
	};
}

/** Calls `changed` after every transaction that touched the settings mirror; returns the unsubscribe. */
export function observeMeta(doc: Y.Doc, changed: () => void): () => void {
	const meta = doc.getMap<unknown>(Root.meta);
	meta.observe(changed);
	return () => meta.unobserve(changed);
}

/** The whole board as plain data, cards oldest first. */
export function readBoard(doc: Y.Doc): BoardView {
	const cards = [...cardsOf(doc).entries()]
		.map(([id, m]) => ({ ...readCard(id, m), mergedInto: mergedHolder(doc, id, m)?.id ?? null }))
		.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
	const clusters = [...clustersOf(doc).entries()]
		.map(([id, m]) => ({
			id,
			title: str(m.get('title')),
			createdAt: typeof m.get('createdAt') === 'number' ? (m.get('createdAt') as number) : 0,
			cardIds: cards.filter((c) => c.clusterId === id && !c.mergedInto).map((c) => c.id)
		}))
		.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
	const participants: BoardView['participants'] = {};
	for (const [id, value] of doc.getMap<{ name: string; organization: string }>(Root.participants)) {
		participants[id] = value;
	}
	return { meta: readMeta(doc), cards, clusters, participants };
}

/** The ids of every card (merged originals included) and cluster, without reading their content. */
export function boardItemIdsOf(doc: Y.Doc): { cards: Set<string>; clusters: Set<string> } {
	return { cards: new Set(cardsOf(doc).keys()), clusters: new Set(clustersOf(doc).keys()) };
}

export interface NewCard {
	id: string;
	kind: CardKind;
	text: string;
	/** Absent in anonymous mode: the author lives only in the server's database. */
	authorId: string | null;
	target?: string;
	policyAreaId?: number | null;
	clusterId?: string | null;
	createdAt: number;
	mergedFrom?: string[];
}

export function addCard(doc: Y.Doc, card: NewCard): void {
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		cardsOf(doc).set(card.id, m);
		m.set('kind', card.kind);
		m.set('text', new Y.Text(typedText(card.text)));
		if (card.authorId !== null) m.set('authorId', card.authorId);
		m.set('createdAt', card.createdAt);
		if (card.target) m.set('target', card.target);
		if (card.policyAreaId != null) m.set('policyAreaId', card.policyAreaId);
		if (card.clusterId) m.set('clusterId', card.clusterId);
		if (card.mergedFrom?.length) m.set('mergedFrom', card.mergedFrom);
	});
}

function card(doc: Y.Doc, cardId: string): Y.Map<unknown> | undefined {
	return cardsOf(doc).get(cardId);
}

/**
 * Replaces a card's text with the fewest Y.Text operations (common prefix and
 * suffix kept), so that two people typing in one card converge sensibly.
 */
export function setCardText(doc: Y.Doc, cardId: string, next: string): void {
	const text = card(doc, cardId)?.get('text');
	if (text instanceof Y.Text) replaceText(text, next);
}

/**
 * Replaces a Y.Text's content with the fewest operations (common prefix and
 * suffix kept), so that two people typing in one text converge sensibly.
 * Control characters are dropped (forms/plain-text.ts): the server refuses them.
 */
export function replaceText(text: Y.Text, typed: string): void {
	const next = typedText(typed);
	const current = text.toString();
	if (current === next) return;
	let start = 0;
	while (start < current.length && start < next.length && current[start] === next[start]) start++;
	let end = 0;
	while (
		end < current.length - start &&
		end < next.length - start &&
		current[current.length - 1 - end] === next[next.length - 1 - end]
	) {
		end++;
	}
	const apply = () => {
		const removed = current.length - start - end;
		if (removed > 0) text.delete(start, removed);
		const inserted = next.slice(start, next.length - end);
		if (inserted) text.insert(start, inserted);
	};
	if (text.doc) text.doc.transact(apply);
	else apply();
}

export function setCardKind(doc: Y.Doc, cardId: string, kind: CardKind): void {
	card(doc, cardId)?.set('kind', kind);
}

/**
 * Deleting a merged card gives its originals back, as a split does: they are
 * other people's cards, and the server refuses a delete that would hide them.
 */
export function deleteCard(doc: Y.Doc, cardId: string): void {
	const m = card(doc, cardId);
	if (m && readCard(cardId, m).mergedFrom.length > 0) return splitCard(doc, cardId);
	cardsOf(doc).delete(cardId);
}

export function createCluster(
	doc: Y.Doc,
	cluster: { id: string; title: string; createdAt: number }
): void {
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		clustersOf(doc).set(cluster.id, m);
		m.set('title', cluster.title);
		m.set('createdAt', cluster.createdAt);
	});
}

export function renameCluster(doc: Y.Doc, clusterId: string, title: string): void {
	clustersOf(doc).get(clusterId)?.set('title', title);
}

/** Deletes a cluster; its cards go back to the unclustered pile. */
export function deleteCluster(doc: Y.Doc, clusterId: string): void {
	doc.transact(() => {
		for (const m of cardsOf(doc).values())
			if (m.get('clusterId') === clusterId) m.set('clusterId', null);
		clustersOf(doc).delete(clusterId);
	});
}

/** Moves a card (with the originals merged into it) into a cluster, or out with null. */
export function moveCard(doc: Y.Doc, cardId: string, clusterId: string | null): void {
	const m = card(doc, cardId);
	if (!m || m.get('clusterId') === clusterId) return;
	m.set('clusterId', clusterId);
}

/** Moves a selection of cards in one transaction: one update, one undo step for everyone. */
export function moveCards(doc: Y.Doc, cardIds: readonly string[], clusterId: string | null): void {
	doc.transact(() => {
		for (const id of cardIds) moveCard(doc, id, clusterId);
	});
}

/**
 * Merges duplicate cards into a new card that keeps the originals (and so their
 * authors) in `mergedFrom`; the originals stay in the document, marked
 * `mergedInto`, so a split restores them exactly.
 */
export function mergeCards(
	doc: Y.Doc,
	cardIds: string[],
	merged: { id: string; authorId: string | null; createdAt: number }
): void {
	const sources = cardIds
		.map((id) => ({ id, m: card(doc, id) }))
		.filter((s) => s.m && !mergedHolder(doc, s.id, s.m));
	if (sources.length < 2) return;
	const first = readCard(sources[0]!.id, sources[0]!.m!);
	doc.transact(() => {
		addCard(doc, {
			id: merged.id,
			kind: first.kind,
			text: mergedCardText(sources.map((s) => readCard(s.id, s.m!).text)),
			authorId: merged.authorId,
			clusterId: first.clusterId,
			createdAt: merged.createdAt,
			mergedFrom: sources.map((s) => s.id)
		});
		for (const s of sources) s.m!.set('mergedInto', merged.id);
	});
}

/**
 * The merged card holding a card (B6): the one its `mergedInto` names, while
 * that card exists and lists it in `mergedFrom`. A link to anything else (a
 * board stored before the merge rules) holds nothing, so the card shows and no
 * one's words vanish. The server's merge rules read holders the same way.
 */
export function mergedHolder(
	doc: Y.Doc,
	cardId: string,
	m: Y.Map<unknown>
): { id: string; card: Y.Map<unknown> } | null {
	const into = m.get('mergedInto');
	if (typeof into !== 'string') return null;
	const holder = card(doc, into);
	const from = holder?.get('mergedFrom');
	return holder && Array.isArray(from) && from.includes(cardId) ? { id: into, card: holder } : null;
}

/**
 * Undoes a merge: the originals still inside it come back where the merged card
 * was. One merged again elsewhere meanwhile (two merges at once) stays there.
 */
export function splitCard(doc: Y.Doc, mergedId: string): void {
	const merged = card(doc, mergedId);
	if (!merged) return;
	const view = readCard(mergedId, merged);
	doc.transact(() => {
		for (const id of view.mergedFrom) {
			const original = card(doc, id);
			if (!original || original.get('mergedInto') !== mergedId) continue;
			original.set('mergedInto', null);
			if (original.get('clusterId') !== view.clusterId) original.set('clusterId', view.clusterId);
		}
		cardsOf(doc).delete(mergedId);
	});
}

/**
 * Server only: the cards of one participant become another's, when the
 * facilitator merges two lines of the foglio firme that are one person (SPEC J7).
 */
export function reassignAuthor(doc: Y.Doc, from: string, into: string): void {
	doc.transact(() => {
		for (const m of cardsOf(doc).values()) if (m.get('authorId') === from) m.set('authorId', into);
	});
}

/** Server only: mirrors the board's settings into the document for display. */
export function writeMeta(doc: Y.Doc, meta: Partial<BoardMeta>): void {
	const m = doc.getMap<unknown>(Root.meta);
	doc.transact(() => {
		for (const [key, value] of Object.entries(meta)) {
			if (m.get(key) !== value) m.set(key, value ?? null);
		}
	});
}

/** Server only: the name and organisation shown for a participant. */
export function writeParticipant(
	doc: Y.Doc,
	participantId: string,
	who: { name: string; organization: string }
): void {
	const m = doc.getMap<{ name: string; organization: string }>(Root.participants);
	const current = m.get(participantId);
	if (current?.name !== who.name || current?.organization !== who.organization)
		m.set(participantId, who);
}
