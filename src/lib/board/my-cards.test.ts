import { describe, expect, it } from 'vitest';
import type { CardView } from './board-doc';
import { myCards } from './my-cards';

const card = (id: string, over: Partial<CardView> = {}): CardView => ({
	id,
	kind: 'need',
	text: `Scheda ${id}`,
	authorId: 'me',
	clusterId: null,
	target: '',
	policyAreaId: null,
	createdAt: 1,
	mergedInto: null,
	mergedFrom: [],
	...over
});
const clusters = [{ id: 'k1', title: 'Trasporti', createdAt: 1, cardIds: [] }];

describe('my cards and where they are', () => {
	it('lists only what I wrote, with its place on the board', () => {
		const view = {
			clusters,
			cards: [
				card('a'),
				card('b', { clusterId: 'k1' }),
				card('c', { authorId: 'other' }),
				card('d', { clusterId: 'gone' })
			]
		};
		expect(myCards(view, [], 'me')).toEqual([
			{ id: 'a', kind: 'need', text: 'Scheda a', state: { kind: 'board' }, boardCardId: 'a' },
			{
				id: 'b',
				kind: 'need',
				text: 'Scheda b',
				state: { kind: 'cluster', title: 'Trasporti' },
				boardCardId: 'b'
			},
			{ id: 'd', kind: 'need', text: 'Scheda d', state: { kind: 'board' }, boardCardId: 'd' }
		]);
	});

	it('a merged card points at the card that holds it, and its cluster', () => {
		const view = {
			clusters,
			cards: [
				card('a', { mergedInto: 'm' }),
				card('m', { mergedFrom: ['a', 'x'], clusterId: 'k1' }),
				card('n', { mergedInto: 'lost' })
			]
		};
		const [a, n] = myCards(view, [], 'me');
		expect(a).toMatchObject({ state: { kind: 'merged', title: 'Trasporti' }, boardCardId: 'm' });
		expect(n).toMatchObject({ state: { kind: 'merged', title: null }, boardCardId: null });
	});

	it('cards waiting off the board come first, with their status', () => {
		const pending = [
			{ id: 'p1', kind: 'proposal' as const, text: 'Privata', status: 'waiting' as const },
			{ id: 'p2', kind: 'question' as const, text: 'Anonima', status: 'review' as const },
			{ id: 'p3', kind: 'need' as const, text: 'Respinta', status: 'rejected' as const }
		];
		expect(myCards({ clusters, cards: [card('a')] }, pending, 'me').map((c) => c.state)).toEqual([
			{ kind: 'waiting' },
			{ kind: 'review' },
			{ kind: 'rejected' },
			{ kind: 'board' }
		]);
	});

	it('a published card is listed once: on the board when named, as published when anonymous', () => {
		const pending = [
			{ id: 'p1', kind: 'need' as const, text: 'Scheda a', status: 'published' as const },
			{ id: 'p2', kind: 'need' as const, text: 'Senza nome', status: 'published' as const }
		];
		const view = {
			clusters,
			cards: [card('a'), card('z', { authorId: null, text: 'Senza nome' })]
		};
		expect(myCards(view, pending, 'me').map((c) => [c.text, c.state.kind])).toEqual([
			['Senza nome', 'published'],
			['Scheda a', 'board']
		]);
	});

	it('a card just revealed is listed once, even before the server says it was published', () => {
		const pending = [
			{ id: 'p1', kind: 'need' as const, text: 'Scheda a', status: 'waiting' as const },
			{ id: 'p2', kind: 'need' as const, text: 'Scheda a', status: 'waiting' as const }
		];
		expect(myCards({ clusters, cards: [card('a')] }, pending, 'me').map((c) => c.state)).toEqual([
			{ kind: 'waiting' },
			{ kind: 'board' }
		]);
	});
});
