import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateFields } from '$lib/objectives/objective-template';
import { printedValue } from '$lib/plan-objectives/printed-answer';
import { isTextType } from '$lib/plan-objectives/template-form';
import { renderPlanExport } from '$lib/plan-objectives/plan-export.server';
import { buildPlanExport } from '$lib/plan-objectives/plan-export.server';
import { importObjectives } from '$lib/plan-objectives/plan-import.server';
import { sheetToPlan } from '$lib/plan-objectives/sheet-import';
import { sheetRows, type ColumnTarget } from '$lib/plan-objectives/sheet-layout';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addPlan } from '$lib/server/db/test-fixtures';
import { convertToPdf } from '../support/libreoffice';
import { domainFixture } from '../support/domain';

/** The Seriate plan's objectives chapter exported as files and opened by LibreOffice. */
const seriate = domainFixture('seriate-2025-2027-objectives.json');

let t: TestDatabase;
let planId: number;
beforeAll(() => {
	t = createTestDatabase();
	planId = addPlan(t.db, addAmbito(t.db));
	const imported = importObjectives(t.db, planId, seriate, null, 1);
	if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
});
afterAll(() => t.cleanup());

async function exported(format: 'docx' | 'xlsx' | 'csv' | 'json') {
	const file = await renderPlanExport(t.db, planId, format);
	if (!file) throw new Error('no export');
	return file.body;
}

async function workbook(body: Buffer) {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(body as unknown as ArrayBuffer);
	return book;
}

