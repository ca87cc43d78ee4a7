import { describe, expect, it } from 'vitest';
import type { OutcomeNeed } from '$lib/outcomes/outcome';
import { filterMatrix, needsMatrix, type MatrixSource } from './needs-matrix';

const note = (id: string, kind = 'need') => ({
	id,
	kind,
	text: id,
	author: null,
	...(id === 'b' ? { target: 'Anziani soli' } : {})
});
const need = (id: string, score: number | null, kind = 'need'): OutcomeNeed => ({
	type: 'card',
	id,
	label: `Bisogno ${id}`,
	notes: [note(id, kind)],
	votes:
		score === null ? [] : [{ roundId: 7, method: 'dot', score, rank: 1, tied: false, bySector: {} }]
});

const source: MatrixSource = {
	outcome: {
		meeting: {
			id: 1,
			title: 'Primo incontro',
			date: '2026-03-11',
			place: '',
			mode: 'in_person',
			tavolo: { id: 3, name: 'Anziani' },
			plan: { id: 1, title: 'Piano' }
		},
		priorities: [need('a', 8), need('b', 4)],
		unchosen: [need('c', 2), need('r', null, 'resource')],
		objectives: [
			{
				id: 'obj-1',
				title: 'Custodia sociale',
				fields: {},
				macroAreas: ['E'],
				keyPoints: {},
				leps: [],
				indicators: [],
				sources: [{ type: 'card', id: 'a', label: 'Bisogno a', notes: [note('a')], votes: [] }],
				completeness: { filled: 0, total: 21, missing: [] },
				consistency: []
			}
		]
	},
	tavolo: { id: 3, name: 'Anziani', policyAreas: [{ name: 'Terza età', macroAreas: ['E', 'D'] }] },
	answeredBy: new Map([
		['obj-1', { id: 40, number: 4, title: 'Custodia sociale', macroAreas: ['E'] }]
	])
};

describe('needsMatrix', () => {
	const rows = needsMatrix([source]);

	it('lists needs and problems once each, not resources', () => {
		expect(rows.map((r) => r.label)).toEqual(['Bisogno a', 'Bisogno b', 'Bisogno c']);
	});

	it("normalises priority to the round's top score", () => {
		expect(rows.map((r) => r.priority)).toEqual([1, 0.5, 0.25]);
	});

	it('names the plan objective that answers a need, and leaves the gaps visible', () => {
		expect(rows[0]!.objective).toEqual({ id: 40, number: 4, title: 'Custodia sociale' });
		expect(rows[0]!.macroAreas).toEqual(['E']);
		expect(rows[1]!.objective).toBeNull();
		expect(rows[1]!.macroAreas).toEqual(['E', 'D']);
		expect(rows.map((r) => r.chosen)).toEqual([true, true, false]);
	});

	it('filters gaps and sorts by priority', () => {
		expect(filterMatrix(rows, { answered: 'no' }).map((r) => r.label)).toEqual([
			'Bisogno b',
			'Bisogno c'
		]);
		expect(filterMatrix(rows, { macroArea: 'D' })).toHaveLength(2);
		expect(filterMatrix(rows, { target: 'Anziani soli' }).map((r) => r.label)).toEqual([
			'Bisogno b'
		]);
		expect(filterMatrix(rows, { sort: 'label' })[0]!.label).toBe('Bisogno a');
	});
});
