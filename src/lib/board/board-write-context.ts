import type * as Y from 'yjs';
import { refuse, type Refused } from '$lib/sync/policy';
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
	/** Who claimed a Yjs client id: a participant, 'server', or undefined when nobody has. */
	clientOwner(clientId: number): string | undefined;
	/**
	 * The text of a merged card split a moment ago (SplitTexts), for a merge made
	 * at the same time that took it; undefined for any other card.
	 */
	splitText(cardId: string): string | undefined;
}

/**
 * B13: a participant's new entries of a root map refused past `bound` written
 * over the board's life, removed ones included. Yjs keeps a removed key's item
 * (its content collected) and the item's id names the client that wrote it, so
 * entries created and removed in a loop, which grow the document every newcomer
 * loads, count as much as live ones. Facilitators are bounded by the board's totals.
 */
export function checkWrittenBound(
	ctx: BoardWriteContext,
	root: string,
	created: number,
	bound: number,
	what: string
): Refused | null {
	const { participantId, role } = ctx.writer;
	if (role === 'facilitator') return null;
	let written = created;
	for (const item of ctx.doc.getMap(root)._map.values())
		if (ctx.clientOwner(item.id.client) === participantId) written++;
	if (written <= bound) return null;
	return refuse('too-many', `at most ${bound} ${what} each on a board, removed ones included`);
}
