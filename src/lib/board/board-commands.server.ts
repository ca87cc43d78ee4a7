import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { attendance } from '$lib/attendance/attendance.schema';
import { changeMeetingStatus } from '$lib/meeting/meeting-commands.server';
import { meetings } from '$lib/meeting/meeting.schema';
import { policyAreas } from '$lib/plan/plan.schema';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import type { Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import type { Clock } from '$lib/server/runtime';
import {
	boardPhases,
	canSubmitCard,
	CARD_LIMIT_MAX,
	CARD_TEXT_MAX,
	cardKinds,
	JOIN_CODE_ALPHABET,
	JOIN_CODE_LENGTH,
	TARGET_MAX,
	type BoardPhase,
	type Writer
} from './board';
import { addCard, newBoardId, writeParticipant } from './board-doc';
import { openableProps } from '$lib/objectives/objective-rules';
import { objectiveFields } from '$lib/objectives/objective-template';
import type { BoardHub } from './board-hub.server';
import type { BoardRow } from './board-store.server';
import { boards, pendingCards } from './board.schema';
import { CloseCode } from '$lib/sync/protocol';

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
	update(s, boardId, { open: false, locked: true });
	s.hub.closeConnections(boardId, CloseCode.boardClosed, 'board closed');
}

function update(s: BoardServices, boardId: string, set: Partial<typeof boards.$inferInsert>): void {
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
	.strict();

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
export const openFieldsInput = z.object({ fields: z.array(z.string().max(40)).max(40) }).strict();
export const cardLimitInput = z
	.object({ limit: z.number().int().min(1).max(CARD_LIMIT_MAX) })
	.strict();

export function updateSettings(
	s: BoardServices,
	boardId: string,
	patch: z.output<typeof settingsInput>
): void {
	update(s, boardId, patch);
}

/**
 * Moves the board to another phase (forward or back, SPEC B2). The document as it
 * stood is kept as the snapshot of the phase that ends.
 */
export function changePhase(s: BoardServices, boardId: string, phase: BoardPhase): void {
	const room = s.hub.room(boardId);
	if (room && room.meta.phase !== phase) room.snapshotPhase();
	update(s, boardId, { phase, spotlightCardId: null });
}

/** The timer is an end time on the server's clock, so late joiners see the right time. */
export function setTimer(s: BoardServices, boardId: string, seconds: number | null): void {
	update(s, boardId, { timerEndsAt: seconds === null ? null : s.clock.now() + seconds * 1000 });
}

export function setSpotlight(s: BoardServices, boardId: string, cardId: string | null): void {
	update(s, boardId, { spotlightCardId: cardId });
}

/** Opens objective-card fields to participants (O1); only known fields and card parts. */
export function setOpenFields(s: BoardServices, boardId: string, fields: string[]): void {
	const known = new Set([...objectiveFields.map((f) => f.key), ...openableProps]);
	update(s, boardId, { openFields: [...new Set(fields.filter((f) => known.has(f)))] });
}

/** B13: how many cards each participant may add per phase; the facilitator raises or lowers it. */
export function setCardLimit(s: BoardServices, boardId: string, limit: number): void {
	update(s, boardId, { cardLimit: limit });
}

export function setFollow(s: BoardServices, boardId: string, target: string | null): void {
	update(s, boardId, { follow: target });
}

export const cardInput = z
	.object({
		kind: z.enum(cardKinds),
		text: z.string().trim().min(1).max(CARD_TEXT_MAX),
		target: z.string().trim().max(TARGET_MAX).default(''),
		policyAreaId: z.number().int().positive().nullable().default(null)
	})
	.strict();
export type CardInput = z.output<typeof cardInput>;

export interface SubmittedCard {
	id: string;
	kind: string;
	text: string;
	/** True while the card waits for the reveal or the moderation queue. */
	pending: boolean;
}

/**
 * A card written through the server (HTTP, and every card in anonymous or
 * private mode), under the same rules as the socket (SPEC B4, B7, B8).
 */
export function submitCard(
	s: BoardServices,
	boardId: string,
	writer: Writer,
	input: CardInput
): Result<SubmittedCard, 'forbidden' | 'closed' | 'foreign-policy-area' | 'too-many'> {
	const room = s.hub.room(boardId);
	if (!room) return { ok: false, reason: 'closed' };
	const meta = room.meta;
	if (writer.role === 'observer') return { ok: false, reason: 'forbidden' };
	if (!canSubmitCard(writer, meta)) return { ok: false, reason: 'closed' };
	if (
		writer.role !== 'facilitator' &&
		cardsWritten(s, boardId, writer.participantId) >= meta.cardLimit
	)
		return { ok: false, reason: 'too-many' };
	if (input.policyAreaId !== null && !policyAreaOfBoard(s.db, boardId, input.policyAreaId)) {
		return { ok: false, reason: 'foreign-policy-area' };
	}
	const now = s.clock.now();
	if ((meta.anonymous || meta.privateWriting) && writer.role !== 'facilitator') {
		const id = newBoardId();
		s.db
			.insert(pendingCards)
			.values({
				id,
				boardId,
				participantId: writer.participantId,
				kind: input.kind,
				text: input.text,
				target: input.target,
				policyAreaId: input.policyAreaId,
				anonymous: meta.anonymous,
				private: meta.privateWriting,
				status: meta.privateWriting ? 'waiting' : 'review',
				createdAt: now
			})
			.run();
		return { ok: true, value: { id, kind: input.kind, text: input.text, pending: true } };
	}
	const id = newBoardId();
	const author = authorLine(s.db, writer.participantId);
	room.serverChange(
		(doc) => {
			if (author) writeParticipant(doc, writer.participantId, author);
			addCard(doc, {
				id,
				kind: input.kind,
				text: input.text,
				authorId: writer.participantId,
				target: input.target,
				policyAreaId: input.policyAreaId,
				createdAt: now
			});
		},
		[{ cardId: id, participantId: writer.participantId }]
	);
	return { ok: true, value: { id, kind: input.kind, text: input.text, pending: false } };
}

/** B13: cards a participant added in this phase, on the board or waiting off it. */
function cardsWritten(s: BoardServices, boardId: string, participantId: string): number {
	const room = s.hub.room(boardId)!;
	const waiting = s.db
		.select({ id: pendingCards.id })
		.from(pendingCards)
		.where(
			and(
				eq(pendingCards.boardId, boardId),
				eq(pendingCards.participantId, participantId),
				inArray(pendingCards.status, ['waiting', 'review'])
			)
		)
		.all().length;
	return room.cardsWritten(participantId, room.meta.phase) + waiting;
}

/** A tag must name a policy area of the plan the board's incontro belongs to. */
function policyAreaOfBoard(db: Db, boardId: string, policyAreaId: number): boolean {
	return (
		db
			.select({ id: policyAreas.id })
			.from(boards)
			.innerJoin(meetings, eq(meetings.id, boards.meetingId))
			.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
			.innerJoin(
				policyAreas,
				and(eq(policyAreas.planId, tavoli.planId), eq(policyAreas.id, policyAreaId))
			)
			.where(eq(boards.id, boardId))
			.get() !== undefined
	);
}

/** The name a card written over HTTP shows: its author's line on the foglio firme. */
function authorLine(db: Db, participantId: string) {
	const line = db
		.select({ name: attendance.name, organization: attendance.organizationName })
		.from(attendance)
		.where(eq(attendance.id, participantId))
		.get();
	return line ?? null;
}

type PendingRow = typeof pendingCards.$inferSelect;

function publish(s: BoardServices, boardId: string, card: PendingRow): void {
	const id = newBoardId();
	const author = card.anonymous ? null : authorLine(s.db, card.participantId);
	s.hub.serverChange(
		boardId,
		(doc) => {
			if (author) writeParticipant(doc, card.participantId, author);
			addCard(doc, {
				id,
				kind: card.kind,
				text: card.text,
				authorId: card.anonymous ? null : card.participantId,
				target: card.target,
				policyAreaId: card.policyAreaId,
				createdAt: s.clock.now()
			});
		},
		[{ cardId: id, participantId: card.participantId }]
	);
	s.db.update(pendingCards).set({ status: 'published' }).where(eq(pendingCards.id, card.id)).run();
}

/**
 * Reveals private cards (B8): named ones go on the board at once, anonymous ones
 * join the moderation queue. Returns how many went on the board.
 */
export function revealPrivate(s: BoardServices, boardId: string): number {
	const waiting = s.db
		.select()
		.from(pendingCards)
		.where(and(eq(pendingCards.boardId, boardId), eq(pendingCards.status, 'waiting')))
		.orderBy(asc(pendingCards.createdAt))
		.all();
	let published = 0;
	for (const card of waiting) {
		if (card.anonymous) {
			s.db.update(pendingCards).set({ status: 'review' }).where(eq(pendingCards.id, card.id)).run();
		} else {
			publish(s, boardId, card);
			published++;
		}
	}
	return published;
}

/** The facilitator's moderation queue (B7): anonymous cards, text only, no author. */
export function moderationQueue(db: Db, boardId: string) {
	return db
		.select({
			id: pendingCards.id,
			kind: pendingCards.kind,
			text: pendingCards.text,
			target: pendingCards.target,
			createdAt: pendingCards.createdAt
		})
		.from(pendingCards)
		.where(and(eq(pendingCards.boardId, boardId), eq(pendingCards.status, 'review')))
		.orderBy(asc(pendingCards.createdAt))
		.all();
}

export function moderate(
	s: BoardServices,
	boardId: string,
	pendingId: string,
	approve: boolean
): boolean {
	const card = s.db
		.select()
		.from(pendingCards)
		.where(
			and(
				eq(pendingCards.boardId, boardId),
				eq(pendingCards.id, pendingId),
				eq(pendingCards.status, 'review')
			)
		)
		.get();
	if (!card) return false;
	if (approve) publish(s, boardId, card);
	else
		s.db.update(pendingCards).set({ status: 'rejected' }).where(eq(pendingCards.id, card.id)).run();
	return true;
}

/** A participant's own cards that are not on the board yet (only they receive them). */
export function ownPendingCards(db: Db, boardId: string, participantId: string) {
	return db
		.select({
			id: pendingCards.id,
			kind: pendingCards.kind,
			text: pendingCards.text,
			status: pendingCards.status
		})
		.from(pendingCards)
		.where(and(eq(pendingCards.boardId, boardId), eq(pendingCards.participantId, participantId)))
		.orderBy(asc(pendingCards.createdAt))
		.all()
		.filter((c) => c.status !== 'published');
}

export function boardOfMeeting(db: Db, meetingId: number): BoardRow | undefined {
	return db.select().from(boards).where(eq(boards.meetingId, meetingId)).get();
}
