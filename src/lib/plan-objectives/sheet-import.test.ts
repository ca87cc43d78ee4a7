import { describe, expect, it } from 'vitest';
import { guessMapping, sheetToPlan } from './sheet-import';

const plan = { title: 'Piano', period: '2021-2023', taxonomyVersion: '2025-2027' };
/** The layout of a real plan's objective table, with one row that lacks its objective. */
const sheet = [
	['OBIETTIVI', 'Azioni', 'Soggetti', 'Risultati attesi', 'Tempistiche', 'Risorse'],
	[
		'Potenziare il servizio di assistenza domiciliare',
		'Nuovi voucher; formazione operatori',
		'Comuni, cooperative',
		'+20% utenti raggiunti',
		'2025-2026',
		'€ 120.000'
	],
	['', 'Azione orfana', '', '', '', ''],
	['', '', '', '', '', '']
];

describe('guessMapping', () => {
	it('reads the headers real plans use', () => {
		expect(guessMapping(sheet[0]!, '2025-2027')).toEqual([
			'field:objectives',
			'field:plannedActions',
			'ignore',
			'field:expectedResults',
			'field:deliveryModes',
			'field:budgetedResources'
		]);
	});

	it('recognises the template’s own labels and maps each target once', () => {
		expect(guessMapping(['Obiettivi', 'OBIETTIVO', 'Target'], '2025-2027')).toEqual([
			'field:objectives',
			'ignore',
			'field:target'
		]);
	});
});

describe('sheetToPlan', () => {
	const mapping = guessMapping(sheet[0]!, '2025-2027');

	it('turns each row into an objective and reports the rows it cannot use, by line', () => {
		const { plan: out, problems } = sheetToPlan(sheet, mapping, plan, 21);
		expect(out.objectives).toHaveLength(1);
		expect(out.objectives[0]).toMatchObject({
			number: 21,
			title: 'Potenziare il servizio di assistenza domiciliare',
			fields: {
				plannedActions: 'Nuovi voucher; formazione operatori',
				budgetedResources: '€ 120.000'
			}
		});
		expect(problems).toEqual([{ line: 3, column: null, problem: 'title-missing' }]);
	});

	it('needs a column for the title or the objective', () => {
		const { problems } = sheetToPlan(sheet, ['ignore', 'field:plannedActions'], plan, 1);
		expect(problems[0]).toMatchObject({ line: 1, problem: 'title-column-required' });
	});

	it('joins two columns mapped to one text field, and reads numbers and macro-areas', () => {
		const { plan: out, problems } = sheetToPlan(
			[
				['N.', 'Titolo', 'Azioni', 'Altre azioni', 'Macro-aree'],
				['4', 'Casa', 'Agenzia', 'Fondo affitti', 'B, a']
			],
			['number', 'title', 'field:plannedActions', 'field:plannedActions', 'macroAreas'],
			plan,
			1
		);
		expect(problems).toEqual([]);
		expect(out.objectives[0]).toMatchObject({
			number: 4,
			macroAreas: ['B', 'A'],
			fields: { plannedActions: 'Agenzia\nFondo affitti' }
		});
	});
});
