import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPlan } from '$lib/plan/plan-repo.server';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addPlan } from '$lib/server/db/test-fixtures';
import { buildPlanExport } from './plan-export.server';
import { importObjectives } from './plan-import.server';
import { planObjectives } from './plan-objective.schema';
import { completeOptions, importSheet, readSheetFile, sheetStep } from './sheet-import.server';
import { sheetRows } from './sheet-layout';

/**
 * [PO6a] Sheets laid out as real files are: read, guessed, imported into plans of both
 * cycles, and exported again (our JSON) with every cell where it went.
 */
let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const actor = { userId: null, now: 1 };
const planOf = (version: string) => getPlan(t.db, addPlan(t.db, addAmbito(t.db), version))!;
const csv = (text: string) => new File([text], 'obiettivi.csv', { type: 'text/csv' });

async function xlsx(sheets: Record<string, (string | number)[][]>): Promise<File> {
	const workbook = new ExcelJS.Workbook();
	for (const [name, rows] of Object.entries(sheets)) {
		const sheet = workbook.addWorksheet(name);
		rows.forEach((r, i) => {
			sheet.getRow(i + 1).values = r;
			sheet.getRow(i + 1).alignment = { wrapText: true };
		});
	}
	const buffer = await workbook.xlsx.writeBuffer();
	return new File([buffer], 'obiettivi.xlsx');
}

async function rowsOf(file: File, version = '2025-2027') {
	const read = await readSheetFile(file, version);
	if (!read.ok) throw new Error(read.reason);
	return read.rows;
}

