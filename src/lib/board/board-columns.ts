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

export function boardColumns(
	groups: GroupedCards,
	shown: ReadonlySet<CardKind>,
	tag: CardTag | null = null
): BoardColumn[] {
	const column = (cluster: ClusterView | null, cards: CardView[]): BoardColumn => ({
		cluster,
		cards: cards.filter((c) => shown.has(c.kind) && (!tag || hasTag(c, tag))),
		total: cards.length
	});
	return [
		column(null, groups.unclustered),
		...groups.clusters.map((g) => column(g.cluster, g.cards))
	];
}

/** A card's tags beside its kind: the policy area and the target group (docs/BOARD.md). */
export type CardTag = { kind: 'area'; id: number } | { kind: 'target'; value: string };

export function hasTag(card: CardView, tag: CardTag): boolean {
	return tag.kind === 'area'
		? card.policyAreaId === tag.id
		: card.target.trim().toLowerCase() === tag.value.toLowerCase();
}

/** A tag as one string, for a select's value. */
export function tagKey(tag: CardTag): string {
	return tag.kind === 'area' ? `area:${tag.id}` : `target:${tag.value}`;
}

/**
 * The tags the visible cards carry, each once, for the tag filter: the policy areas
 * first, then the target groups (written by hand, so compared without case), by name.
 */
export function cardTags(groups: GroupedCards): CardTag[] {
	const cards = [...groups.unclustered, ...groups.clusters.flatMap((g) => g.cards)];
	const areas = [...new Set(cards.map((c) => c.policyAreaId).filter((id) => id !== null))];
	const targets = new Map<string, string>();
	for (const card of cards) {
		const target = card.target.trim();
		if (target && !targets.has(target.toLowerCase())) targets.set(target.toLowerCase(), target);
	}
	return [
		...areas.sort((a, b) => a - b).map((id): CardTag => ({ kind: 'area', id })),
		...[...targets.values()]
			.sort((a, b) => a.localeCompare(b, 'it'))
			.map((value): CardTag => ({ kind: 'target', value }))
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
 * SPEC B14: the phase's own tools on the facilitator's board, what the phase lets
 * a participant do (B4–B6), with every setting open. A facilitator may do anything
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
 * SPEC B15: the cards a move of `cardId` takes, the whole marked set when the card is one of
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
