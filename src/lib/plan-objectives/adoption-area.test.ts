import { describe, expect, it } from 'vitest';
import { adoptedPolicyArea } from './adoption-area';

// Two areas of the demo plan's Domiciliarità tavolo, and a third sharing a macro-area.
const terzaEta = { id: 5, macroAreas: ['E'] };
const domiciliarita = { id: 6, macroAreas: ['D', 'E'] };
const poverta = { id: 7, macroAreas: ['A', 'B', 'H'] };

describe('[PO2a] the policy area of an adopted objective', () => {
	it.each([
		['a tavolo with one area gives it, whatever the card says', [poverta], ['E'], 7],
		['a tavolo with one area gives it to a card with no macro-area', [poverta], [], 7],
		['a tavolo with no area gives none', [], ['E'], null],
		['several: the area whose macro-areas are the card’s', [terzaEta, domiciliarita], ['E'], 5],
		['several: the closest, not the first', [terzaEta, domiciliarita], ['D', 'E'], 6],
		['several: one shared code is enough', [terzaEta, poverta], ['B'], 7],
		['several, none shared: none', [terzaEta, poverta], ['K'], null],
		['several, the card names no macro-area: none', [terzaEta, domiciliarita], [], null],
		[
			'several equally close: none rather than a guess',
			[terzaEta, { id: 8, macroAreas: ['E'] }],
			['E'],
			null
		]
	])('%s', (_, areas, card, expected) => {
		expect(adoptedPolicyArea(areas, card)).toBe(expected);
	});
});
