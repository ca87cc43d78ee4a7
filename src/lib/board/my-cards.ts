import type { CardKind } from './board';
import type { PendingCard } from './board-api';
import type { BoardView, CardView } from './board-doc';

/**
 * "Le mie schede" (issue 13): the cards one person wrote and where each is now —
 * on the board, in a cluster, merged with others, or still off the board,
 * waiting for the reveal or the moderation queue. Pure: from the board as the
 * person sees it and their cards waiting on the server.
 */
export type MyCardState =
	| { kind: 'board' }
	| { kind: 'cluster'; title: string }
	| { kind: 'merged'; title: string | null }
	| { kind: 'waiting' | 'review' | 'rejected' | 'published' };

export interface MyCard {
	id: string;
	kind: CardKind;
	text: string;
	state: MyCardState;
	/** The card to show on the board (a merged card, for an original), if it is there. */
	boardCardId: string | null;
}

export function myCards(
	view: Pick<BoardView, 'cards' | 'clusters'>,
	pending: readonly PendingCard[],
	participantId: string
): MyCard[] {
	const cards = new Map(view.cards.map((c) => [c.id, c]));
	const titles = new Map(view.clusters.map((c) => [c.id, c.title]));
	const title = (card: CardView | undefined) =>
		card?.clusterId ? (titles.get(card.clusterId) ?? null) : null;
	const mine = view.cards.filter((c) => c.authorId === participantId && !c.mergedFrom.length);
	const onBoard = mine.map((card): MyCard => {
		const merged = card.mergedInto ? cards.get(card.mergedInto) : undefined;
		const cluster = title(card);
		const state: MyCardState = card.mergedInto
			? { kind: 'merged', title: title(merged) }
			: cluster
				? { kind: 'cluster', title: cluster }
				: { kind: 'board' };
		const { id, kind, text } = card;
		return { id, kind, text, state, boardCardId: card.mergedInto ? (merged?.id ?? null) : id };
	});
	// A revealed card reaches the board under a new id; named, it is listed above already.
	// The board can show it a moment before the server's list says "published": each
	// card of mine on the board stands for one waiting card with its kind and text.
	const unmatched = [...mine];
	const onTheBoard = (p: PendingCard) => {
		const i = unmatched.findIndex((c) => c.kind === p.kind && c.text === p.text);
		if (i >= 0) unmatched.splice(i, 1);
		return i >= 0;
	};
	const offBoard = pending
		.filter((p) => p.status === 'rejected' || !onTheBoard(p))
		.map(({ id, kind, text, status }): MyCard => ({
			id,
			kind,
			text,
			state: { kind: status },
			boardCardId: null
		}));
	return [...offBoard, ...onBoard];
}