/** The text of a DOCX's main part, tags removed. */
function docxText(bytes: Uint8Array): string {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-docx-'));
	try {
		writeFileSync(join(dir, 'plan.docx'), bytes);
		const xml = execFileSync('unzip', ['-p', join(dir, 'plan.docx'), 'word/document.xml'], {
			maxBuffer: 64 * 1024 * 1024
		}).toString('utf8');
		return xml
			.replace(/<w:p[ >]/g, '\n$&')
			.replace(/<[^>]+>/g, '')
			.replace(/&apos;/g, "'")
			.replace(/&quot;/g, '"')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * The plan's CSV, imported as a sheet into an empty plan of its cycle, gives back
 * every choice and prints every answer the same (SPEC PO5, PO6).
 */
async function expectSheetRoundTrip(planId: number) {
	const original = buildPlanExport(t.db, planId)!;
	const version = original.plan.taxonomyVersion;
	const csv = (await renderPlanExport(t.db, planId, 'csv'))!.body as string;
	const table = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
	const byLabel = new Map(templateFields(version).map((f) => [f.label, f.key]));
	const named: Record<string, ColumnTarget> = {
		'N.': 'number',
		Titolo: 'title',
		'Area di policy': 'policyArea',
		'Macro-aree': 'macroAreas'
	};
	const mapping = table[0]!.map((h, i): ColumnTarget => {
		const key = byLabel.get(h);
		// The 2021-2023 form has a field labelled «Titolo» too: the first is the objective's.
		if (i > 2 && key) return `field:${key}`;
		return named[h] ?? 'ignore';
	});
	const sheet = sheetToPlan(
		sheetRows(table),
		{ headerRow: 1, mapping, splitLists: [], skipRows: [] },
		original.plan,
		1
	);
	expect(sheet.problems).toEqual([]);
	const copy = addPlan(t.db, addAmbito(t.db, `Copia ${planId}`), version);
	const imported = importObjectives(t.db, copy, sheet.plan, null, 2);
	expect(imported.ok ? [] : imported.problems.slice(0, 5)).toEqual([]);
	const again = buildPlanExport(t.db, copy)!;
	const choices = templateFields(version).filter((f) => !isTextType(f.type));
	for (const o of original.objectives) {
		const back = again.objectives.find((b) => b.number === o.number)!;
		expect(back.macroAreas).toEqual(o.macroAreas);
		for (const f of choices) {
			// Where the reference gave no value it may now read one from the printed words
			// (Valle Trompia 32's «Si, il progetto prevede…», Seriate's «n/d»); the print is the same.
			if (o.fields[f.key] != null) expect(back.fields[f.key]).toEqual(o.fields[f.key]);
			expect(printedValue(version, f, back.fields[f.key], back.verbatim[f.key])).toBe(
				printedValue(version, f, o.fields[f.key], o.verbatim[f.key])
			);
		}
	}
}

describe('plan export', () => {
	it('DOCX: opens in LibreOffice and holds the quadro, every griglia, the matrix and the key-point tables', async () => {
		const body = (await exported('docx')) as Buffer;
		expect(await convertToPdf(body, 'docx')).toBeGreaterThan(10_000);
		const text = docxText(body);
		expect(text).toContain('Quadro degli obiettivi');
		for (const o of seriate.objectives) expect(text).toContain(`${o.number} | `);
		expect(text).toContain('Risorse economiche preventivate');
		expect(text).toContain('Raccordo tra obiettivi e macro-aree');
		expect(text).toContain(
			"Facilitare l'accesso alle opportunità di benessere e partecipazione attiva"
		);
	}, 180_000);

	it('XLSX: opens in LibreOffice, one sheet per table, the matrix ends with the printed totals', async () => {
		const body = (await exported('xlsx')) as Buffer;
		expect(await convertToPdf(body, 'xlsx')).toBeGreaterThan(10_000);
		const book = await workbook(body);
		const names = book.worksheets.map((s) => s.name);
		expect(names).toContain('Obiettivi e macro-aree');
		expect(names.length).toBe(1 + 1 + 1 + 10 + 20);
		const matrix = book.getWorksheet('Obiettivi e macro-aree')!;
		const totals = (matrix.getRow(matrix.rowCount).values as unknown[]).slice(2);
		expect(totals.map((c) => (c as { result: number }).result)).toEqual([
			6, 7, 6, 7, 6, 9, 5, 9, 9, 6, 1
		]);
	}, 180_000);

	it('[PO5] XLSX: numbers are numbers, totals are our COUNTA formulas with their results', async () => {
		const book = await workbook((await exported('xlsx')) as Buffer);
		const overview = book.getWorksheet('Quadro degli obiettivi')!;
		expect(overview.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
		const numbers = book.getWorksheet('Obiettivi')!.getColumn(1).values.slice(2);
		expect(numbers).toEqual(seriate.objectives.map((o: { number: number }) => o.number));
		const matrix = book.getWorksheet('Obiettivi e macro-aree')!;
		const total = matrix.getCell(`B${matrix.rowCount}`);
		expect(total.type).toBe(ExcelJS.ValueType.Formula);
		expect(total.value).toEqual({ formula: `COUNTA(B2:B${matrix.rowCount - 1})`, result: 6 });
	});

	it('[PO5] XLSX: wrapped text, widths that fit within bounds, frozen header, sheet names Excel keeps', async () => {
		const book = await workbook((await exported('xlsx')) as Buffer);
		for (const sheet of book.worksheets) {
			expect(sheet.name.length).toBeLessThanOrEqual(31);
			expect(sheet.name).toBe(sheet.name.trim());
			expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
			for (const column of sheet.columns) {
				expect(column.width).toBeGreaterThanOrEqual(6);
				expect(column.width).toBeLessThanOrEqual(60);
				expect(column.alignment?.wrapText).toBe(true);
			}
		}
		const names = book.worksheets.map((s) => s.name.toLowerCase());
		expect(new Set(names).size).toBe(names.length);
		const objectives = book.getWorksheet('Obiettivi')!;
		expect(objectives.getColumn(1).width).toBeLessThan(objectives.getColumn(2).width!);
		// The matrix's tick columns are as narrow as the longest word of their header.
		const matrix = book.getWorksheet('Obiettivi e macro-aree')!;
		for (let c = 2; c <= matrix.columnCount; c++)
			expect(matrix.getColumn(c).width).toBeLessThanOrEqual(20);
		expect(matrix.getColumn(1).width).toBe(60);
		// Rows are as tall as their wrapped text: no spreadsheet grows them when it opens the file.
		expect(matrix.getRow(1).height).toBeGreaterThanOrEqual(6 * 15);
		expect(matrix.getRow(matrix.rowCount).height).toBe(15);
		const grid = book.worksheets.find((s) => s.name.startsWith('Obiettivo 2.'))!;
		const lines = String(grid.getCell('B2').value).length / grid.getColumn(2).width!;
		expect(grid.getRow(2).height).toBeGreaterThanOrEqual(Math.floor(lines) * 15);
	});

	it('[PO5] XLSX: statuses and answers in Italian, SI* with its footnote', async () => {
		const book = await workbook((await exported('xlsx')) as Buffer);
		const sheet = book.getWorksheet('Obiettivi')!;
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		const row2 = (sheet.getRow(3).values as unknown[]).slice(1);
		const at = (label: string) => row2[header.indexOf(label)];
		expect(at('Stato')).toBe('consolidato');
		expect(at("Coinvolgimento di ASST nell'analisi del bisogno e nella programmazione")).toBe(
			'SI*'
		);
		expect(at('Note')).toMatch(/^\*Gestione comune degli affidamenti/);
	});

	it('[PO5] CSV: every part of the template, key points, LEPS and indicators included, in Italian', async () => {
		const body = (await exported('csv')) as string;
		expect(body.startsWith('\uFEFF')).toBe(true);
		const [header, ...rows] = Papa.parse<string[]>(body.slice(1), { delimiter: ';' }).data;
		const fields = templateFields('2025-2027').map((f) => f.label);
		expect(header).toEqual([
			'N.',
			'Titolo',
			'Area di policy',
			...fields,
			'Macro-aree',
			'Punti chiave',
			'LEPS',
			'Indicatori',
			'Note',
			'Stato',
			'Data di approvazione'
		]);
		expect(rows).toHaveLength(20);
		const first = seriate.objectives[0];
		const points = Object.entries(first.keyPoints as Record<string, string[]>).flatMap(([c, ps]) =>
			ps.map((p) => `${c}: ${p}`)
		);
		expect(rows[0]![header!.indexOf('Punti chiave')]!.split('\n').sort()).toEqual(points.sort());
		expect(new Set(rows.map((r) => r[header!.indexOf('Stato')]))).toEqual(new Set(['consolidato']));
		expect(body).toContain('Consolidare la governance multilivello della programmazione associata');
	});

	it('[PO6] CSV imports back as a sheet with every answer as printed, SI* included', async () => {
		await expectSheetRoundTrip(planId);
	});

	it('JSON: our own format, ready to be imported again', async () => {
		const body = JSON.parse((await exported('json')) as string);
		expect(body.format).toBe('tavoli-plan-objectives');
		expect(body.objectives).toHaveLength(20);
	});
});

describe('plan export of a 2021-2023 plan (Valle Trompia)', () => {
	const trompia = domainFixture('valletrompia-2021-2023-objectives.json');
	let trompiaPlan: number;
	beforeAll(() => {
		trompiaPlan = addPlan(t.db, addAmbito(t.db, 'Valle Trompia'), '2021-2023');
		const imported = importObjectives(t.db, trompiaPlan, trompia, null, 1);
		if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
	});

	async function rows(format: 'csv') {
		const file = await renderPlanExport(t.db, trompiaPlan, format);
		const [header, ...body] = Papa.parse<string[]>((file!.body as string).slice(1), {
			delimiter: ';'
		}).data;
		return { header: header!, byNumber: new Map(body.map((r) => [Number(r[0]), r])) };
	}

	it('[PO5] CSV and XLSX print the template’s words, never INNOVATIVO or IN_CONTINUITA', async () => {
		const csv = (await renderPlanExport(t.db, trompiaPlan, 'csv'))!.body as string;
		const book = await workbook(
			(await renderPlanExport(t.db, trompiaPlan, 'xlsx'))!.body as Buffer
		);
		const texts = book.worksheets.flatMap((s) =>
			s.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map((c) => String(c ?? '')) : []))
		);
		for (const text of [csv, ...texts]) expect(text).not.toMatch(/INNOVATIVO|IN_CONTINUITA/);
		const { header, byNumber } = await rows('csv');
		const kind = header.indexOf('Tipologia di obiettivo');
		expect(byNumber.get(1)![kind]).toBe('Obiettivo innovativo.');
		expect(byNumber.get(3)![kind]).toBe('Obiettivo in continuità.');
	});

	it('[PO5] keeps the cross-cutting answer’s text, and co-progettato answers without Sì/No', async () => {
		const { header, byNumber } = await rows('csv');
		const crossing = header.indexOf(
			'L’OBIETTIVO È TRASVERSALE ED INTEGRATO CON ALTRE AREE DI POLICY?'
		);
		const coDesigned = header.indexOf('L’INTERVENTO È CO-PROGETTATO CON ALTRI ATTORI DELLA RETE?');
		expect(byNumber.get(2)![crossing]).toBe(
			trompia.objectives[1].fields.crossCuttingIntegrated.verbatim
		);
		for (const n of [14, 17, 24, 25, 32, 34]) {
			const source = trompia.objectives[n - 1].fields.coDesignedWithNetwork;
			expect(source.normalized.answer).toBeNull();
			expect(byNumber.get(n)![coDesigned]).toBe(source.verbatim);
		}
		expect(byNumber.get(2)![header.indexOf('Macro-aree')]).toBe('A, C, H, I');
	});

	it('[PO6] its CSV imports back as a sheet with every answer and its printed words', async () => {
		await expectSheetRoundTrip(trompiaPlan);
	});
});
