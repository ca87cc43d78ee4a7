import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEvaluation } from '$lib/monitoring/evaluation-files.server';
import { saveEvaluation } from '$lib/monitoring/monitoring-commands.server';
import { setArchived } from '$lib/plan-objectives/objective-archive-commands.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addObjectives, addPlan, exportedObjective } from '$lib/server/db/test-fixtures';
import { docxToPdf, pdfPages, pdfToPng } from '../support/pdf';

/**
 * [M40] The resoconto degli esiti as the UdP hands it on: the DOCX converted by
 * LibreOffice and read back from the PDF, the XLSX read back with exceljs. The files
 * stay in test-results/evaluation-report/ for a person to look at.
 */
const OUT = new URL('../../test-results/evaluation-report/', import.meta.url).pathname;
const actor = { userId: null, now: Date.parse('2027-12-20T10:00:00Z') };

let t: TestDatabase;
let planId: number;
let pages: string[];
beforeAll(async () => {
	t = createTestDatabase();
	planId = addPlan(t.db, addAmbito(t.db, 'Ambito Territoriale di Seriate'));
	addObjectives(t.db, planId, [
		exportedObjective(1, 'Sostenere la domiciliarità degli anziani'),
		exportedObjective(2, 'Fronteggiare l’emergenza abitativa'),
		exportedObjective(3, 'Obiettivo senza valutazione'),
		exportedObjective(4, 'Obiettivo archiviato')
	]);
	const [one, two, , archived] = listPlanObjectives(t.db, planId);
	const save = (objectiveId: number, body: Parameters<typeof saveEvaluation>[2]) => {
		const saved = saveEvaluation(t.db, { planId, objectiveId }, body, actor);
		if (!saved.ok) throw new Error(saved.reason);
	};
	save(one!.id, {
		actionsPlanned: 7,
		actionsDone: 6,
		budgetPlanned: 120000,
		budgetPaid: 120000,
		userEvaluation: 'Non pertinente',
		resourceAdequacy: 'Adeguato',
		notes: 'Difficoltà nel coinvolgere i medici di base.'
	});
	save(two!.id, {
		actionsPlanned: 4,
		actionsDone: 2,
		budgetPlanned: 50000,
		budgetPaid: 61000,
		userEvaluation: null,
		resourceAdequacy: 'Inadeguato',
		notes: null
	});
	setArchived(t.db, { planId, objectiveId: archived!.id }, true, actor);
	const file = await renderEvaluation(t.db, planId, 'docx');
	const pdf = await docxToPdf(file!.body, OUT, 'resoconto');
	pages = await pdfPages(pdf);
	await pdfToPng(pdf);
}, 240_000);
afterAll(() => t.cleanup());

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('[M40] the resoconto DOCX rendered by LibreOffice', () => {
	it('has the house cover, header and numbered footer of the plan DOCX', () => {
		expect(pages[0]).toContain('Ambito Territoriale di Seriate');
		expect(pages[0]).toContain('Resoconto degli esiti');
		expect(pages[0]).toContain('Periodo di programmazione 2025-2027');
		pages.forEach((page, i) => {
			expect(page).toContain(`Pagina ${i + 1} di ${pages.length}`);
			expect(page).toContain('Ambito Territoriale di Seriate · Piano di Zona 2025-2027');
		});
	});

	it('prints the summary grid: a row per live objective with its bands, n/d without data', () => {
		const summary = pages.find((p) => /Griglia sintetica/.test(p) && /Criticità rilevate/.test(p))!;
		expect(summary).toMatch(
			/^\s*1\s+Sostenere la domiciliarità\s.*buono \(85,7%\)\s+Non pertinente\s+Adeguato\s+ottimo \(100%\)/m
		);
		expect(summary).toMatch(
			/^\s*2\s+Fronteggiare l’emergenza abitativa\s+sufficiente \(50%\)\s+n\/d\s+Inadeguato\s+sottostimato \(122%\)\s+n\/d\s*$/m
		);
		expect(summary).toMatch(
			/^\s*3\s+Obiettivo senza valutazione\s+n\/d\s+n\/d\s+n\/d\s+n\/d\s+n\/d\s*$/m
		);
		expect(pages.join('\n')).not.toContain('Obiettivo archiviato');
	});

	it('prints one «Dimensione | Output» grid per objective, with the template labels and formulas', () => {
		const all = pages.join('\n');
		const body = all.slice(all.lastIndexOf('Griglie analitiche'));
		const grid = (from: string, to: string) => body.slice(body.indexOf(from), body.indexOf(to));
		const first = grid('1) Sostenere', '2) Fronteggiare');
		expect(first).toMatch(/^\s*Dimensione\s+Output\s*$/m);
		expect(first).toMatch(/^\s*Grado di raggiungimento\s+buono \(85,7%\)\s*$/m);
		expect(flat(first)).toContain('(n. azioni realizzate*100)/n. azioni programmate');
		expect(first).toMatch(/^\s*Livello di coincidenza tra risorse\s+ottimo \(100%\)\s*$/m);
		expect(flat(first)).toContain('(pagato*100)/preventivato');
		expect(first).toMatch(
			/^\s*Criticità rilevate nel raggiungimento\s+Difficoltà nel coinvolgere/m
		);
		const second = grid('2) Fronteggiare', '3) Obiettivo');
		expect(second).toMatch(/^\s*Valutazione da parte degli utenti \(se\s+n\/d\s*$/m);
		expect(second).toMatch(/^\s*Livello di adeguatezza delle risorse\s+Inadeguato\s*$/m);
		expect(second).toMatch(/^\s*Livello di coincidenza tra risorse\s+sottostimato \(122%\)\s*$/m);
		expect(second).toMatch(/^\s*Criticità rilevate nel raggiungimento\s+n\/d\s*$/m);
	});
});

describe('[M40] the resoconto XLSX read back', () => {
	it('has the summary sheet with typed percentages, then one sheet per objective', async () => {
		const file = await renderEvaluation(t.db, planId, 'xlsx');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(file!.body as unknown as ArrayBuffer);
		expect(book.worksheets.map((s) => s.name)).toEqual([
			'Griglia sintetica',
			'1) Sostenere la domiciliarità d',
			'2) Fronteggiare l’emergenza abi',
			'3) Obiettivo senza valutazione'
		]);
		const summary = book.worksheets[0]!;
		const header = (summary.getRow(1).values as unknown[]).slice(1);
		expect(header[2]).toBe('Grado di raggiungimento (%)');
		const row = (n: number) => (summary.getRow(n).values as unknown[]).slice(1);
		expect(row(2).slice(0, 4)).toEqual([
			1,
			'Sostenere la domiciliarità degli anziani',
			85.7,
			'buono'
		]);
		expect(row(3)[6]).toBe(122);
		expect(row(3)[7]).toBe('sottostimato');
		expect(row(4)[2]).toBeUndefined();
		expect(row(4)[3]).toBe('n/d');
		const grid = book.worksheets[2]!;
		expect((grid.getRow(1).values as unknown[]).slice(1)).toEqual(['Dimensione', 'Output']);
		expect(grid.getRow(3).getCell(2).value).toBe('n/d');
		expect(grid.getRow(4).getCell(2).value).toBe('Inadeguato');
	});

	it('is undefined for an unknown plan', async () => {
		expect(await renderEvaluation(t.db, 99999, 'xlsx')).toBeUndefined();
	});
});
