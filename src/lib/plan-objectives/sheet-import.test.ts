import { describe, expect, it } from 'vitest';
import { templateFields } from '$lib/objectives/objective-template';
import { cellItems, sheetToPlan, type SheetOptions } from './sheet-import';
import {
	guessHeaderRow,
	guessMapping,
	guessSplit,
	sheetColumns,
	sheetRows,
	type ColumnTarget
} from './sheet-layout';

const plan = { title: 'Piano', period: '2025-2027', taxonomyVersion: '2025-2027' };
const older = { title: 'Piano', period: '2021-2023', taxonomyVersion: '2021-2023' };
const header = ['OBIETTIVI', 'Azioni', 'Soggetti', 'Risultati attesi', 'Tempistiche', 'Risorse'];
/** A real plan's objective table: the plan's name, an empty row, the header, one row lacking its objective. */
const table = [
	['Piano di Zona 2025-2027 — Ambito di Seriate', '', '', '', '', ''],
	[],
	header,
	[
		'Potenziare il servizio di assistenza domiciliare',
		'Nuovi voucher\nFormazione operatori',
		'Comuni, cooperative',
		'+20% utenti raggiunti',
		'2025-2026',
		'€ 120.000'
	],
	[],
	['', 'Azione orfana', '', '', '', ''],
	['', '', '', '', '', '']
];
const rows = sheetRows(table);
const options = (over: Partial<SheetOptions> = {}): SheetOptions => ({
	headerRow: 3,
	mapping: guessMapping(header, '2025-2027'),
	splitLists: [],
	skipRows: [],
	...over
});

