import { describe, expect, it } from 'vitest';
import { cardKinds, type CardKind } from './board';
import {
	boardColumns,
	cardsToMove,
	cardTags,
	countByKind,
	neighbourColumn,
	phaseTools,
	tabStop
} from './board-columns';
import type { CardView, ClusterView } from './board-doc';
import { groupCards } from './board-view';

const cluster = (id: string): ClusterView => ({ id, title: id, createdAt: 0, cardIds: [] });
const card = (id: string, kind: CardKind, clusterId: string | null = null): CardView => ({
	id,
	kind,
	text: id,
	authorId: null,
	clusterId,
	target: '',
	policyAreaId: null,
	createdAt: 0,
	mergedInto: null,
	mergedFrom: []
});
const groups = groupCards({
	clusters: [cluster('a'), cluster('b')],
	cards: [card('1', 'need'), card('2', 'question'), card('3', 'need', 'a'), card('4', 'need', 'x')]
});

describe('boardColumns', () => {
	it('puts the cards in no cluster first, then one column per cluster', () => {
		const columns = boardColumns(groups, new Set(cardKinds));
		expect(columns.map((c) => c.cluster?.id ?? null)).toEqual([null, 'a', 'b']);
		expect(columns[0]?.cards.map((c) => c.id)).toEqual(['1', '2', '4']);
	});

	it('hides the kinds not shown, and still counts them', () => {
		const [first] = boardColumns(groups, new Set<CardKind>(['question']));
		expect(first?.cards.map((c) => c.id)).toEqual(['2']);
		expect(first?.total).toBe(3);
	});
});

describe('neighbourColumn', () => {
	const columns = boardColumns(groups, new Set(cardKinds));
	it.each([
		[null, 1, 'a'],
		['a', 1, 'b'],
		['a', -1, null],
		['b', 1, undefined],
		[null, -1, undefined],
		// A card whose cluster was deleted sits in the first column.
		['x', 1, 'a']
	] as const)('from %s by %i is %s', (from, step, to) => {
		expect(neighbourColumn(columns, from, step)).toBe(to);
	});
});

it('countByKind counts the visible cards', () => {
	expect(countByKind(groups)).toMatchObject({ need: 3, question: 1, problem: 0 });
});

describe('phaseTools', () => {
	it.each([
		['collect', { compose: true, edit: true, cluster: false }],
		['cluster', { compose: false, edit: false, cluster: true }],
		['vote', { compose: false, edit: false, cluster: false }],
		['draft', { compose: false, edit: false, cluster: false }],
		['wrap_up', { compose: false, edit: false, cluster: false }]
	] as const)('[B14] in %s the board offers what the phase gives participants', (phase, tools) => {
		expect(phaseTools(phase)).toEqual(tools);
	});
});

describe('cardsToMove', () => {
	it('[B15] moves the marked set when the dragged card is marked, that card first', () => {
		expect(cardsToMove('2', ['1', '2', '3'])).toEqual(['2', '1', '3']);
	});
	it('[B15] moves the card alone when it is not marked', () => {
		expect(cardsToMove('4', ['1', '2'])).toEqual(['4']);
	});
});

describe('tabStop', () => {
	const [first] = boardColumns(groups, new Set(cardKinds));
	it('is the card focused last while it is in the column, else the first', () => {
		expect(tabStop(first!, '2')).toBe('2');
		expect(tabStop(first!, '3')).toBe('1');
		expect(tabStop(first!, undefined)).toBe('1');
	});
	it('is null for an empty column', () => {
		const [, , empty] = boardColumns(groups, new Set(cardKinds));
		expect(tabStop(empty!, undefined)).toBeNull();
	});
});

describe('tags', () => {
	const tagged = groupCards({
		clusters: [cluster('a')],
		cards: [
			{ ...card('1', 'need'), target: 'Anziani soli', policyAreaId: 3 },
			{ ...card('2', 'need', 'a'), target: 'anziani soli ' },
			{ ...card('3', 'question'), target: 'Caregiver', policyAreaId: 1 },
			card('4', 'need')
		]
	});

	it('lists each tag once: areas first, then targets without regard to case', () => {
		expect(cardTags(tagged)).toEqual([
			{ kind: 'area', id: 1 },
			{ kind: 'area', id: 3 },
			{ kind: 'target', value: 'Anziani soli' },
			{ kind: 'target', value: 'Caregiver' }
		]);
	});

	it('shows only the cards with the tag, in every column, and still counts the others', () => {
		const columns = boardColumns(tagged, new Set(cardKinds), {
			kind: 'target',
			value: 'Anziani soli'
		});
		expect(columns.map((c) => c.cards.map((x) => x.id))).toEqual([['1'], ['2']]);
		expect(columns[0]?.total).toBe(3);
		const area = boardColumns(tagged, new Set(cardKinds), { kind: 'area', id: 1 });
		expect(area[0]?.cards.map((x) => x.id)).toEqual(['3']);
	});
});
