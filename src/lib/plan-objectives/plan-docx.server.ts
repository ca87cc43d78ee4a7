import { Paragraph, Table as DocxTable } from 'docx';
import {
	contents,
	cover,
	framedDocx,
	intro,
	Outline,
	type PlanDocxCover
} from './docx-frame.server';
import { compactTable, fieldTable, groupedTable, notes } from './plan-docx-tables.server';
import type { PlanTables } from './plan-tables';

/**
 * The plan's objectives chapter as a Word document laid out as real Piani di Zona
 * print it (SPEC PO5a): a cover, a table of contents, numbered chapters, running
 * header and footer with page numbers, the griglie in portrait and the tick grids
 * in landscape, compact enough for the matrix to fit one or two pages. Nothing here
 * decides content: it lays out `plan-tables.ts` in the frame of docx-frame.server.ts.
 */

function objectivesPart(tables: PlanTables, outline: Outline): (Paragraph | DocxTable)[] {
	const body: (Paragraph | DocxTable)[] = [
		outline.heading('Quadro degli obiettivi', 1),
		intro(
			`Elenco degli obiettivi del Piano di Zona (n. ${tables.grids.length}), per area di policy.`
		),
		groupedTable(tables.overview),
		outline.heading('Griglie analitiche', 1)
	];
	let section: string | undefined;
	for (const grid of tables.grids) {
		if (grid.section !== section) body.push(outline.heading((section = grid.section ?? ''), 2));
		body.push(outline.heading(grid.title.replace(/^Obiettivo (\d+)\. /, '$1 | '), 3));
		body.push(fieldTable(grid), ...notes(grid));
	}
	return body;
}

function gridsPart(tables: PlanTables, outline: Outline): (Paragraph | DocxTable)[] {
	// A grid no objective ticks (a 2021-2023 plan has no punti chiave) would print a header and zeros.
	const keyPoints = tables.keyPointTables.filter((t) => t.rows.length > 0);
	return [
		outline.heading('Raccordo tra obiettivi e macro-aree di policy regionali', 1),
		compactTable(tables.matrix),
		...notes(tables.matrix),
		...(keyPoints.length ? [outline.heading('Punti chiave per macro-area', 1)] : []),
		...keyPoints.flatMap((t) => [outline.heading(t.title, 2), compactTable(t), ...notes(t)])
	];
}

export function planDocx(tables: PlanTables, c: PlanDocxCover): Promise<Buffer> {
	const outline = new Outline();
	const portrait = objectivesPart(tables, outline);
	const landscape = gridsPart(tables, outline);
	return framedDocx(tables.title, `${c.ambito} · ${tables.title}`, [
		{
			orientation: 'portrait',
			children: [
				...cover(tables.title, 'Obiettivi del Piano di Zona', c),
				...contents(outline),
				...portrait
			]
		},
		{ orientation: 'landscape', children: landscape }
	]);
}
