import type { BoardView } from './board-doc';

/**
 * Deleting a card or a cluster can be undone for a few seconds (issue 13). A card
 * id is never used twice (docs/BOARD.md), so an undo cannot put a deleted card
 * back under its id, and a copy under a new id would count as a new card and
 * lose its place: the delete itself waits until the window passes. Meanwhile
 * the person who deleted no longer sees the item; everyone else still does.
 */
export const UNDO_WINDOW_MS = 6000;

export interface PendingDelete {
	kind: 'card' | 'cluster';
	id: string;
	/** What the notice names: a card's text (short) or a cluster's title. */
	label: string;
}

/**
 * The board as it will be once the pending deletes are done: those cards gone,
 * those clusters gone and their cards in no cluster (as board-doc's deleteCluster
 * leaves them). The same view object when nothing is pending.
 */
export function withoutPending(view: BoardView, pending: readonly PendingDelete[]): BoardView {
	if (pending.length === 0) return view;
	const cards = new Set(pending.filter((p) => p.kind === 'card').map((p) => p.id));
	const clusters = new Set(pending.filter((p) => p.kind === 'cluster').map((p) => p.id));
	return {
		...view,
		cards: view.cards
			.filter((c) => !cards.has(c.id))
			.map((c) => (c.clusterId && clusters.has(c.clusterId) ? { ...c, clusterId: null } : c)),
		clusters: view.clusters
			.filter((c) => !clusters.has(c.id))
			.map((c) => ({ ...c, cardIds: c.cardIds.filter((id) => !cards.has(id)) }))
	};
}