describe('[PO6a] the layout', () => {
	it('numbers rows as the file does, empty ones counted, and keeps only rows with text', () => {
		expect(rows.map((r) => r.row)).toEqual([1, 3, 4, 6]);
		expect(rows.every((r) => r.cells.length === 6)).toBe(true);
	});

	it('finds the header below title and empty rows', () => {
		expect(guessHeaderRow(rows, '2025-2027')).toBe(3);
		expect(guessHeaderRow(sheetRows([['Titolo'], ['Casa']]), '2025-2027')).toBe(1);
	});

	it('takes the first row of labels when no header word is known', () => {
		const plain = sheetRows([['Elenco'], [], ['Colonna uno', 'Colonna due'], ['a', 'b']]);
		expect(guessHeaderRow(plain, '2025-2027')).toBe(3);
	});

	it('shows the first values under each column', () => {
		expect(sheetColumns(rows, 3)[1]).toEqual({
			index: 1,
			header: 'Azioni',
			samples: ['Nuovi voucher\nFormazione operatori', 'Azione orfana']
		});
	});

	it('reads the headers real plans use', () => {
		expect(guessMapping(header, '2025-2027')).toEqual([
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

	it.each(['2025-2027', '2021-2023'])('never guesses a field the %s template lacks', (version) => {
		const keys = new Set(templateFields(version).map((f) => `field:${f.key}`));
		const words = [
			...header,
			'Titolo',
			'Area di policy',
			'Impatto sociale previsto',
			'Modalità organizzative, operative e di erogazione',
			'Aree di bisogno',
			'DESCRIZIONE OBIETTIVO',
			'QUALI RISULTATI VUOLE RAGGIUNGERE?',
			'Impatto',
			'Bisogni'
		];
		for (const t of guessMapping(words, version))
			if (t.startsWith('field:')) expect(keys).toContain(t);
	});

	it('maps a 2021-2023 header to that form, the title to the objective', () => {
		expect(
			guessMapping(
				[
					'Titolo',
					'DESCRIZIONE OBIETTIVO',
					'Azioni',
					'Target',
					'QUALI RISULTATI VUOLE RAGGIUNGERE?'
				],
				'2021-2023'
			)
		).toEqual([
			'title',
			'field:description',
			'field:deliveryAndProcessIndicators',
			'field:target',
			'field:expectedResults'
		]);
	});

	it('sends a header to the one field whose label holds all its words, and no further', () => {
		expect(
			guessMapping(
				[
					'Modalità organizzative',
					'Coinvolgimento ASST',
					'Continuità',
					'Soggetti',
					'Digitalizzazione'
				],
				'2025-2027'
			)
		).toEqual([
			'field:deliveryModes',
			'field:asstInvolvement',
			'ignore',
			'ignore',
			'field:digitalisationAspects'
		]);
		expect(guessMapping(['Integrazione sociosanitaria', 'Co-progettato'], '2021-2023')).toEqual([
			'field:socialHealthIntegration',
			'field:coDesignedWithNetwork'
		]);
	});

	it('proposes to split the list columns whose cells hold several lines', () => {
		expect(guessSplit(rows, 3, options().mapping, '2025-2027')).toEqual([1]);
	});
});

describe('[PO6a] sheetToPlan', () => {
	it('turns each row below the header into an objective and names the rows it cannot use as the file does', () => {
		const { plan: out, objectives, problems } = sheetToPlan(rows, options(), plan, 21);
		expect(objectives.map((o) => o.row)).toEqual([4]);
		expect(out.objectives[0]).toMatchObject({
			number: 21,
			title: 'Potenziare il servizio di assistenza domiciliare',
			fields: {
				plannedActions: 'Nuovi voucher\nFormazione operatori',
				budgetedResources: '€ 120.000'
			}
		});
		expect(problems).toEqual([{ row: 6, column: null, problem: 'title-missing' }]);
	});

	it('leaves out the rows the UdP chose', () => {
		const { objectives, problems } = sheetToPlan(rows, options({ skipRows: [6] }), plan, 1);
		expect(problems).toEqual([]);
		expect(objectives).toHaveLength(1);
	});

	it('splits a multi-line cell into items when its column says so, keeping the cell as typed', () => {
		const { plan: out } = sheetToPlan(rows, options({ splitLists: [1], skipRows: [6] }), plan, 1);
		expect(out.objectives[0]!.fields.plannedActions).toBe(
			'• Nuovi voucher\n• Formazione operatori'
		);
		expect(out.objectives[0]!.verbatim.plannedActions).toBe('Nuovi voucher\nFormazione operatori');
	});

	it('refuses to split a column that is not a list', () => {
		const { problems } = sheetToPlan(rows, options({ splitLists: [5] }), plan, 1);
		expect(problems).toContainEqual({ row: 3, column: 5, problem: 'not-a-list' });
	});

	it('needs a column for the title or the objective, said once', () => {
		const mapping: ColumnTarget[] = ['ignore', 'field:plannedActions'];
		const { problems } = sheetToPlan(rows, options({ mapping }), plan, 1);
		expect(problems).toEqual([{ row: 3, column: null, problem: 'title-column-required' }]);
	});

	it('joins two columns mapped to one text field, reads numbers, policy areas and macro-areas', () => {
		const sheet = sheetRows([
			['N.', 'Titolo', 'Azioni', 'Altre azioni', 'Macro-aree', 'Area'],
			['4', 'Casa', 'Agenzia', 'Fondo affitti', 'B) Casa\na) Povertà', 'Politiche abitative']
		]);
		const mapping = guessMapping(sheet[0]!.cells, '2025-2027');
		mapping[3] = 'field:plannedActions';
		const { plan: out, problems } = sheetToPlan(
			sheet,
			{ headerRow: 1, mapping, splitLists: [], skipRows: [] },
			plan,
			1
		);
		expect(problems).toEqual([]);
		expect(out.objectives[0]).toMatchObject({
			number: 4,
			policyArea: 'Politiche abitative',
			macroAreas: ['B', 'A'],
			fields: { plannedActions: 'Agenzia\nFondo affitti' }
		});
	});

	it('fills the 2021-2023 form’s «Titolo» with the objective’s title, and splits its choices', () => {
		const sheet = sheetRows([
			['Titolo', 'Descrizione', 'Tipologia', 'Integrazione sociosanitaria'],
			['Casa', 'Uno\nDue', 'Obiettivo innovativo', 'Sì']
		]);
		const mapping = guessMapping(sheet[0]!.cells, '2021-2023');
		mapping[3] = 'field:socialHealthIntegration';
		const { plan: out, problems } = sheetToPlan(
			sheet,
			{ headerRow: 1, mapping, splitLists: [1], skipRows: [] },
			older,
			1
		);
		expect(problems).toEqual([]);
		expect(out.objectives[0]).toMatchObject({
			title: 'Casa',
			fields: {
				title: 'Casa',
				description: '• Uno\n• Due',
				objectiveKind: 'INNOVATIVO',
				socialHealthIntegration: 'SI'
			},
			verbatim: {
				description: 'Uno\nDue',
				objectiveKind: 'Obiettivo innovativo',
				socialHealthIntegration: 'Sì'
			}
		});
	});

	it('reads macro-area codes however they are written, and keeps what is no code', () => {
		const sheet = sheetRows([
			['Titolo', 'Macro-aree'],
			['Casa', 'A) Povertà, e all’abitare\nB - Casa\nc'],
			['Lavoro', 'D E']
		]);
		const { plan: out } = sheetToPlan(
			sheet,
			{ headerRow: 1, mapping: ['title', 'macroAreas'], splitLists: [1], skipRows: [] },
			plan,
			1
		);
		expect(out.objectives.map((o) => o.macroAreas)).toEqual([
			['A', 'E ALL’ABITARE', 'B', 'C'],
			['D', 'E']
		]);
	});

	it('reads bullets and numbering people type before items', () => {
		expect(cellItems('• uno\n- due\n\n3) tre\n  quattro  ')).toEqual([
			'uno',
			'due',
			'tre',
			'quattro'
		]);
	});
});
