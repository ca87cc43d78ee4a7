import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomes } from '$lib/outcomes/outcome.schema';
import type { OutcomeNeed, OutcomePackage } from '$lib/outcomes/outcome';
import { filterMatrix, matrixFilterFrom, matrixTable } from '$lib/plan-objectives/needs-matrix';
import { loadNeedsMatrix } from '$lib/plan-objectives/needs-matrix.server';
import { tablesXlsx } from '$lib/plan-objectives/plan-documents.server';
import { EXPORT_FORMAT } from '$lib/plan-objectives/plan-export';
import { renderPlanExport } from '$lib/plan-objectives/plan-export.server';
import { importObjectives } from '$lib/plan-objectives/plan-import.server';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addMeeting, addPlan, addTavolo, TEST_NOW } from '$lib/server/db/test-fixtures';
import { convertToCsv } from '../support/libreoffice';

/**
 * CSV injection (OWASP): a plan whose texts begin with = + - @ is exported through
 * the functions the endpoints use, opened by LibreOffice with formula evaluation
 * on, and saved again as CSV. Every text must come back as text, never evaluated,
 * with the leading apostrophe OWASP advises in both formats; the XLSX, read back,
 * holds no formula but the totals we write.
 */
const hostile = ['=1+1', '+SUM(1,2)', '-2+3', '@cmd', '=HYPERLINK("http://x","y")'];
/** What LibreOffice would show had it evaluated them (or failed to). */
const evaluated = ['2', '3', '1', 'y'];

let t: TestDatabase;
let planId: number;

function objective(number: number, title: string, text: string, policyArea: string | null) {
	return {
		number,
		title,
		policyArea,
		fields: { objectives: text, asstInvolvement: 'SI' },
		// Printed answers and footnotes reach the sheets too (the answer's text, the Note column).
		verbatim: { asstInvolvement: text, 'asstInvolvement.footnote': title },
		macroAreas: ['A'],
		keyPoints: {},
		leps: [],
		indicators: [{ level: 'output', kind: 'count', description: text }],
		status: 'draft',
		approvedAt: null
	};
}

const need = (id: string, label: string, target: string): OutcomeNeed => ({
	type: 'card',
	id,
	label,
	notes: [{ id, kind: 'need', text: label, author: null, target }],
	votes: []
});

beforeAll(() => {
	t = createTestDatabase();
	planId = addPlan(t.db, addAmbito(t.db));
	// Numbers from 11, so no objective number looks like an evaluated formula.
	const imported = importObjectives(
		t.db,
		planId,
		{
			format: EXPORT_FORMAT,
			version: 1,
			plan: { title: 'Piano', period: '2025-2027', taxonomyVersion: '2025-2027' },
			policyAreas: [{ name: '@cmd', macroAreas: ['A'] }],
			objectives: hostile.map((title, i) =>
				objective(11 + i, title, hostile[(i + 1) % hostile.length]!, i === 0 ? '@cmd' : null)
			)
		},
		null,
		TEST_NOW
	);
	if (!imported.ok) throw new Error(JSON.stringify(imported.problems));

	const tavoloId = addTavolo(t.db, planId, 'Anziani');
	const meetingId = addMeeting(t.db, tavoloId, '2026-03-11');
	const content: OutcomePackage = {
		meeting: {
			id: meetingId,
			title: '@cmd',
			date: '2026-03-11',
			place: '',
			mode: 'in_person',
			tavolo: { id: tavoloId, name: 'Anziani' },
			plan: { id: planId, title: 'Piano' }
		},
		objectives: [],
		priorities: hostile.map((label, i) => need(`card-${i}`, label, hostile[(i + 2) % 5]!)),
		unchosen: [],
		attendance: [],
		phaseSnapshots: []
	};
	t.db.insert(outcomes).values({ meetingId, version: 1, content, createdAt: TEST_NOW }).run();
});
afterAll(() => t.cleanup());

/** Every cell of every sheet LibreOffice saved. */
function cellsOf(sheets: string[]): string[] {
	return sheets.flatMap((csv) =>
		Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }).data.flat()
	);
}

function expectNoFormulaEvaluated(cells: string[], shown: (text: string) => string) {
	for (const text of hostile) expect(cells).toContain(shown(text));
	for (const value of evaluated) expect(cells).not.toContain(value);
	expect(cells.filter((c) => /^(#|Err:)/.test(c))).toEqual([]);
}

describe('[CSV injection] spreadsheet exports hand texts back as texts', () => {
	it('plan CSV: each text keeps a leading apostrophe and is never evaluated', async () => {
		const file = await renderPlanExport(t.db, planId, 'csv');
		const body = file!.body as string;
		for (const text of hostile) expect(body).toContain(`'${text.replace(/"/g, '""')}`);
		expectNoFormulaEvaluated(cellsOf(await convertToCsv(body, 'csv')), (text) => `'${text}`);
	}, 60_000);

	it('plan XLSX: every sheet holds the texts as string cells with a leading apostrophe', async () => {
		const file = await renderPlanExport(t.db, planId, 'xlsx');
		const sheets = await convertToCsv(file!.body as Buffer, 'xlsx');
		expect(sheets.length).toBeGreaterThan(5);
		expectNoFormulaEvaluated(cellsOf(sheets), (text) => `'${text}`);
	}, 60_000);

	it('plan XLSX read back: no cell begins with = + - @ tab or CR; the only formulas are our totals', async () => {
		const file = await renderPlanExport(t.db, planId, 'xlsx');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(file!.body as unknown as ArrayBuffer);
		const formulas: string[] = [];
		let texts = 0;
		book.eachSheet((sheet) =>
			sheet.eachRow((row) =>
				row.eachCell((cell) => {
					if (cell.type === ExcelJS.ValueType.Formula) {
						formulas.push(`${sheet.name}!${cell.address} ${cell.formula}`);
						return;
					}
					const text = typeof cell.value === 'string' ? cell.value : '';
					if (text) texts++;
					expect(text).not.toMatch(/^[=+\-@\t\r]/);
				})
			)
		);
		expect(texts).toBeGreaterThan(hostile.length * 3);
		// The totals rows (the matrix, the key-point tables): one COUNTA per tick column, in
		// the sheet's last row, over the objectives' rows above it; the matrix has one per macro-area.
		const totals = (name: string) => {
			const sheet = book.getWorksheet(name)!;
			const last = sheet.rowCount;
			return Array.from({ length: sheet.columnCount - 1 }, (_, i) =>
				String.fromCharCode(66 + i)
			).map((c) => `${name}!${c}${last} COUNTA(${c}2:${c}${last - 1})`);
		};
		const withTotals = [...new Set(formulas.map((f) => f.slice(0, f.lastIndexOf('!'))))];
		expect(withTotals).toContain('Obiettivi e macro-aree');
		expect(formulas).toEqual(withTotals.flatMap(totals));
		// The objectives' numbers are numbers, not texts that could read as anything else.
		expect(book.getWorksheet('Obiettivi')!.getCell('A2').value).toBe(11);
	});

	it('needs matrix XLSX: card labels, targets and the incontro stay text', async () => {
		const rows = filterMatrix(
			loadNeedsMatrix(t.db, planId),
			matrixFilterFrom(new URLSearchParams())
		);
		expect(rows).toHaveLength(hostile.length);
		const body = await tablesXlsx([matrixTable(rows)]);
		expectNoFormulaEvaluated(cellsOf(await convertToCsv(body, 'xlsx')), (text) => `'${text}`);
	}, 60_000);
});
