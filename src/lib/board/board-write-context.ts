import type * as Y from 'yjs';
import type { BoardPhase, Writer } from './board';
import type { BoardMeta } from './board-doc';

/**
 * What the board's policies know when they judge a client's update: the
 * document as it is, the writer, the settings the server holds, and the
 * server's own records of who wrote what (SPEC B9, B13).
 */
export interface BoardWriteContext {
	doc: Y.Doc;
	writer: Writer;
	settings: Readonly<BoardMeta>;
	/** The participant who wrote a card, from the server's records (null: the server). */
	cardOwner(cardId: string): string | null;
	/** Cards a participant added in a phase (B13). */
	cardsWritten(participantId: string, phase: BoardPhase): number;
	cardCount: number;
	/** The policy areas of the board's plan: the only ones a card may be tagged with. */
	policyAreaIds: ReadonlySet<number>;
	/**
	 * The text of a merged card split a moment ago (SplitTexts), for a merge made
	 * at the same time that took it; undefined for any other card.
	 */
	splitText(cardId: string): string | undefined;
}
