import { describe, expect, it } from 'vitest';
import { templateFields } from '$lib/objectives/objective-template';
import {
	choiceLabel,
	footnotes,
	plainPrinted,
	printedValue,
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
