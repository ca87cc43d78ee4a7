import { describe, expect, it } from 'vitest';
import { templateFields } from '$lib/objectives/objective-template';
import { carriedFields, CONTINUITY_FIELD, openMappings } from './successor';

describe('[M42] the fields a carried draft keeps', () => {
	it('keeps same-key answers of the same kind, answers continuità SI, drops the rest', () => {
		const carried = carriedFields(templateFields('2021-2023'), templateFields('2025-2027'), {
			fields: {
				target: 'Famiglie',
				description: 'Solo nel 2021',
				crossCuttingIntegrated: 'SI',
				continuityWithPreviousPlan: 'NO',
				expectedResults: null
			},
			verbatim: { target: '<p>Famiglie</p>', continuityWithPreviousPlan: 'NO' }
		});
		expect(carried).toEqual({
			fields: { target: 'Famiglie', crossCuttingIntegrated: 'SI', [CONTINUITY_FIELD]: 'SI' },
			verbatim: { target: '<p>Famiglie</p>' }
		});
	});
});

describe('[M43] open mapping items', () => {
	const pending = [
		{ kind: 'macroArea' as const, oldCode: 'X', candidates: ['A', 'B'] },
		{
			kind: 'keyPoint' as const,
			oldCode: 'Sviluppo delle reti',
			macroArea: 'C',
			candidates: ['A|Rafforzamento delle reti sociali']
		},
		{ kind: 'leps' as const, oldCode: 'Vecchio', candidates: [] }
	];

	it('stay open until the objective has one of their candidates; those without any stay', () => {
		expect(openMappings(pending, { macroAreas: [], keyPoints: {} })).toEqual(pending);
		expect(
			openMappings(pending, {
				macroAreas: ['B'],
				keyPoints: { A: ['Rafforzamento delle reti sociali'] }
			})
		).toEqual([pending[2]]);
	});
});
