import { and, eq, inArray, or } from 'drizzle-orm';
import { readBoard, writeParticipant } from '$lib/board/board-doc';
import type { BoardHub } from '$lib/board/board-hub.server';
import { boardCards, boards, pendingCards } from '$lib/board/board.schema';
import { CloseCode } from '$lib/sync/protocol';
import { meetings } from '$lib/meeting/meeting.schema';
import { minutesComments } from '$lib/minutes/minutes.schema';
import { inTransaction, type Db } from '$lib/server/db/database';
import { attendance, guestSessions } from './attendance.schema';

/**
 * What Tavoli holds about one participant of an incontro (a line of the foglio
 * firme), and its erasure (SPEC J5). The cards they wrote stay on the board as
 * the tavolo's work, but no longer name them anywhere.
 */
export function exportParticipant(db: Db, hub: BoardHub, attendanceId: string) {
	const line = db.select().from(attendance).where(eq(attendance.id, attendanceId)).get();
	if (!line) return undefined;
	const meeting = db
		.select({ title: meetings.title, date: meetings.date })
		.from(meetings)
		.where(eq(meetings.id, line.meetingId))
		.get();
	const board = db
		.select({ id: boards.id })
		.from(boards)
		.where(eq(boards.meetingId, line.meetingId))
		.get();
	const room = board ? hub.room(board.id) : undefined;
	// The cards the room accepted are all stored before they are read (the
	// writer thread may still be committing the last ones).
	room?.flush();
	const owned = board
		? db
				.select({ cardId: boardCards.cardId })
				.from(boardCards)
				.where(and(eq(boardCards.boardId, board.id), eq(boardCards.participantId, attendanceId)))
				.all()
		: [];
	const onBoard = room ? readBoard(room.doc).cards : [];
	return {
		meeting,
		attendance: {
			name: line.name,
			organization: line.organizationName,
			joinedAt: new Date(line.joinedAt).toISOString(),
			consentAt: line.consentAt ? new Date(line.consentAt).toISOString() : null,
			source: line.source,
			removed: line.removedAt !== null
		},
		cards: owned.map(({ cardId }) => {
			const card = onBoard.find((c) => c.id === cardId);
			return { id: cardId, kind: card?.kind ?? null, text: card?.text ?? null };
		}),
		pendingCards: db
			.select({ kind: pendingCards.kind, text: pendingCards.text, status: pendingCards.status })
			.from(pendingCards)
			.where(eq(pendingCards.participantId, attendanceId))
			.all(),
		// Like cards, comments on the verbale stay after an erasure, without a name.
		minutesComments: db
			.select({ section: minutesComments.section, text: minutesComments.text })
			.from(minutesComments)
			.where(eq(minutesComments.participantId, attendanceId))
			.all()
	};
}

export function eraseParticipant(
	db: Db,
	hub: BoardHub,
	attendanceId: string,
	now: number
): boolean {
	const line = db.select().from(attendance).where(eq(attendance.id, attendanceId)).get();
	if (!line) return false;
	inTransaction(db, () => {
		db.update(attendance)
			.set({
				name: '',
				organizationName: '',
				organizationId: null,
				personId: null,
				userId: null,
				removedAt: line.removedAt ?? now,
				updatedAt: now
			})
			.where(eq(attendance.id, attendanceId))
			.run();
		db.delete(guestSessions).where(eq(guestSessions.attendanceId, attendanceId)).run();
		db.delete(pendingCards)
			.where(
				and(
					eq(pendingCards.participantId, attendanceId),
					or(
						eq(pendingCards.status, 'waiting'),
						eq(pendingCards.status, 'review'),
						eq(pendingCards.status, 'rejected')
					)
				)
			)
			.run();
	});
	const board = db
		.select({ id: boards.id })
		.from(boards)
		.where(eq(boards.meetingId, line.meetingId))
		.get();
	if (board) {
		hub.serverChange(board.id, (doc) =>
			writeParticipant(doc, attendanceId, { name: '', organization: '' })
		);
		hub.closeConnections(board.id, CloseCode.removed, 'data erased', attendanceId);
	}
	return true;
}

/** The lines of the foglio firme that belong to a person of the directory or their account. */
export function linesOfPerson(db: Db, personId: number, userIds: number[]): string[] {
	const byUser = userIds.length ? inArray(attendance.userId, userIds) : undefined;
	return db
		.select({ id: attendance.id })
		.from(attendance)
		.where(
			byUser ? or(eq(attendance.personId, personId), byUser) : eq(attendance.personId, personId)
		)
		.all()
		.map((r) => r.id);
}
