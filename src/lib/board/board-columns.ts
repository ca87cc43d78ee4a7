import {
	canCluster,
	canEditCard,
	canSubmitCard,
	type BoardPhase,
	type BoardSettings,
	type CardKind,
	type Writer
} from './board';
import type { CardView, ClusterView } from './board-doc';
import type { GroupedCards } from './board-view';

/**
 * The facilitator's board as columns (issue 13): the cards in no cluster first,
 * then one column per cluster, each holding the cards of the kinds shown. Pure.
 */
export interface BoardColumn {
	/** Null for the cards in no cluster. */
	cluster: ClusterView | null;
	cards: CardView[];
	/** Cards in the column, the hidden kinds included. */
	total: number;
}

export function boardColumns(groups: GroupedCards, shown: ReadonlySet<CardKind>): BoardColumn[] {
	const column = (cluster: ClusterView | null, cards: CardView[]): BoardColumn => ({
		cluster,
		cards: cards.filter((c) => shown.has(c.kind)),
		total: cards.length
	});
	return [
		column(null, groups.unclustered),
		...groups.clusters.map((g) => column(g.cluster, g.cards))
	];
}

/**
 * The cluster id of the column `step` places from the card's own (−1 left, +1
 * right), `undefined` past either end. Null is the column of cards in no cluster.
 */
export function neighbourColumn(
	columns: readonly BoardColumn[],
	clusterId: string | null,
	step: number
): string | null | undefined {
	const at = columns.findIndex((c) => (c.cluster?.id ?? null) === clusterId);
	const next = columns[(at < 0 ? 0 : at) + step];
	return next ? (next.cluster?.id ?? null) : undefined;
}

/** How many visible cards of each kind, for the filter buttons. */
export function countByKind(groups: GroupedCards): Record<CardKind, number> {
	const counts: Record<CardKind, number> = {
		need: 0,
		problem: 0,
		resource: 0,
		proposal: 0,
		question: 0
	};
	for (const card of [...groups.unclustered, ...groups.clusters.flatMap((g) => g.cards)])
		counts[card.kind] += 1;
	return counts;
}

/** What the facilitator's board offers in a phase (issue 13). */
export interface BoardTools {
	/** Write new cards: the composer. */
	compose: boolean;
	/** Edit and delete a card's text and kind. */
	edit: boolean;
	/** Clusters, moves (drag, Shift+←/→, «Sposta in»), merges and splits. */
	cluster: boolean;
}

/**
 * The phase's own tools on the facilitator's board: what the phase lets a
 * participant do (B4–B6), with every setting open. A facilitator may do anything
 * at any time (B3), but a tool of another phase is one more control to read past;
 * spotlight and moderation are the facilitator's own and always there.
 */
export function phaseTools(phase: BoardPhase): BoardTools {
	const settings: BoardSettings = {
		phase,
		locked: false,
		anonymous: false,
		privateWriting: false,
		participantsCanCluster: true
	};
	const participant: Writer = { role: 'participant', participantId: 'p' };
	return {
		compose: canSubmitCard(participant, settings),
		edit: canEditCard(participant, settings, participant.participantId),
		cluster: canCluster(participant, settings)
	};
}

/**
 * The cards a move of `cardId` takes: the whole marked set when the card is one of
 * it (a drag or «Sposta in» of a selection), else the card alone.
 */
export function cardsToMove(cardId: string, marked: readonly string[]): string[] {
	return marked.includes(cardId) ? [cardId, ...marked.filter((id) => id !== cardId)] : [cardId];
}

/**
 * The one card of a column reached by Tab (roving tabindex): the last one focused
 * there while it is still in the column, else the first. Null for an empty column.
 */
export function tabStop(column: BoardColumn, last: string | undefined): string | null {
	if (last && column.cards.some((c) => c.id === last)) return last;
	return column.cards[0]?.id ?? null;
}
