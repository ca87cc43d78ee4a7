import { describe, expect, it } from 'vitest';
import type { CardView } from '$lib/board/board-doc';
import type { ObjectiveView } from '$lib/objectives/objective-doc';
import type { TemplateField } from '$lib/objectives/objective-template';
import {
	changedObjective,
	largestFitting,
	newestObjective,
	nextStart,
	sectionsFrom,
	splitFields,
	type CardSection
} from './projector';

const card = (id: string): CardView => ({
	id,
	kind: 'need',
	text: `testo ${id}`,
	authorId: null,
	clusterId: null,
	target: '',
	policyAreaId: null,
	createdAt: 1,
	mergedInto: null,
	mergedFrom: []
});
const section = (id: string, ...ids: string[]): CardSection => ({
	id,
	title: id,
	cards: ids.map(card)
});
const shape = (sections: CardSection[]) =>
	sections.map((s) => `${s.id}${s.continued ? '+' : ''}:${s.cards.map((c) => c.id).join(',')}`);

describe('sectionsFrom: the cards of a page, by section', () => {
	const sections = [section('a', '1', '2', '3'), section('empty'), section('b', '4', '5')];
	it.each([
		[0, ['a:1,2,3', 'empty:', 'b:4,5']],
		[1, ['a+:2,3', 'empty:', 'b:4,5']],
		[3, ['empty:', 'b:4,5']],
		[4, ['b+:5']],
		[5, []]
	])('from card %i', (start, expected) => {
		expect(shape(sectionsFrom(sections, start))).toEqual(expected);
	});
});

describe('nextStart: pages turn, then start again', () => {
	it.each([
		[0, 40, 100, 40],
		[40, 40, 100, 80],
		[80, 40, 100, 0],
		[0, 0, 10, 1]
	])('from %i showing %i of %i → %i', (start, shown, total, expected) => {
		expect(nextStart(start, shown, total)).toBe(expected);
	});
});

describe('largestFitting: the largest type that fits', () => {
	it('finds the boundary by bisection', () => {
		expect(largestFitting(18, 48, (px) => px <= 31)).toBe(31);
		expect(largestFitting(18, 48, () => true)).toBe(48);
	});
	it('is null when even the smallest does not fit (the view pages instead)', () => {
		expect(largestFitting(18, 48, (px) => px < 18)).toBeNull();
	});
});

const objective = (id: string, createdAt: number, title = ''): ObjectiveView => ({
	id,
	createdAt,
	title,
	sources: [],
	fields: {},
	macroAreas: [],
	keyPoints: {},
	leps: [],
	indicators: []
});

describe('the objective card on the projector', () => {
	it('follows the card someone changed, else the newest', () => {
		const before = [objective('a', 1), objective('b', 2)];
		expect(changedObjective([], before)).toBe('b');
		expect(changedObjective(before, [objective('a', 1, 'Casa'), objective('b', 2)])).toBe('a');
		expect(changedObjective(before, before)).toBeNull();
		expect(newestObjective(before)?.id).toBe('b');
		expect(newestObjective([])).toBeNull();
	});

	it('splits the template into filled and empty fields, sets as one line', () => {
		const fields: TemplateField[] = [
			{ position: 1, key: 'goal', label: 'Obiettivo', type: 'richText' },
			{ position: 2, key: 'areas', label: 'Aree', type: 'enumSet', values: ['A', 'B'] },
			{ position: 3, key: 'cost', label: 'Costo', type: 'money' }
		];
		const split = splitFields(
			{ fields: { goal: ' Casa ', areas: ['A', 'B'], cost: null } },
			fields
		);
		expect(split.filled.map((f) => [f.field.key, f.text])).toEqual([
			['goal', 'Casa'],
			['areas', 'A, B']
		]);
		expect(split.empty.map((f) => f.key)).toEqual(['cost']);
	});
});
