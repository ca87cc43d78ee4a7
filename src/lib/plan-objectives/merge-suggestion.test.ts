import { describe, expect, it } from 'vitest';
import { similarity, suggestMergeTarget } from './merge-suggestion';

const plan = [
	{ id: 11, title: "Potenziamento dell'Ufficio di Piano", macroAreas: ['K'] },
	{ id: 12, title: 'Sostegno ai caregiver familiari', macroAreas: ['D', 'E'] },
	{ id: 13, title: 'Custodia sociale per gli anziani soli', macroAreas: ['E'] },
	{ id: 14, title: 'Agenzia per la casa', macroAreas: ['A', 'B'] }
];

describe('[PO2b] the merge target the inbox suggests', () => {
	it.each([
		['the same words, other endings', { title: 'Anziano solo la sera', macroAreas: [] }, 13],
		['accents and case do not matter', { title: 'AGENZÌA CASA', macroAreas: [] }, 14],
		[
			'macro-areas decide when the titles share nothing',
			{ title: 'Sollievo a chi assiste', macroAreas: ['D', 'E'] },
			12
		],
		[
			'a shared title word outweighs a shared macro-area',
			{ title: 'Caregiver familiari', macroAreas: ['E'] },
			12
		],
		[
			'words every objective uses are not a likeness',
			{ title: 'Potenziamento degli interventi', macroAreas: [] },
			null
		],
		['nothing shared: no suggestion', { title: 'Giovani e sport', macroAreas: ['G'] }, null]
	])('%s', (_, proposal, expected) => {
		expect(suggestMergeTarget(proposal, plan)).toBe(expected);
	});

	it('a long plan title sharing a telling word beats a mere shared macro-area', () => {
		const demo = [
			{
				id: 13,
				title:
					"Promuovere l'invecchiamento attivo e contrastare la solitudine e l'isolamento delle persone anziane",
				macroAreas: ['E']
			},
			{
				id: 14,
				title:
					"Ampliare l'offerta di servizi per la domiciliarità e sostenere i caregiver nella gestione del carico di cura",
				macroAreas: ['B', 'D', 'E', 'J']
			}
		];
		expect(
			suggestMergeTarget({ title: 'Sostegno ai caregiver familiari', macroAreas: ['E'] }, demo)
		).toBe(14);
		expect(suggestMergeTarget({ title: 'Anziani soli e isolati', macroAreas: ['E'] }, demo)).toBe(
			13
		);
	});

	it('among equals, the first objective of the list', () => {
		const twins = [
			{ id: 2, title: 'Trasporti sociali', macroAreas: [] },
			{ id: 1, title: 'Trasporti sociali', macroAreas: [] }
		];
		expect(suggestMergeTarget({ title: 'Trasporti', macroAreas: [] }, twins)).toBe(2);
	});

	it('no objectives, no suggestion', () => {
		expect(suggestMergeTarget({ title: 'Casa', macroAreas: ['A'] }, [])).toBeNull();
	});

	it('scores from 0 to 1, 1 for the same objective', () => {
		expect(similarity(plan[2]!, plan[2]!)).toBe(1);
		expect(similarity(plan[0]!, plan[3]!)).toBe(0);
	});
});
