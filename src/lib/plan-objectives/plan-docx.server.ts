import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	Header,
	HeadingLevel,
	LeaderType,
	LevelFormat,
	Packer,
	PageBreak,
	PageNumber,
	PageOrientation,
	Paragraph,
	ShadingType,
	Table as DocxTable,
	TableCell,
	TableLayoutType,
	TableOfContents,
	TableRow,
	TextRun,
	WidthType,
	type ISectionOptions
} from 'docx';
import type { PlanTables, Table } from './plan-tables';

/**
 * The plan's objectives chapter as a Word document laid out as real Piani di Zona
 * print it (SPEC PO5a): a cover, a table of contents, numbered chapters, running
 * header and footer with page numbers, the griglie in portrait and the tick grids
 * in landscape, compact enough for the matrix to fit one or two pages. Nothing here
 * decides content: it lays out `plan-tables.ts`.
 */

/** What the cover prints besides the tables' title. */
export interface PlanDocxCover {
	ambito: string;
	period: string;
	/** The day of the last change, as a reader writes it ("4 dicembre 2026"). */
	date: string;
	version: string;
}

/**
 * Arial, which every Word has and LibreOffice on Debian draws with Liberation Sans
 * (fonts-liberation: same widths, so the pages break where Word breaks them).
 */
const FONT = 'Arial';
const LANGUAGE = { value: 'it-IT' };
const CHAPTERS = 'chapters';
/** Twips (1/20 pt): A4, 2 cm margins, header and footer 1 cm from the edge. */
const A4 = { short: 11906, long: 16838, margin: 1134, edge: 567 };
const TEXT_WIDTH = { portrait: A4.short - 2 * A4.margin, landscape: A4.long - 2 * A4.margin };
/** A tick column: 1 cm holds a two-character code and a ● at 8 pt. */
const TICK_COLUMN = 567;
/** Twips an average character takes at 8 pt, with room to spare: how long a one-line label may be. */
const CHAR_WIDTH = 95;
/** A tick grid this short is kept on one page with its legend; a longer one breaks between rows. */
const KEEP_TOGETHER_ROWS = 15;
const SHADE = 'E7ECF2';
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '8A99AB' };

const run = (text: string, options: { bold?: boolean; size?: number; italics?: boolean } = {}) =>
	new TextRun({ text, ...options });

interface TextOptions {
	bold?: boolean;
	size?: number;
	center?: boolean;
	/** Keep on the page with what follows (a short table, with its legend). */
	keep?: boolean;
}

/** A cell's text, one paragraph per line. */
function lines(text: string, options: TextOptions = {}) {
	return (text === '' ? [''] : text.split('\n')).map(
		(line) =>
			new Paragraph({
				alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
				spacing: { before: 0, after: 0 },
				keepNext: options.keep,
				children: [run(line, { bold: options.bold, size: options.size ?? 18 })]
			})
	);
}

interface CellOptions extends TextOptions {
	width: number;
	shade?: boolean;
	span?: number;
}

function cell(text: string, o: CellOptions): TableCell {
	return new TableCell({
		width: { size: o.width, type: WidthType.DXA },
		columnSpan: o.span,
		shading: o.shade ? { type: ShadingType.CLEAR, fill: SHADE, color: 'auto' } : undefined,
		margins: { top: 30, bottom: 30, left: 70, right: 70 },
		children: lines(text, o)
	});
}

const borders = { top: RULE, bottom: RULE, left: RULE, right: RULE };
const innerBorders = { ...borders, insideHorizontal: RULE, insideVertical: RULE };

function fixedTable(widths: number[], rows: TableRow[]): DocxTable {
	return new DocxTable({
		width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
		columnWidths: widths,
		layout: TableLayoutType.FIXED,
		borders: innerBorders,
		rows
	});
}

