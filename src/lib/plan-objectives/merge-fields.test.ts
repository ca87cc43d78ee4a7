import { describe, expect, it } from 'vitest';
import { objectiveFields } from '$lib/objectives/objective-template';
import { proposeMerge } from './merge-fields';

describe('proposeMerge', () => {
	it('joins texts, keeps the plan’s choice, unites sets, fills what the plan lacks', () => {
		const merged = proposeMerge(
			objectiveFields,
			{
				objectives: 'Rafforzare la rete',
				asstInvolvement: 'SI',
				target: null,
				objectiveType: ['A']
			},
			{
				objectives: 'Sportello unico',
				asstInvolvement: 'NO',
				target: 'Famiglie',
				objectiveType: ['B']
			}
		);
		expect(merged.objectives).toBe('Rafforzare la rete\n\nSportello unico');
		expect(merged.asstInvolvement).toBe('SI');
		expect(merged.target).toBe('Famiglie');
		expect(merged.objectiveType).toEqual(['A', 'B']);
	});

	it('does not repeat a text both sides share', () => {
		const merged = proposeMerge(
			objectiveFields,
			{ objectives: 'Uguale' },
			{ objectives: 'Uguale' }
		);
		expect(merged.objectives).toBe('Uguale');
	});
});
