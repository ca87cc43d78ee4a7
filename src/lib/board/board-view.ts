import { phaseOrder, type BoardPhase } from './board';
import type { BoardView, CardView, ClusterView } from './board-doc';

/**
 * What the board's screens show, computed from the plain board view: cards
 * grouped by cluster, author labels, the originals of a merged card, the phases
 * next to the current one. Pure: no Yjs, no DOM.
 */
export interface ClusterGroup {
	cluster: ClusterView;
	cards: CardView[];
}

export interface GroupedCards {
	/** Cards in no cluster, or in a cluster that was deleted meanwhile. */
	unclustered: CardView[];
	clusters: ClusterGroup[];
}

/** Visible cards by cluster, oldest first; originals merged into another card are left out. */
export function groupCards(view: Pick<BoardView, 'cards' | 'clusters'>): GroupedCards {
	const visible = view.cards.filter((c) => !c.mergedInto);
	const known = new Set(view.clusters.map((c) => c.id));
	return {
		unclustered: visible.filter((c) => !c.clusterId || !known.has(c.clusterId)),
		clusters: view.clusters.map((cluster) => ({
			cluster,
			cards: visible.filter((c) => c.clusterId === cluster.id)
		}))
	};
}

/**
 * "Nome (Organizzazione)", or the name alone without an organisation. Null in
 * anonymous mode (B7: no author is shown at all) and for unknown authors.
 */
export function authorLabel(
	view: Pick<BoardView, 'participants' | 'meta'>,
	authorId: string | null
): string | null {
	if (view.meta.anonymous || !authorId) return null;
	const who = view.participants[authorId];
	if (!who) return null;
	return who.organization ? `${who.name} (${who.organization})` : who.name;
}

/** The cards a merged card was made of, each with its author label, in merge order. */
export function originalsOf(
	view: Pick<BoardView, 'cards' | 'participants' | 'meta'>,
	card: CardView
): { card: CardView; author: string | null }[] {
	const byId = new Map(view.cards.map((c) => [c.id, c]));
	return card.mergedFrom
		.map((id) => byId.get(id))
		.filter((c): c is CardView => c !== undefined)
		.map((c) => ({ card: c, author: authorLabel(view, c.authorId) }));
}

/** The phases before and after the current one (going back is allowed, B2). */
export function neighbourPhases(phase: BoardPhase): {
	previous: BoardPhase | null;
	next: BoardPhase | null;
} {
	const i = phaseOrder.indexOf(phase);
	return { previous: phaseOrder[i - 1] ?? null, next: phaseOrder[i + 1] ?? null };
}

/** A short one-line preview of a card's text, for labels and option lists. */
export function preview(text: string, max = 40): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The board as GET /api/boards/:id gives it, turned into the same view the document yields. */
export interface CardJson extends CardView {
	author: { name: string; organization: string } | null;
}

export function viewFromJson(json: {
	cards: CardJson[];
	clusters: ClusterView[];
	meta: BoardView['meta'];
}): BoardView {
	const participants: BoardView['participants'] = {};
	const cards = json.cards.map(({ author, ...card }) => {
		if (author && card.authorId) participants[card.authorId] = author;
		return card;
	});
	return { meta: json.meta, cards, clusters: json.clusters, participants };
}