/** The quadro: number and title, the policy area once above its objectives. */
function groupedTable(table: Table): DocxTable {
	const group = table.groupBy ?? -1;
	const keep = table.header.map((_, i) => i).filter((i) => i !== group);
	const widths = [850, TEXT_WIDTH.portrait - 850];
	const rows = [
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: keep.map((i, n) =>
				cell(table.header[i]!, { width: widths[n]!, bold: true, shade: true })
			)
		})
	];
	let current: string | undefined;
	for (const r of table.rows) {
		if (group >= 0 && r[group] !== current) {
			current = r[group];
			rows.push(
				new TableRow({
					cantSplit: true,
					children: [cell(`Area «${current}»`, { width: TEXT_WIDTH.portrait, span: 2, bold: true })]
				})
			);
		}
		rows.push(
			new TableRow({
				cantSplit: true,
				children: keep.map((i, n) => cell(r[i]!, { width: widths[n]!, center: n === 0 }))
			})
		);
	}
	return fixedTable(widths, rows);
}

/** A griglia analitica: label and content, no header row, as the plans print it. */
function fieldTable(table: Table): DocxTable {
	const widths = [Math.round(TEXT_WIDTH.portrait * 0.34), 0];
	widths[1] = TEXT_WIDTH.portrait - widths[0]!;
	return fixedTable(
		widths,
		table.rows.map(
			([label, value]) =>
				new TableRow({
					children: [
						cell(label ?? '', { width: widths[0]!, bold: true, shade: true }),
						cell(value ?? '', { width: widths[1]! })
					]
				})
		)
	);
}

/** Cut at a word, so a tick grid's label column stays one line wide. */
export function shortLabel(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** A tick grid: short labels, narrow centred columns under codes, totals, rows that never split. */
function compactTable(table: Table): DocxTable {
	const codes = table.compact?.codes ?? table.header.slice(1);
	const first = TEXT_WIDTH.landscape - codes.length * TICK_COLUMN;
	const widths = [first, ...codes.map(() => TICK_COLUMN)];
	const keep = table.rows.length <= KEEP_TOGETHER_ROWS;
	const row = (cells: string[], o: { bold?: boolean; header?: boolean; last?: boolean }) =>
		new TableRow({
			tableHeader: o.header,
			cantSplit: true,
			children: cells.map((c, i) =>
				cell(i === 0 && !o.bold ? shortLabel(c, Math.floor(first / CHAR_WIDTH)) : c, {
					width: widths[i]!,
					bold: o.bold,
					shade: o.bold,
					center: i > 0,
					size: 16,
					keep: keep || o.last
				})
			)
		});
	return fixedTable(widths, [
		row([table.header[0]!, ...codes], { bold: true, header: true }),
		...table.rows.map((r, i) => row(r, { last: !table.footer && i === table.rows.length - 1 })),
		...(table.footer ? [row(table.footer, { bold: true, last: true })] : [])
	]);
}

const small = (text: string, o: { italics?: boolean; keep?: boolean; before?: number }) =>
	new Paragraph({
		spacing: { before: o.before ?? 0, after: 0 },
		keepNext: o.keep,
		keepLines: true,
		children: [run(text, { size: 15, italics: o.italics })]
	});

/** The legend of a tick grid's codes: kept together, under the table. */
function notes(table: Table): Paragraph[] {
	const legend = table.compact?.legend ?? [];
	return legend.map((text, i) =>
		small(text, { keep: i < legend.length - 1, before: i === 0 ? 100 : 0 })
	);
}

/**
 * The chapter's headings, numbered by a Word list (1., 2., 2.1) and remembered with
 * the same numbers for the table of contents.
 */
class Outline {
	readonly entries: { title: string; level: number }[] = [];
	#chapter = 0;
	#section = 0;

	heading(text: string, level: 1 | 2 | 3): Paragraph {
		if (level === 1) [this.#chapter, this.#section] = [this.#chapter + 1, 0];
		if (level === 2) this.#section++;
		const number = [`${this.#chapter}.`, `${this.#chapter}.${this.#section}`, ''][level - 1];
		this.entries.push({ title: number ? `${number} ${text}` : text, level });
		return new Paragraph({
			heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1],
			numbering: level < 3 ? { reference: CHAPTERS, level: level - 1 } : undefined,
			keepNext: true,
			children: [run(text)]
		});
	}
}

const intro = (text: string) => new Paragraph({ spacing: { after: 160 }, children: [run(text)] });

function cover(tables: PlanTables, c: PlanDocxCover): Paragraph[] {
	const line = (text: string, size: number, bold = false, before = 0) =>
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { before, after: 120 },
			children: [run(text, { size, bold })]
		});
	return [
		line(c.ambito, 32, true, 2400),
		line(tables.title, 44, true, 1200),
		line('Obiettivi del Piano di Zona', 32, false, 240),
		line(`Periodo di programmazione ${c.period}`, 24, false, 1200),
		line(`Versione ${c.version}`, 22, false, 1800),
		line(`Aggiornata al ${c.date}`, 22),
		new Paragraph({ children: [new PageBreak()] })
	];
}

