import { CloseCode } from '$lib/sync/protocol';
import type { CardView } from './board-doc';

/**
 * The live parts of the board's screens: the countdown, who is online, where
 * "follow me" points, and what a closed connection means. Pure.
 */

/** Offset to add to the browser's clock to read the server's, from one request's round trip. */
export function clockOffset(serverNow: number, sentAt: number, receivedAt: number): number {
	return serverNow - Math.round((sentAt + receivedAt) / 2);
}

/** Whole seconds left on the timer (never negative), or null when no timer runs. */
export function remainingSeconds(
	timerEndsAt: number | null,
	clientNow: number,
	offset: number
): number | null {
	if (timerEndsAt === null) return null;
	return Math.max(0, Math.ceil((timerEndsAt - (clientNow + offset)) / 1000));
}

/** "4:05" under an hour, "1:02:03" above. */
export function formatCountdown(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = String(seconds % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export interface PresenceEntry {
	id: string;
	name: string;
	organization: string;
	role: string;
	typing: boolean;
	cursor: string | null;
}

/**
 * One entry per person from the awareness states (a person may have several
 * tabs), in name order. The server writes `user` (participant id, and the role
 * unless it is a participant's: no role reads as a participant); the name is
 * the one the board's participants map holds. States without either
 * are skipped: someone taken off the board is no longer shown.
 */
export function presenceOf(
	states: Iterable<unknown>,
	participants: { get(participantId: string): unknown }
): PresenceEntry[] {
	const people = new Map<string, PresenceEntry>();
	for (const state of states) {
		if (!state || typeof state !== 'object') continue;
		const { user, typing, cursor } = state as Record<string, unknown>;
		if (!user || typeof user !== 'object') continue;
		const u = user as Record<string, unknown>;
		if (typeof u.id !== 'string') continue;
		const who = participants.get(u.id) as Record<string, unknown> | undefined;
		if (typeof who?.name !== 'string') continue;
		const seen = people.get(u.id);
		people.set(u.id, {
			id: u.id,
			name: who.name,
			organization: typeof who.organization === 'string' ? who.organization : '',
			role: typeof u.role === 'string' ? u.role : 'participant',
			typing: (seen?.typing ?? false) || typing === true,
			cursor: seen?.cursor ?? (typeof cursor === 'string' ? cursor : null)
		});
	}
	return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

/** What "follow me" may point at: a card, a cluster or one of the board's sections. */
export type FollowKind = 'card' | 'cluster' | 'section';

/** The board's sections a follow target may name (`section:<key>`, the element `section-<key>`). */
export const followSections: readonly string[] = ['cards', 'composer', 'objectives', 'unclustered'];

/** A follow target taken apart, or null when it is not `card:`, `cluster:` or `section:` and an id. */
export function parseFollowTarget(target: string): { kind: FollowKind; id: string } | null {
	const match = /^(card|cluster|section):([A-Za-z0-9_-]{1,40})$/.exec(target);
	return match ? { kind: match[1] as FollowKind, id: match[2]! } : null;
}

export function followTarget(kind: FollowKind, id: string): string {
	return `${kind}:${id}`;
}

/** The id of the element a follow target names, or null for anything else. */
export function followElementId(target: string | null): string | null {
	const parsed = parseFollowTarget(target ?? '');
	return parsed ? `${parsed.kind}-${parsed.id}` : null;
}

/**
 * What the client does when the server closes the socket for good (4400-4499):
 * a refused update starts again from a fresh document; removal from the foglio
 * firme, a closed board, a newer socket of the same person and a merge of the
 * person's line into another stop.
 */
export type CloseOutcome = 'refused' | 'removed' | 'board-closed' | 'superseded' | 'merged';

export function closeOutcome(code: number): CloseOutcome {
	if (code === CloseCode.removed) return 'removed';
	if (code === CloseCode.merged) return 'merged';
	if (code === CloseCode.boardClosed) return 'board-closed';
	if (code === CloseCode.superseded) return 'superseded';
	return 'refused';
}

/** The reason for a refused update, as a message key suffix (reason → Italian message). */
export function refusalReason(
	code: number
): 'not_allowed' | 'too_large' | 'conflict' | 'too_many' | 'invalid' {
	if (code === CloseCode.refused) return 'not_allowed';
	if (code === CloseCode.tooMany) return 'too_many';
	if (code === CloseCode.tooLarge) return 'too_large';
	if (code === CloseCode.clientIdTaken) return 'conflict';
	return 'invalid';
}

/** The ids of the cards on show (merged originals are inside their merged card). */
export function visibleCardIds(cards: readonly CardView[]): Set<string> {
	return new Set(cards.filter((c) => !c.mergedInto).map((c) => c.id));
}

/**
 * The cards that appeared since `known` (ids seen before), for the live region:
 * someone else's new card, not one of mine (the composer says so already) nor a
 * merge (it brings no new content). `ids` is what to remember next time.
 */
export function newCards(
	known: ReadonlySet<string>,
	cards: readonly CardView[],
	me: string | null
): { count: number; ids: Set<string> } {
	const ids = new Set<string>();
	let count = 0;
	for (const card of cards) {
		if (card.mergedInto) continue;
		ids.add(card.id);
		if (known.has(card.id) || card.mergedFrom.length > 0) continue;
		if (me !== null && card.authorId === me) continue;
		count++;
	}
	return { count, ids };
}
