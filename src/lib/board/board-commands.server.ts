import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { changeMeetingStatus } from '$lib/meeting/meeting-commands.server';
import { meetings } from '$lib/meeting/meeting.schema';
import type { Db } from '$lib/server/db/database';
import type { Clock } from '$lib/server/runtime';
import {
	boardPhases,
	CARD_LIMIT_MAX,
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	type BoardPhase
} from './board';
import { boardItemIdsOf, newBoardId } from './board-doc';
import { followSections, parseFollowTarget } from './board-live';
import type { BoardHub } from './board-hub.server';
import type { BoardRow } from './board-store.server';
import { boards } from './board.schema';
import { CloseCode } from '$lib/sync/protocol';

/**
 * A command that changed nothing, and why (the edges map the reason to a status);
 * `unknown` lists the ids or keys that name nothing on the board.
 */
export type Refusal<Reason extends string> = { ok: false; reason: Reason; unknown?: string[] };
export type CommandResult<Reason extends string> = { ok: true } | Refusal<Reason>;

/** The ids of a board's cards (merged originals included) and clusters, read from its room. */
export function boardItemIds(
	s: BoardServices,
	boardId: string
): { cards: Set<string>; clusters: Set<string> } {
	const room = s.hub.room(boardId);
	return room ? boardItemIdsOf(room.doc) : { cards: new Set(), clusters: new Set() };
}

/** What board commands need: the database, the rooms in memory, a clock. */
export interface BoardServices {
	db: Db;
	hub: BoardHub;
	clock: Clock;
}

function newJoinCode(): string {
	const bytes = new Uint8Array(JOIN_CODE_LENGTH);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => JOIN_CODE_ALPHABET[b % JOIN_CODE_ALPHABET.length]).join('');
}

/**
 * Opens the board of an incontro, creating it on first use with a fresh join
 * code (SPEC J1); a planned or convened incontro is now "in corso".
 */
export function openBoard(
	s: BoardServices,
	meetingId: number,
	userId: number
): { boardId: string; joinCode: string } {
	const now = s.clock.now();
	const existing = s.db.select().from(boards).where(eq(boards.meetingId, meetingId)).get();
	let board: BoardRow;
	if (existing) {
		board = existing.open
			? existing
			: s.db
					.update(boards)
					.set({ open: true, locked: false, updatedAt: now })
					.where(eq(boards.id, existing.id))
					.returning()
					.get();
	} else {
		board = s.db
			.insert(boards)
			.values({
				id: `b${newBoardId()}`,
				meetingId,
				joinCode: uniqueJoinCode(s.db),
				open: true,
				phase: 'collect',
				locked: false,
				anonymous: false,
				privateWriting: false,
				participantsCanCluster: false,
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
	}
	const meeting = s.db
		.select({ status: meetings.status })
		.from(meetings)
		.where(eq(meetings.id, meetingId))
		.get();
	if (meeting?.status === 'planned') changeMeetingStatus(s.db, meetingId, 'convened', userId, now);
	if (meeting?.status === 'planned' || meeting?.status === 'convened')
		changeMeetingStatus(s.db, meetingId, 'in_progress', userId, now);
	s.hub.refreshMeta(board.id);
	return { boardId: board.id, joinCode: board.joinCode };
}

function uniqueJoinCode(db: Db): string {
	for (;;) {
		const code = newJoinCode();
		if (!db.select({ id: boards.id }).from(boards).where(eq(boards.joinCode, code)).get())
			return code;
	}
}

/** Closing ends joining with the code and locks the board; nothing written is lost. */
export function closeBoard(s: BoardServices, boardId: string): void {
	updateBoard(s, boardId, { open: false, locked: true });
	s.hub.closeConnections(boardId, CloseCode.boardClosed, 'board closed');
}

/** Changes the board's settings row, then its mirror in the document (B3). */
export function updateBoard(
	s: BoardServices,
	boardId: string,
	set: Partial<typeof boards.$inferInsert>
): void {
	s.db
		.update(boards)
		.set({ ...set, updatedAt: s.clock.now() })
		.where(eq(boards.id, boardId))
		.run();
	s.hub.refreshMeta(boardId);
}

export const settingsInput = z
	.object({
		locked: z.boolean(),
		anonymous: z.boolean(),
		privateWriting: z.boolean(),
		participantsCanCluster: z.boolean()
	})
	.partial()
	.strict()
	.refine((s) => Object.keys(s).length > 0, { message: 'nothing_to_change' });

export const phaseInput = z.object({ phase: z.enum(boardPhases) }).strict();
export const timerInput = z
	.object({
		seconds: z
			.number()
			.int()
			.min(10)
			.max(4 * 3600)
			.nullable()
	})
	.strict();
export const spotlightInput = z.object({ cardId: z.string().max(40).nullable() }).strict();
export const followInput = z.object({ target: z.string().max(60).nullable() }).strict();
export const cardLimitInput = z
	.object({ limit: z.number().int().min(1).max(CARD_LIMIT_MAX) })
	.strict();

export function updateSettings(
	s: BoardServices,
	boardId: string,
	patch: z.output<typeof settingsInput>
): void {
	updateBoard(s, boardId, patch);
}

/**
 * Moves the board to another phase (forward or back, SPEC B2). The document as it
 * stood is kept as the snapshot of the phase that ends.
 */
export function changePhase(s: BoardServices, boardId: string, phase: BoardPhase): void {
	const room = s.hub.room(boardId);
	if (room && room.meta.phase !== phase) room.snapshotPhase();
	updateBoard(s, boardId, { phase, spotlightCardId: null });
}

/** The timer is an end time on the server's clock, so late joiners see the right time. */
export function setTimer(s: BoardServices, boardId: string, seconds: number | null): void {
	updateBoard(s, boardId, {
		timerEndsAt: seconds === null ? null : s.clock.now() + seconds * 1000
	});
}

/** Shows one card to everyone, or none; a card that is not on this board is refused (404). */
export function setSpotlight(
	s: BoardServices,
	boardId: string,
	cardId: string | null
): CommandResult<'unknown-card'> {
	if (cardId !== null && !boardItemIds(s, boardId).cards.has(cardId))
		return { ok: false, reason: 'unknown-card', unknown: [cardId] };
	updateBoard(s, boardId, { spotlightCardId: cardId });
	return { ok: true };
}

/** B13: how many cards each participant may add per phase; the facilitator raises or lowers it. */
export function setCardLimit(s: BoardServices, boardId: string, limit: number): void {
	updateBoard(s, boardId, { cardLimit: limit });
}

/**
 * "Follow me": `card:<id>`, `cluster:<id>` or `section:<key>` of this board, or null.
 * Anything else is malformed (400); a card, cluster or section not on the board is unknown (404).
 */
export function setFollow(
	s: BoardServices,
	boardId: string,
	target: string | null
): CommandResult<'malformed-target' | 'unknown-target'> {
	if (target !== null) {
		const parsed = parseFollowTarget(target);
		if (!parsed) return { ok: false, reason: 'malformed-target' };
		const ids = boardItemIds(s, boardId);
		const known =
			parsed.kind === 'card'
				? ids.cards.has(parsed.id)
				: parsed.kind === 'cluster'
					? ids.clusters.has(parsed.id)
					: followSections.includes(parsed.id);
		if (!known) return { ok: false, reason: 'unknown-target', unknown: [target] };
	}
	updateBoard(s, boardId, { follow: target });
	return { ok: true };
}

export function boardOfMeeting(db: Db, meetingId: number): BoardRow | undefined {
	return db.select().from(boards).where(eq(boards.meetingId, meetingId)).get();
}
