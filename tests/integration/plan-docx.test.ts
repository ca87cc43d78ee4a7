import { execFileSync } from 'node:child_process';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { demoAmbito, demoPlan } from '$lib/demo/demo-plan';
import { savePlan } from '$lib/plan/plan-commands.server';
import { renderPlanExport } from '$lib/plan-objectives/plan-export.server';
import { importObjectives } from '$lib/plan-objectives/plan-import.server';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito } from '$lib/server/db/test-fixtures';
import { docxToPdf, pdfPages, pdfToPng } from '../support/pdf';
import { domainFixture } from '../support/domain';

/**
 * [PO5a] The Seriate plan's DOCX as an Ufficio di Piano gets it: converted by
 * LibreOffice and read back from the PDF, page by page. The PDF, the DOCX and a PNG
 * of every page stay in test-results/plan-docx/ for a person to look at.
 */
const seriate = domainFixture('seriate-2025-2027-objectives.json');
const OUT = new URL('../../test-results/plan-docx/', import.meta.url).pathname;
/** The 6.4 matrix's printed totals, A to L. */
const TOTALS = [6, 7, 6, 7, 6, 9, 5, 9, 9, 6, 1];

let t: TestDatabase;
let planId: number;
let pdf: string;
let pages: string[];
beforeAll(async () => {
	t = createTestDatabase();
	const { title, period, taxonomyVersionId } = demoPlan;
	const saved = savePlan(
		t.db,
		addAmbito(t.db, demoAmbito.name),
		null,
		{ title, period, taxonomyVersionId, status: 'in_force' },
		Date.parse('2026-03-10T10:00:00Z')
	);
	if (!saved.ok) throw new Error(saved.reason);
	planId = saved.value;
	const imported = importObjectives(
		t.db,
		planId,
		seriate,
		null,
		Date.parse('2026-03-11T09:00:00Z')
	);
	if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
	const file = await renderPlanExport(t.db, planId, 'docx');
	pdf = await docxToPdf(file!.body as Buffer, OUT, 'seriate-2025-2027');
	pages = await pdfPages(pdf);
	await pdfToPng(pdf);
}, 240_000);
afterAll(() => t.cleanup());

const pageOf = (pattern: RegExp, from = 0) =>
	pages.findIndex((p, i) => i >= from && pattern.test(p));
/** Where the body starts: past the cover and the table of contents, whose entries have no gap after the number. */
const bodyStart = () => pageOf(/^1\.\s{3,}Quadro degli obiettivi\s*$/m);

describe('[PO5a] plan DOCX rendered by LibreOffice', () => {
	it('has a cover with the Ambito, the title once, the period, the version and the date', () => {
		const cover = pages[0]!;
		expect(cover).toContain('Ambito Territoriale di Seriate');
		expect(cover).toContain('Piano di Zona 2025-2027 «Fare insieme»');
		expect(cover).toContain('Periodo di programmazione 2025-2027');
		expect(cover).toMatch(/Versione \d+ · piano in vigore/);
		expect(cover).toContain('Aggiornata al 11 marzo 2026');
		for (const page of pages) expect(page).not.toMatch(/2025-2027\s*«Fare insieme»\s*2025-2027/);
	});

	it('numbers every page in its footer and repeats the running header', () => {
		expect(pages.length).toBeGreaterThan(20);
		pages.forEach((page, i) => {
			expect(page).toContain(`Pagina ${i + 1} di ${pages.length}`);
			expect(page).toContain(
				'Ambito Territoriale di Seriate · Piano di Zona 2025-2027 «Fare insieme»'
			);
		});
	});

	it('opens with a table of contents listing every numbered heading, in order, with its number', () => {
		expect(pages[1]).toMatch(/^\s*Indice\s*$/m);
		/** "2.6 Domiciliarità": a heading's number and the start of its text. */
		const numbered = (text: string, gap: string) =>
			[...text.matchAll(new RegExp(`^\\s*(\\d+\\.\\d*)${gap}(\\S.{0,24})`, 'gm'))].map(
				(m) => `${m[1]} ${m[2]}`
			);
		const toc = numbered(pages.slice(1, bodyStart()).join('\n'), ' ');
		const body = numbered(pages.slice(bodyStart()).join('\n'), '\\s{3,}');
		expect(toc).toEqual(body);
		expect(toc).toContain('2.6 Domiciliarità');
		expect(toc).toHaveLength(2 + seriate.policyAreas.length + 2 + seriate.keyPointTables.length);
		expect(pages.slice(1, bodyStart()).join('\n')).toMatch(/^\s*20 \| Potenziare gli interventi/m);
	});

	it('prints the quadro grouped by policy area, each area once, objectives numbered', () => {
		const end = pageOf(/^2\.\s{3,}Griglie analitiche\s*$/m, bodyStart());
		const quadro = pages.slice(bodyStart(), end + 1).join('\n');
		const flat = quadro.replace(/\s+/g, ' ');
		for (const area of seriate.policyAreas)
			expect(flat.split(`Area «${area.normalized}»`).length - 1, area.normalized).toBe(1);
		expect(quadro).toMatch(
			/^\s*20\s+Potenziare gli interventi di prevenzione del gioco d.azzardo/m
		);
	});

	it('prints objective 2 with the SI* and n/d the source prints', () => {
		const start = pageOf(/^\s*2 \| Consolidare il servizio sociale professionale/m, bodyStart());
		const grid = pages
			.slice(start, start + 2)
			.join('\n')
			.split(/^\s*3 \| Promuovere/m)[0]!;
		expect(grid).toMatch(/Coinvolgimento di ASST nell.analisi\s+SI\*/);
		expect(grid.match(/\bSI\*/g)).toHaveLength(2);
		expect(grid).toMatch(/Impatto sociale previsto\s+n\/d/);
	});

	it('prints the matrix as one compact grid of ● on at most two landscape pages, header on each', () => {
		const header = /Obiettivo\s+A\s+B\s+D\s+E\s+F\s+G\s+H\s+I\s+J\s+K\s+L\s*$/m;
		const first = pageOf(header, bodyStart());
		const last = pageOf(new RegExp(`Totale\\s+${TOTALS.join('\\s+')}\\s*$`, 'm'), first);
		expect(first).toBeGreaterThan(0);
		expect(last - first + 1).toBeLessThanOrEqual(2);
		const matrix = pages.slice(first, last + 1);
		for (const page of matrix) expect(page).toMatch(header);
		const body = matrix.join('\n');
		for (let n = 1; n <= 20; n++) expect(body).toMatch(new RegExp(`^\\s*${n}\\. \\S`, 'm'));
		const rows = body.split(/Totale\s/)[0]!;
		expect(rows.match(/●/g)).toHaveLength(TOTALS.reduce((a, b) => a + b, 0));
		expect(body).not.toMatch(/\bX\b/);
		expect(pages[last]).toContain(
			"L) Contrasto al gioco d'azzardo patologico e ad altre dipendenze"
		);
		const sizes = execFileSync('pdfinfo', [
			'-f',
			`${first + 1}`,
			'-l',
			`${last + 1}`,
			pdf
		]).toString();
		for (const [, w, h] of sizes.matchAll(/size:\s+([\d.]+) x ([\d.]+)/g))
			expect(Number(w)).toBeGreaterThan(Number(h));
	});

	it('prints every key-point table compactly, with its totals and legend', () => {
		const chapter = pageOf(/^\s*4\.\s+Punti chiave per macro-area\s*$/m, bodyStart());
		const text = pages.slice(chapter).join('\n');
		for (const table of seriate.keyPointTables) expect(text).toContain(`${table.macroArea}. `);
		expect(text.match(/^\s*Totale(\s+\d+)+\s*$/gm)).toHaveLength(seriate.keyPointTables.length);
		expect(text).toContain('1. Allargamento della rete e co-programmazione');
	});

	it('draws every page in a sans font, the one the document names', () => {
		const fonts = execFileSync('pdffonts', [pdf]).toString().split('\n').slice(2).filter(Boolean);
		expect(fonts.length).toBeGreaterThan(0);
		for (const font of fonts) expect(font).toMatch(/LiberationSans|Arial/);
	});
});

