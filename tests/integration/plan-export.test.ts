import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlanExport } from '$lib/plan-objectives/plan-export.server';
import { importObjectives } from '$lib/plan-objectives/plan-import.server';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addPlan } from '$lib/server/db/test-fixtures';
import { convertToPdf } from '../support/libreoffice';

/** The Seriate plan's objectives chapter exported as files and opened by LibreOffice. */
const seriate = JSON.parse(
	readFileSync(
		new URL('../../../shared/domain/fixtures/seriate-2025-2027-objectives.json', import.meta.url),
		'utf8'
	)
);

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
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(body as unknown as ArrayBuffer);
		const names = book.worksheets.map((s) => s.name);
		expect(names).toContain('Obiettivi e macro-aree');
		expect(names.length).toBe(1 + 1 + 1 + 10 + 20);
		const matrix = book.getWorksheet('Obiettivi e macro-aree')!;
		const totals = (matrix.getRow(matrix.rowCount).values as unknown[]).slice(1);
		expect(totals).toEqual(['Totale', '6', '7', '6', '7', '6', '9', '5', '9', '9', '6', '1']);
	}, 180_000);

	it('CSV: one row per objective with every field, semicolon-separated', async () => {
		const body = (await exported('csv')) as string;
		expect(body.startsWith('\uFEFF')).toBe(true);
		const header = body.slice(1).split('\r\n')[0]!.split(';');
		expect(header).toHaveLength(3 + 21 + 2);
		expect(body).toContain('Consolidare la governance multilivello della programmazione associata');
	});

	it('JSON: our own format, ready to be imported again', async () => {
		const body = JSON.parse((await exported('json')) as string);
		expect(body.format).toBe('tavoli-plan-objectives');
		expect(body.objectives).toHaveLength(20);
	});
});
