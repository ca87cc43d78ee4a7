import type { CardKind } from './board';
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
