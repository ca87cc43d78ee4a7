import { describe, expect, it } from 'vitest';
import { templateFields } from '$lib/objectives/objective-template';
import {
	choiceLabel,
	footnotes,
	plainPrinted,
	printedValue,
	readChoice,
	verbatimField
} from './printed-answer';

const field = (version: string, key: string) => templateFields(version).find((f) => f.key === key)!;

describe('[PO5] printed answers', () => {
	it.each([
		['2021-2023', 'objectiveKind', 'INNOVATIVO', 'Obiettivo innovativo'],
		['2021-2023', 'objectiveKind', 'IN_CONTINUITA', 'Obiettivo in continuità'],
		['2021-2023', 'socialHealthIntegration', 'SI', 'Sì'],
		['2021-2023', 'socialHealthIntegration', 'NO', 'No'],
		['2025-2027', 'asstInvolvement', 'SI', 'SI'],
		['2025-2027', 'newServiceDefinition', 'SERVIZIO GIÀ PRESENTE', 'SERVIZIO GIÀ PRESENTE']
	])('%s %s: %s is printed «%s», the template’s word', (version, key, value, label) => {
		expect(choiceLabel(version, field(version, key), value)).toBe(label);
		expect(printedValue(version, field(version, key), value)).toBe(label);
	});

	it('prints a choice as the source printed it: its mark, without radio markers and tags', () => {
		const f = field('2025-2027', 'asstInvolvement');
		expect(printedValue('2025-2027', f, 'SI', '⊙ SI*')).toBe('SI*');
		expect(printedValue('2025-2027', f, 'NO', '<input type="radio"/> NO')).toBe('NO');
		expect(plainPrinted('➢ Obiettivo in continuità.')).toBe('Obiettivo in continuità.');
	});

	it('prints a 2021-2023 answer with no explicit Sì/No as its text, not blank', () => {
		const f = field('2021-2023', 'coDesignedWithNetwork');
		const text = 'Intervento progettato in sinergia con le cooperative del territorio.';
		expect(printedValue('2021-2023', f, null, text)).toBe(text);
		expect(printedValue('2021-2023', f, null)).toBe('');
	});

	it('prints a set of choices and a text field as stored', () => {
		const set = field('2025-2027', 'objectiveType');
		expect(printedValue('2025-2027', set, ['RIPARATIVO', 'PREVENTIVO'])).toBe(
			'RIPARATIVO, PREVENTIVO'
		);
		expect(printedValue('2025-2027', field('2025-2027', 'target'), 'Famiglie')).toBe('Famiglie');
	});

	it('gives each footnote once, in the template’s order, and the field a footnote belongs to', () => {
		const fields = templateFields('2025-2027');
		const verbatim = {
			interAmbitoCooperation: '⊙ SI*',
			'interAmbitoCooperation.footnote': '*Nota',
			'asstInvolvement.footnote': '*Nota'
		};
		expect(footnotes(fields, verbatim)).toEqual(['*Nota']);
		expect(verbatimField('asstInvolvement.footnote')).toBe('asstInvolvement');
		expect(verbatimField('asstInvolvement')).toBe('asstInvolvement');
	});
});

describe('[PO6] a printed choice read back from a sheet', () => {
	const read = (version: string, key: string, cell: string) =>
		readChoice(version, field(version, key), cell);

	it.each([
		['2025-2027', 'asstInvolvement', 'SI', { value: 'SI' }],
		['2025-2027', 'asstInvolvement', 'si', { value: 'SI', printed: 'si' }],
		['2025-2027', 'asstInvolvement', 'SI*', { value: 'SI', printed: 'SI*' }],
		['2025-2027', 'asstInvolvement', '⊙ SI*', { value: 'SI', printed: '⊙ SI*' }],
		['2025-2027', 'innovativeCareModels', 'n/d', { value: 'n/d' }],
		['2025-2027', 'innovativeCareModels', 'ND', { value: 'n/d' }],
		[
			'2025-2027',
			'objectiveType',
			'RIPARATIVO, PREVENTIVO',
			{ value: ['RIPARATIVO', 'PREVENTIVO'] }
		],
		[
			'2025-2027',
			'objectiveType',
			'RIPARATIVO/PREVENTIVO',
			{ value: ['RIPARATIVO', 'PREVENTIVO'], printed: 'RIPARATIVO/PREVENTIVO' }
		],
		['2025-2027', 'asstInvolvement', 'n/d', { value: null, printed: 'n/d' }],
		['2025-2027', 'objectiveType', 'n/d', { value: null, printed: 'n/d' }],
		[
			'2025-2027',
			'newServiceDefinition',
			'SERVIZIO GIÀ ESISTENTE',
			{ value: 'SERVIZIO GIÀ PRESENTE', printed: 'SERVIZIO GIÀ ESISTENTE' }
		],
		['2021-2023', 'objectiveKind', 'INNOVATIVO', { value: 'INNOVATIVO' }],
		[
			'2021-2023',
			'objectiveKind',
			'Obiettivo in continuità.',
			{ value: 'IN_CONTINUITA', printed: 'Obiettivo in continuità.' }
		],
		['2021-2023', 'socialHealthIntegration', 'Sì.', { value: 'SI', printed: 'Sì.' }],
		[
			'2021-2023',
			'crossCuttingIntegrated',
			'Sì, è trasversale all’Area interventi per la Famiglia.',
			{ value: 'SI', printed: 'Sì, è trasversale all’Area interventi per la Famiglia.' }
		],
		[
			'2021-2023',
			'coDesignedWithNetwork',
			'Intervento progettato in sinergia con le cooperative.',
			{ value: null, printed: 'Intervento progettato in sinergia con le cooperative.' }
		]
	])('%s %s: %j', (version, key, cell, expected) => {
		expect(read(version, key, cell)).toEqual(expected);
	});

	it('leaves an answer the template lacks for the check to refuse', () => {
		expect(read('2025-2027', 'asstInvolvement', 'forse')).toEqual({ value: 'FORSE' });
		expect(read('2025-2027', 'objectiveType', 'RIPARATIVO, ALTRO')).toEqual({
			value: ['RIPARATIVO', 'ALTRO']
		});
		expect(read('2025-2027', 'asstInvolvement', 'Siamo d’accordo')).toEqual({
			value: 'SIAMO D’ACCORDO'
		});
	});

	it('reads back what printedValue prints, for every choice of both templates', () => {
		for (const version of ['2025-2027', '2021-2023'])
			for (const f of templateFields(version).filter((f) => f.type !== 'richText')) {
				if (['shortText', 'money'].includes(f.type)) continue;
				const codes = f.type === 'siNo' ? ['SI', 'NO'] : (f.values ?? []);
				for (const code of codes) {
					const value = f.type === 'enumSet' ? [code] : code;
					expect(read(version, f.key, printedValue(version, f, value)).value).toEqual(value);
				}
			}
	});
});