describe('[PO5a] plan DOCX as Word reads it', () => {
	const part = (name: string) =>
		execFileSync('unzip', ['-p', `${OUT}seriate-2025-2027.docx`, name], {
			maxBuffer: 64 * 1024 * 1024
		}).toString('utf8');

	it('is Italian and sets its font in the defaults every style inherits, no theme font', () => {
		const styles = part('word/styles.xml');
		const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
		expect(defaults).toContain('<w:lang w:val="it-IT"/>');
		expect(defaults).toMatch(/<w:rFonts w:ascii="Arial"[^>]*w:hAnsi="Arial"/);
		expect(styles).not.toMatch(/Theme="/);
	});

	it('holds a real TOC field, repeated header rows, rows that never split, a landscape section', () => {
		const doc = part('word/document.xml');
		expect(doc).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;/);
		expect(doc).toContain('<w:fldChar w:fldCharType="begin" w:dirty="true"/>');
		expect(doc).toContain('<w:tblHeader/>');
		expect(doc).toContain('<w:cantSplit/>');
		expect(doc).toContain('w:orient="landscape"');
	});
});

describe('[PO5a] a plan of 40 objectives', () => {
	it('still prints its matrix on at most two landscape pages, header repeated', async () => {
		const exported = JSON.parse((await renderPlanExport(t.db, planId, 'json'))!.body as string);
		const copies = exported.objectives.map((o: { number: number; title: string }) => ({
			...o,
			number: o.number + 20,
			title: `${o.title} (seconda annualità)`
		}));
		const big = savePlan(
			t.db,
			addAmbito(t.db, 'Ambito di prova'),
			null,
			{
				title: 'Piano grande',
				period: '2025-2027',
				taxonomyVersionId: '2025-2027',
				status: 'drafting'
			},
			Date.parse('2026-03-10T10:00:00Z')
		);
		if (!big.ok) throw new Error(big.reason);
		const twice = { ...exported, objectives: [...exported.objectives, ...copies] };
		const imported = importObjectives(
			t.db,
			big.value,
			twice,
			null,
			Date.parse('2026-03-11T09:00:00Z')
		);
		if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
		const file = await renderPlanExport(t.db, big.value, 'docx');
		const bigPages = await pdfPages(await docxToPdf(file!.body as Buffer, OUT, 'forty-objectives'));
		const header = /Obiettivo\s+A\s+B\s+D\s+E\s+F\s+G\s+H\s+I\s+J\s+K\s+L\s*$/m;
		const first = bigPages.findIndex((p) => header.test(p));
		const totals = TOTALS.map((n) => n * 2).join('\\s+');
		const last = bigPages.findIndex((p) => new RegExp(`Totale\\s+${totals}\\s*$`, 'm').test(p));
		expect(first).toBeGreaterThan(0);
		expect(last - first + 1).toBeLessThanOrEqual(2);
		for (const page of bigPages.slice(first, last + 1)) expect(page).toMatch(header);
		expect(bigPages.slice(first, last + 1).join('\n')).toMatch(/^\s*40\. \S/m);
	}, 240_000);
});
