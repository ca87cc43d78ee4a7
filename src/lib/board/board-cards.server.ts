import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { attendance } from '$lib/attendance/attendance.schema';
import { meetings } from '$lib/meeting/meeting.schema';
import { policyAreas } from '$lib/plan/plan.schema';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { preparedOnce, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { canSubmitCard, CARD_TEXT_MAX, cardKinds, TARGET_MAX, type Writer } from './board';
import type { BoardServices } from './board-commands.server';
import { addCard, newBoardId, writeParticipant } from './board-doc';
import { facilitators, onlyParticipant } from './board-room.server';
import { boards, pendingCards } from './board.schema';

/**
 * Cards written through the server rather than the socket (SPEC B4, B7, B8,
 * B13): over HTTP, and every card in anonymous or private mode, which waits in
 * \`pending_cards\` until the reveal or the moderation queue publishes it.
 */
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
		tellPending(s, boardId, [writer.participantId]);
		if (!meta.privateWriting) tellModeration(s, boardId);
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

/** Every card over HTTP runs the two below: built once (preparedOnce). */
const waitingCards = preparedOnce((db) =>
	db
		.select({ id: pendingCards.id })
		.from(pendingCards)
		.where(
			and(
				eq(pendingCards.boardId, sql.placeholder('boardId')),
				eq(pendingCards.participantId, sql.placeholder('participantId')),
				inArray(pendingCards.status, ['waiting', 'review'])
			)
		)
		.prepare()
);
const lineName = preparedOnce((db) =>
	db
		.select({ name: attendance.name, organization: attendance.organizationName })
		.from(attendance)
		.where(eq(attendance.id, sql.placeholder('participantId')))
		.prepare()
);

/** B13: cards a participant added in this phase, on the board or waiting off it. */
function cardsWritten(s: BoardServices, boardId: string, participantId: string): number {
	const room = s.hub.room(boardId)!;
	const waiting = waitingCards(s.db).all({ boardId, participantId }).length;
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
	return lineName(db).get({ participantId }) ?? null;
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
	tellPending(
		s,
		boardId,
		waiting.map((c) => c.participantId)
	);
	if (waiting.some((c) => c.anonymous)) tellModeration(s, boardId);
	return published;
}

/** The facilitator's moderation queue (B7): anonymous cards, text only, no author. */
const reviewQueue = preparedOnce((db) =>
	db
		.select({
			id: pendingCards.id,
			kind: pendingCards.kind,
			text: pendingCards.text,
			target: pendingCards.target,
			createdAt: pendingCards.createdAt
		})
		.from(pendingCards)
		.where(
			and(eq(pendingCards.boardId, sql.placeholder('boardId')), eq(pendingCards.status, 'review'))
		)
		.orderBy(asc(pendingCards.createdAt))
		.prepare()
);

/** Cards waiting for moderation; every facilitator's board answer carries them (built once). */
export function moderationQueue(db: Db, boardId: string) {
	return reviewQueue(db).all({ boardId });
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
	tellPending(s, boardId, [card.participantId]);
	tellModeration(s, boardId);
	return true;
}

const pendingOf = preparedOnce((db) =>
	db
		.select({
			id: pendingCards.id,
			kind: pendingCards.kind,
			text: pendingCards.text,
			status: pendingCards.status
		})
		.from(pendingCards)
		.where(
			and(
				eq(pendingCards.boardId, sql.placeholder('boardId')),
				eq(pendingCards.participantId, sql.placeholder('participantId'))
			)
		)
		.orderBy(asc(pendingCards.createdAt))
		.prepare()
);

/**
 * A participant's own cards that are not on the board yet (only they receive them).
 * Every board answer carries them: the query is built once (preparedOnce).
 */
export function ownPendingCards(db: Db, boardId: string, participantId: string) {
	return pendingOf(db)
		.all({ boardId, participantId })
		.filter((c) => c.status !== 'published');
}

/** B16 (`BoardSignal` in board-api.ts): each participant's pages hear their own waiting cards, and nobody else's. */
function tellPending(s: BoardServices, boardId: string, participantIds: string[]): void {
	for (const participantId of new Set(participantIds))
		s.hub.signal(boardId, onlyParticipant(participantId), () => ({
			topic: 'pending',
			cards: ownPendingCards(s.db, boardId, participantId)
		}));
}

/** B16: the facilitators' pages hear the moderation queue whenever it changes. */
function tellModeration(s: BoardServices, boardId: string): void {
	s.hub.signal(boardId, facilitators, () => ({
		topic: 'moderation',
		items: moderationQueue(s.db, boardId)
	}));
}
