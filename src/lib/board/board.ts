/**
 * The live board of an incontro: phases, card kinds, settings and who may do
 * what (SPEC B1-B12). Pure: shared by the server's update check, the HTTP
 * commands and the browser, which greys out what the server would refuse.
 */
export const BoardPhase = {
	collect: 'collect',
	cluster: 'cluster',
	vote: 'vote',
	draft: 'draft',
	wrapUp: 'wrap_up'
} as const;
export type BoardPhase = (typeof BoardPhase)[keyof typeof BoardPhase];
export const boardPhases = Object.values(BoardPhase) as [BoardPhase, ...BoardPhase[]];

export const CardKind = {
	need: 'need',
	problem: 'problem',
	resource: 'resource',
	proposal: 'proposal',
	question: 'question'
} as const;
export type CardKind = (typeof CardKind)[keyof typeof CardKind];
export const cardKinds = Object.values(CardKind) as [CardKind, ...CardKind[]];

export const BoardRole = {
	facilitator: 'facilitator',
	participant: 'participant',
	observer: 'observer'
} as const;
export type BoardRole = (typeof BoardRole)[keyof typeof BoardRole];

/** What the facilitator sets; held in SQLite and mirrored read-only in the document. */
export interface BoardSettings {
	phase: BoardPhase;
	locked: boolean;
	/** Authors are not shown and never reach other clients (B7). */
	anonymous: boolean;
	/** Cards stay with their author until the facilitator reveals them (B8). */
	privateWriting: boolean;
	/** Participants may create clusters and move anyone's card in raggruppamento (B6). */
	participantsCanCluster: boolean;
}

export const CARD_TEXT_MAX = 500;

/** The text a merged card gets from its originals' (board-doc.ts writes it, card-policy.ts checks it). */
export const mergedCardText = (texts: readonly string[]) =>
	texts.join(' / ').slice(0, CARD_TEXT_MAX);
export const CLUSTER_TITLE_MAX = 120;
export const TARGET_MAX = 100;
/**
 * B13: cards one participant may add in one phase unless the facilitator
 * raises it (up to CARD_LIMIT_MAX): an honest participant writes a handful, a
 * script a thousand in one update.
 */
export const DEFAULT_CARD_LIMIT = 200;
export const CARD_LIMIT_MAX = 1000;
/** B13: a board past these is no longer a workshop anyone can read. */
export const MAX_CARDS_PER_BOARD = 5000;
export const MAX_CLUSTERS_PER_BOARD = 200;
/**
 * Clusters a participant creates over a board's life, removed ones included:
 * Yjs keeps every removed entry's item, so create-and-remove cycles would grow
 * the document, which every newcomer loads, without end.
 */
export const MAX_CLUSTERS_WRITTEN_PER_PARTICIPANT = 2 * MAX_CLUSTERS_PER_BOARD;

/** Card fields a writer may set, and the clustering fields that can be shared. */
export const cardFields = [
	'kind',
	'text',
	'authorId',
	'clusterId',
	'target',
	'policyAreaId',
	'createdAt',
	'mergedInto',
	'mergedFrom'
] as const;
export type CardField = (typeof cardFields)[number];
export const clusteringFields: readonly CardField[] = ['clusterId', 'mergedInto', 'mergedFrom'];
export const clusterFields = ['title', 'createdAt'] as const;

export interface Writer {
	role: BoardRole;
	participantId: string;
}

const open = (s: BoardSettings) => !s.locked;
const isFacilitator = (w: Writer) => w.role === 'facilitator';

/** B4: participants add cards to the shared document while collecting, unless cards go through the server. */
export function canCreateCardDirectly(w: Writer, s: BoardSettings): boolean {
	if (isFacilitator(w)) return true;
	return (
		w.role === 'participant' &&
		s.phase === 'collect' &&
		open(s) &&
		!s.anonymous &&
		!s.privateWriting
	);
}

/** B4: a card submitted through the server (HTTP or private/anonymous mode). */
export function canSubmitCard(w: Writer, s: BoardSettings): boolean {
	if (isFacilitator(w)) return true;
	return w.role === 'participant' && s.phase === 'collect' && open(s);
}

/**
 * B5: editing or deleting a card's own content (text, kind, tags). Not in
 * anonymous or private mode: there a participant's edits would carry their Yjs
 * client id into the shared document, next to cards that must not name them.
 */
export function canEditCard(w: Writer, s: BoardSettings, ownerId: string | null): boolean {
	if (isFacilitator(w)) return true;
	return (
		w.role === 'participant' &&
		ownerId === w.participantId &&
		s.phase === 'collect' &&
		open(s) &&
		!s.anonymous &&
		!s.privateWriting
	);
}

/** B6: clustering — creating clusters, moving, merging and splitting cards. */
export function canCluster(w: Writer, s: BoardSettings): boolean {
	if (isFacilitator(w)) return true;
	return w.role === 'participant' && s.phase === 'cluster' && s.participantsCanCluster && open(s);
}

export const phaseOrder: readonly BoardPhase[] = boardPhases;

/** Short codes people can read aloud and type on a phone: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function normalizeJoinCode(input: string): string {
	return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
