import type * as Y from 'yjs';
import type { Db } from '$lib/server/db/database';
import type { Clock } from '$lib/server/runtime';
import { writeMeta } from './board-doc';
import { getBoard, metaOf, openBoardsOn } from './board-store.server';
import type { PolicyRegistry } from '$lib/sync/policy';
import { BoardRoom, type Audience, type Participant, type SyncSocket } from './board-room.server';
import type { BoardWriteContext } from './board-write-context';
import { CloseCode } from '$lib/sync/protocol';
import type { DocumentStore } from '$lib/sync/document-store';
import { BoardDocumentStore, type CardRecord } from './board-document-store.server';

const IDLE_UNLOAD_MS = 60_000;

/**
 * The boards held in memory, loaded on first use (today's open ones at start)
 * and unloaded a minute after the last connection leaves. Commands and the sync server reach rooms only here.
 */
export class BoardHub {
	private readonly rooms = new Map<string, BoardRoom>();
	private readonly idle = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(
		private readonly db: Db,
		private readonly clock: Clock,
		/** The rules of each root of a board's document (composed in live-session). */
		private readonly policies: PolicyRegistry<BoardWriteContext>,
		/** Where the rooms store their documents: the writer thread's store in the app. */
		private readonly store: DocumentStore<CardRecord> = BoardDocumentStore.of(db)
	) {}

	/** The room of an existing board, loaded if needed. */
	room(boardId: string): BoardRoom | undefined {
		const loaded = this.rooms.get(boardId);
		if (loaded) return loaded;
		const board = getBoard(this.db, boardId);
		if (!board) return undefined;
		const room = new BoardRoom(
			this.db,
			this.clock,
			boardId,
			metaOf(board),
			this.policies,
			this.store
		);
		this.rooms.set(boardId, room);
		this.scheduleUnload(boardId);
		return room;
	}

	/**
	 * Loads the boards of the incontri open on `day` (a start after a restart):
	 * the first newcomer finds them in memory. They stay until their last
	 * connection leaves, then go a minute later like any board.
	 */
	warmUp(day: string): string[] {
		const warmed = openBoardsOn(this.db, day).filter((boardId) => this.room(boardId));
		for (const boardId of warmed) this.cancelUnload(boardId);
		return warmed;
	}

	/** The boards in memory now. */
	loadedBoards(): string[] {
		return [...this.rooms.keys()];
	}

	connect(boardId: string, socket: SyncSocket, participant: Participant) {
		const room = this.room(boardId);
		if (!room) {
			socket.close(CloseCode.boardClosed, 'no such board');
			return { onMessage: () => undefined, onClose: () => undefined };
		}
		this.cancelUnload(boardId);
		const handlers = room.connect(socket, participant);
		return {
			onMessage: handlers.onMessage,
			onClose: () => {
				handlers.onClose();
				if (room.connectionCount === 0) this.scheduleUnload(boardId);
			}
		};
	}

	/** Mirrors the board's settings row into its document (after a command changed them). */
	refreshMeta(boardId: string): void {
		const board = getBoard(this.db, boardId);
		const room = this.room(boardId);
		if (!board || !room) return;
		room.serverChange((doc) => writeMeta(doc, metaOf(board)));
	}

	serverChange(
		boardId: string,
		change: (doc: Y.Doc) => void,
		cards?: { cardId: string; participantId: string | null }[]
	): void {
		this.room(boardId)?.serverChange(change, cards);
	}

	/** SPEC J7: one participant's cards, waiting cards and client ids become another's (BoardRoom.reassignParticipant). */
	reassignParticipant(
		boardId: string,
		from: string,
		into: { participantId: string; name: string; organization: string }
	): void {
		this.room(boardId)?.reassignParticipant(from, into);
	}

	/**
	 * SPEC B16: news outside the document to the board's connections `to`
	 * accepts. A board not in memory has no connection: nothing is loaded, read
	 * or sent.
	 */
	signal(boardId: string, to: Audience, payload: () => unknown): number {
		return this.rooms.get(boardId)?.signal(to, payload) ?? 0;
	}

	/** `signal`, once within `delayMs` however often asked meanwhile (BoardRoom.signalSoon). */
	signalSoon(boardId: string, key: string, delayMs: number, send: () => void): void {
		this.rooms.get(boardId)?.signalSoon(key, delayMs, send);
	}

	closeConnections(boardId: string, code: number, reason: string, participantId?: string): void {
		this.rooms.get(boardId)?.closeConnections(code, reason, participantId);
	}

	private scheduleUnload(boardId: string): void {
		this.cancelUnload(boardId);
		const timer = setTimeout(() => {
			const room = this.rooms.get(boardId);
			if (!room || room.connectionCount > 0) return;
			room.destroy();
			this.rooms.delete(boardId);
			this.idle.delete(boardId);
		}, IDLE_UNLOAD_MS);
		timer.unref();
		this.idle.set(boardId, timer);
	}

	private cancelUnload(boardId: string): void {
		const timer = this.idle.get(boardId);
		if (timer) clearTimeout(timer);
		this.idle.delete(boardId);
	}

	/** Shutdown: store and compact every board, then close the sockets. */
	close(): void {
		for (const [boardId, room] of this.rooms) {
			this.cancelUnload(boardId);
			room.closeConnections(CloseCode.serverStopping, 'server stopping');
			room.destroy();
		}
		this.rooms.clear();
	}
}