describe('[PO6a] sheets laid out as real plans lay them out', () => {
	it('a ; CSV with BOM, title and empty rows, multi-line cells and a policy area, on a 2025-2027 plan', async () => {
		const plan = planOf('2025-2027');
		const rows = await rowsOf(
			csv(
				'\uFEFFPiano di Zona 2025-2027 — Ambito di prova;;;;\n' +
					';;;;\n' +
					'Area di policy;OBIETTIVI;Azioni programmate;Target;Risorse economiche preventivate\n' +
					'Domiciliarità;Potenziare il SAD;"Voucher\nFormazione operatori\nTrasporti";Anziani soli;€ 120.000\n' +
					';;;;\n' +
					'Povertà;Rafforzare il pronto intervento sociale;Reperibilità h24;Adulti in difficoltà;€ 40.000\n'
			)
		);
		const options = completeOptions(rows, plan.taxonomyVersionId, {});
		const step = sheetStep(t.db, plan, rows, options);
		expect(step.options).toMatchObject({ headerRow: 3, splitLists: [2] });
		expect(step.columns.map((c) => c.target)).toEqual([
			'policyArea',
			'field:objectives',
			'field:plannedActions',
			'field:target',
			'field:budgetedResources'
		]);
		expect(step.columns[1]!.samples).toEqual([
			'Potenziare il SAD',
			'Rafforzare il pronto intervento sociale'
		]);
		// Rows as a spreadsheet shows the file: a cell's line breaks do not start a row.
		expect(step.objectives.map((o) => [o.row, o.policyArea])).toEqual([
			[4, 'Domiciliarità'],
			[6, 'Povertà']
		]);
		expect(step.ready).toBe(true);

		expect(importSheet(t.db, plan, rows, options, actor)).toEqual({ ok: true, imported: 2 });
		const exported = buildPlanExport(t.db, plan.id)!;
		expect(exported.policyAreas.map((a) => a.name)).toEqual(['Domiciliarità', 'Povertà']);
		expect(exported.objectives[0]).toMatchObject({
			number: 1,
			title: 'Potenziare il SAD',
			policyArea: 'Domiciliarità',
			fields: {
				objectives: 'Potenziare il SAD',
				plannedActions: '• Voucher\n• Formazione operatori\n• Trasporti',
				target: 'Anziani soli',
				budgetedResources: '€ 120.000'
			},
			verbatim: { plannedActions: 'Voucher\nFormazione operatori\nTrasporti' }
		});
		expect(exported.objectives[1]).toMatchObject({ number: 2, policyArea: 'Povertà' });
	});

	it('an XLSX with instructions and notes sheets around the table, 2021-2023 labels in another order and Alt+Enter lists, on a 2021-2023 plan', async () => {
		const plan = planOf('2021-2023');
		const rows = await rowsOf(
			await xlsx({
				// Instructions before the table, as workbooks sent round often have.
				Istruzioni: [['Compilare una riga per obiettivo'], ['Colonna', 'Cosa scrivere']],
				Obiettivi: [
					['Ambito Valle di prova — obiettivi 2021-2023'],
					[],
					[
						'TARGET',
						'Titolo',
						'QUALI RISULTATI VUOLE RAGGIUNGERE?',
						'DESCRIZIONE OBIETTIVO',
						'Tipologia',
						'PRESENTA ASPETTI DI INTEGRAZIONE SOCIOSANITARIA?',
						'Macro-aree'
					],
					[
						'Famiglie',
						'Centro per la famiglia',
						'Più famiglie seguite\nMeno allontanamenti',
						'Aprire un centro',
						'Obiettivo in continuità',
						'Sì',
						'A, B'
					]
				],
				Note: [['Compilato dall’Ufficio di Piano'], ['Versione 2']]
			}),
			'2021-2023'
		);
		const options = completeOptions(rows, plan.taxonomyVersionId, {});
		expect(options.headerRow).toBe(3);
		expect(options.mapping).toEqual([
			'field:target',
			'title',
			'field:expectedResults',
			'field:description',
			'field:objectiveKind',
			'field:socialHealthIntegration',
			'macroAreas'
		]);
		expect(options.splitLists).toEqual([2]);
		expect(importSheet(t.db, plan, rows, options, actor)).toEqual({ ok: true, imported: 1 });
		const [o] = buildPlanExport(t.db, plan.id)!.objectives;
		expect(o).toMatchObject({
			title: 'Centro per la famiglia',
			macroAreas: ['A', 'B'],
			fields: {
				title: 'Centro per la famiglia',
				target: 'Famiglie',
				expectedResults: '• Più famiglie seguite\n• Meno allontanamenti',
				description: 'Aprire un centro',
				objectiveKind: 'IN_CONTINUITA',
				socialHealthIntegration: 'SI'
			},
			verbatim: { objectiveKind: 'Obiettivo in continuità', socialHealthIntegration: 'Sì' }
		});
	});

	it('a 2025-2027 layout on a 2021-2023 plan: no field that form lacks, the rest imported', async () => {
		const plan = planOf('2021-2023');
		const rows = await rowsOf(
			csv(
				'OBIETTIVI,Azioni,Soggetti,Risultati attesi,Tempistiche,Risorse,Impatto sociale\n' +
					'Potenziare il SAD,Voucher,Comuni,+20% utenti,2025-2026,€ 120.000,Meno ricoveri\n'
			)
		);
		const options = completeOptions(rows, plan.taxonomyVersionId, {});
		expect(options.mapping).toEqual([
			'field:description',
			'field:deliveryAndProcessIndicators',
			'ignore',
			'field:expectedResults',
			'ignore',
			'field:budgetedResources',
			'ignore'
		]);
		expect(importSheet(t.db, plan, rows, options, actor)).toEqual({ ok: true, imported: 1 });
		expect(buildPlanExport(t.db, plan.id)!.objectives[0]).toMatchObject({
			title: 'Potenziare il SAD',
			fields: { title: 'Potenziare il SAD', description: 'Potenziare il SAD' }
		});
	});

	it('columns in another order with numbers: a bad row saves nothing, named by its row; left out, the rest imports', async () => {
		const plan = planOf('2025-2027');
		const rows = sheetRows([
			[
				'Risultati attesi',
				'Titolo',
				'N.',
				'Obiettivo trasversale ed integrato con altre aree di policy'
			],
			[],
			['Più utenti', 'Casa', '3', 'SI'],
			['Meno sfratti', 'Lavoro', '4', 'forse'],
			[],
			['', 'Scuola', '5', 'NO']
		]);
		const options = completeOptions(rows, plan.taxonomyVersionId, {});
		const refused = importSheet(t.db, plan, rows, options, actor);
		expect(refused.ok).toBe(false);
		if (!refused.ok)
			expect(refused.step.problems).toEqual([{ row: 4, column: 3, problem: 'invalid-value' }]);
		expect(rowCount(t.db, planObjectives)).toBe(0);

		const skipped = { ...options, skipRows: [4] };
		expect(importSheet(t.db, plan, rows, skipped, actor)).toEqual({ ok: true, imported: 2 });
		expect(buildPlanExport(t.db, plan.id)!.objectives.map((o) => [o.number, o.title])).toEqual([
			[3, 'Casa'],
			[5, 'Scuola']
		]);
	});

	it('exports what it imported so that importing the export gives the same plan', async () => {
		const plan = planOf('2021-2023');
		const rows = await rowsOf(
			csv('Titolo;Descrizione;Target\nUno;"a\nb";Giovani\nDue;c;Anziani\n')
		);
		const options = { ...completeOptions(rows, '2021-2023', {}), splitLists: [1] };
		expect(importSheet(t.db, plan, rows, options, actor)).toMatchObject({ ok: true });
		const exported = buildPlanExport(t.db, plan.id)!;
		const again = planOf('2021-2023');
		expect(importObjectives(t.db, again.id, exported, null, 2)).toMatchObject({ ok: true });
		expect(buildPlanExport(t.db, again.id)!.objectives).toEqual(exported.objectives);
	});
});