/**
 * A Word TOC field written with its entries, so LibreOffice, which does not update
 * fields, shows them; without page numbers, which only a layout of the pages knows
 * (docx/layout's estimate takes seconds of CPU, too long for a server in a live
 * session). The field is written dirty: Word fills in the pages when it opens the file.
 */
function contents(outline: Outline): (Paragraph | TableOfContents)[] {
	return [
		new Paragraph({ spacing: { after: 240 }, children: [run('Indice', { size: 32, bold: true })] }),
		new TableOfContents('Indice', {
			hyperlink: true,
			headingStyleRange: '1-3',
			cachedEntries: outline.entries,
			tabLeader: LeaderType.NONE
		}),
		new Paragraph({ children: [new PageBreak()] })
	];
}

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

function pageFrame(tables: PlanTables, c: PlanDocxCover) {
	const header = new Header({
		children: [
			new Paragraph({
				border: { bottom: RULE },
				children: [run(`${c.ambito} · ${tables.title}`, { size: 16 })]
			})
		]
	});
	const footer = new Footer({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [
					new TextRun({
						size: 16,
						children: ['Pagina ', PageNumber.CURRENT, ' di ', PageNumber.TOTAL_PAGES]
					})
				]
			})
		]
	});
	return { headers: { default: header }, footers: { default: footer } };
}

function page(orientation: 'portrait' | 'landscape'): ISectionOptions['properties'] {
	const margin = { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin };
	return {
		page: {
			size:
				orientation === 'portrait'
					? { width: A4.short, height: A4.long }
					: { width: A4.short, height: A4.long, orientation: PageOrientation.LANDSCAPE },
			margin: { ...margin, header: A4.edge, footer: A4.edge }
		}
	};
}

const headingStyle = (id: string, name: string, size: number, before: number) => ({
	id,
	name,
	basedOn: 'Normal',
	next: 'Normal',
	quickFormat: true,
	run: { font: FONT, size, bold: true, color: '1F3A5F', language: LANGUAGE },
	paragraph: { spacing: { before, after: 120 }, keepNext: true }
});

/** Chapters 1., 2. and sections 2.1, 2.2 as real plans number them (6.2, 6.3, 6.4). */
const chapterLevel = (level: number, text: string) => ({
	level,
	format: LevelFormat.DECIMAL,
	text,
	alignment: AlignmentType.START,
	style: { paragraph: { indent: { left: 850, hanging: 850 } } }
});

export async function planDocx(tables: PlanTables, c: PlanDocxCover): Promise<Buffer> {
	const frame = pageFrame(tables, c);
	const outline = new Outline();
	const portrait = objectivesPart(tables, outline);
	const landscape = gridsPart(tables, outline);
	const doc = new Document({
		title: tables.title,
		creator: 'Tavoli',
		styles: {
			default: { document: { run: { font: FONT, size: 20, language: LANGUAGE } } },
			paragraphStyles: [
				headingStyle('Heading1', 'Heading 1', 30, 360),
				headingStyle('Heading2', 'Heading 2', 24, 280),
				headingStyle('Heading3', 'Heading 3', 21, 240)
			]
		},
		numbering: {
			config: [
				{
					reference: CHAPTERS,
					levels: [chapterLevel(0, '%1.'), chapterLevel(1, '%1.%2')]
				}
			]
		},
		sections: [
			{
				properties: page('portrait'),
				...frame,
				children: [...cover(tables, c), ...contents(outline), ...portrait]
			},
			{ properties: page('landscape'), ...frame, children: landscape }
		]
	});
	return Packer.toBuffer(doc);
}
