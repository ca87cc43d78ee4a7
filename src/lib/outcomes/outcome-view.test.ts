import { describe, expect, it } from 'vitest';
import type { OutcomeNeed, OutcomeObjective, OutcomePackage } from './outcome';
import { diffOutcomes } from './outcome';
import { describeChanges, formatValue } from './outcome-view';

const objective = (id: string, title: string, over: Partial<OutcomeObjective> = {}) =>
	({
		id,
		title,
		fields: { crossCuttingIntegrated: 'NO', objectiveType: ['PREVENTIVO'] },
		macroAreas: ['D'],
		keyPoints: {},
		leps: [],
		indicators: [],
		sources: [],
		completeness: { filled: 2, total: 21, missing: [] },
		consistency: [],
		...over
	}) as OutcomeObjective;

const need = (id: string, label: string): OutcomeNeed => ({
	type: 'card',
	id,
	label,
	notes: [],
	votes: []
});

const pkg = (over: Partial<OutcomePackage>): OutcomePackage =>
	({ objectives: [], priorities: [], unchosen: [], ...over }) as unknown as OutcomePackage;

describe('[E2] formatValue', () => {
	it('writes every kind of value of the package as one line', () => {
		expect(formatValue(null)).toBe('');
		expect(formatValue('SI')).toBe('SI');
		expect(formatValue(['RIPARATIVO', 'PREVENTIVO'])).toBe('RIPARATIVO; PREVENTIVO');
		expect(formatValue({ D: ['Domiciliarità', 'Caregiver'] })).toBe('D: Domiciliarità; Caregiver');
		expect(
			formatValue([
				{
					level: 'output',
					kind: 'ratio',
					description: 'Anziani raggiunti',
					numerator: 'raggiunti',
					denominator: 'soli',
					target: '60%'
				}
			])
		).toBe('output, ratio: Anziani raggiunti (raggiunti / soli) [ → 60%]');
	});
});

describe('[E2] describeChanges', () => {
	const before = pkg({
		objectives: [objective('o1', 'Ridurre l’isolamento'), objective('o2', 'Trasporti')],
		priorities: [need('c1', 'Anziani soli la sera')],
		unchosen: [need('c2', 'Caregiver esausti')]
	});
	const after = pkg({
		objectives: [
			objective('o1', 'Ridurre l’isolamento serale', {
				fields: { crossCuttingIntegrated: 'SI', objectiveType: ['PREVENTIVO'] },
				macroAreas: ['D', 'E']
			}),
			objective('o3', 'Pasti a domicilio')
		],
		priorities: [need('c1', 'Anziani soli la sera'), need('c2', 'Caregiver esausti')]
	});
	const readable = describeChanges(diffOutcomes(before, after), after, before);

	it('names a changed field by its card and its template label', () => {
		expect(readable).toContainEqual({
			objective: 'Ridurre l’isolamento serale',
			subject: {
				kind: 'field',
				key: 'crossCuttingIntegrated',
				label: 'Obiettivo trasversale ed integrato con altre aree di policy'
			},
			change: 'changed',
			before: 'NO',
			after: 'SI'
		});
		expect(readable).toContainEqual(
			expect.objectContaining({ subject: { kind: 'part', part: 'macroAreas' }, after: 'D; E' })
		);
	});

	it('names cards that came and went, the one gone by its old title', () => {
		expect(readable).toContainEqual(
			expect.objectContaining({ objective: 'Trasporti', change: 'removed' })
		);
		expect(readable).toContainEqual(
			expect.objectContaining({ objective: 'Pasti a domicilio', change: 'added' })
		);
	});

	it('names needs by their label, from either version', () => {
		expect(readable).toContainEqual(
			expect.objectContaining({
				objective: null,
				subject: { kind: 'priority', label: 'Caregiver esausti' },
				change: 'added'
			})
		);
		expect(readable).toContainEqual(
			expect.objectContaining({
				subject: { kind: 'unchosen', label: 'Caregiver esausti' },
				change: 'removed'
			})
		);
	});
});
