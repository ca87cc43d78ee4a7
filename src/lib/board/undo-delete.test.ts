import { describe, expect, it } from 'vitest';
import { defaultMeta, type BoardView, type CardView } from './board-doc';
import { withoutPending } from './undo-delete';

const card = (id: string, clusterId: string | null): CardView => ({
	id,
	kind: 'need',
	text: `Scheda ${id}`,
	authorId: 'p1',
	clusterId,
	target: '',
	policyAreaId: null,
	createdAt: 1,
	mergedInto: null,
	mergedFrom: []
});

const view: BoardView = {
	meta: defaultMeta,
	cards: [card('a', 'k1'), card('b', 'k1'), card('c', null)],
	clusters: [
		{ id: 'k1', title: 'Trasporti', createdAt: 1, cardIds: ['a', 'b'] },
		{ id: 'k2', title: 'Casa', createdAt: 2, cardIds: [] }
	],
	participants: {}
};

describe('a delete waiting for its undo window', () => {
	it('changes nothing when nothing waits', () => {
		expect(withoutPending(view, [])).toBe(view);
	});

	it('hides a card, from its cluster too', () => {
		const next = withoutPending(view, [{ kind: 'card', id: 'a', label: 'Scheda a' }]);
		expect(next.cards.map((c) => c.id)).toEqual(['b', 'c']);
		expect(next.clusters[0]!.cardIds).toEqual(['b']);
	});

	it('hides a cluster and shows its cards in no cluster, as the delete will', () => {
		const next = withoutPending(view, [{ kind: 'cluster', id: 'k1', label: 'Trasporti' }]);
		expect(next.clusters.map((c) => c.id)).toEqual(['k2']);
		expect(next.cards.map((c) => c.clusterId)).toEqual([null, null, null]);
	});

	it('leaves the document view it was given untouched', () => {
		withoutPending(view, [{ kind: 'cluster', id: 'k1', label: 'Trasporti' }]);
		expect(view.cards[0]!.clusterId).toBe('k1');
	});
});
