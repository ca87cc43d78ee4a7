import type { BoardJson } from './board-api';
import { readBoard } from './board-doc';
import { type BoardServices } from './board-commands.server';
import { moderationQueue, ownPendingCards } from './board-cards.server';
import type { Participant } from './board-room.server';
import type { BoardRow } from './board-store.server';

/**
 * The board as one visitor may see it (GET /api/boards/:id): exactly what the
 * socket gives them, plus their own cards that are not on the board yet and, for
 * facilitators, the moderation queue (text only). Anonymous cards carry no author.
 */
export function boardJson(
	s: BoardServices,
	board: BoardRow,
	participant: Participant
): BoardJson | null {
	const room = s.hub.room(board.id);
	if (!room) return null;
	const view = readBoard(room.doc);
	const isFacilitator = participant.writer.role === 'facilitator';
	return {
		boardId: board.id,
		meetingId: board.meetingId,
		open: board.open,
		phase: view.meta.phase,
		settings: {
			locked: view.meta.locked,
			anonymous: view.meta.anonymous,
			privateWriting: view.meta.privateWriting,
			participantsCanCluster: view.meta.participantsCanCluster
		},
		timerEndsAt: view.meta.timerEndsAt,
		spotlightCardId: view.meta.spotlightCardId,
		follow: view.meta.follow,
		roundId: view.meta.roundId,
		openFields: view.meta.openFields,
		cardLimit: view.meta.cardLimit,
		serverNow: s.clock.now(),
		me: {
			participantId: participant.writer.participantId,
			role: participant.writer.role,
			name: participant.name
		},
		joinCode: isFacilitator ? board.joinCode : undefined,
		cards: view.cards.map((c) => ({
			...c,
			author: c.authorId ? (view.participants[c.authorId] ?? null) : null
		})),
		clusters: view.clusters,
		pending: ownPendingCards(s.db, board.id, participant.writer.participantId),
		moderation: isFacilitator ? moderationQueue(s.db, board.id) : undefined
	};
}
