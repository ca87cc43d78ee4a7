import {
	AlignmentType,
	BorderStyle,
	Paragraph,
	ShadingType,
	Table as DocxTable,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { Table } from './plan-tables';

/**
 * The tables of the plan's DOCX (SPEC PO5a): the quadro grouped by area, a griglia's
 * label | content, and the compact tick grids (matrix, punti chiave) sized to fit
 * landscape pages. plan-docx.server.ts puts them in the document.
 */

/** Twips (1/20 pt): A4, 2 cm margins, header and footer 1 cm from the edge. */
export const A4 = { short: 11906, long: 16838, margin: 1134, edge: 567 };
const TEXT_WIDTH = { portrait: A4.short - 2 * A4.margin, landscape: A4.long - 2 * A4.margin };
/** A tick column: 1 cm holds a two-character code and a ● at 8 pt. */
const TICK_COLUMN = 567;
/** Twips an average character takes at 8 pt, with room to spare: how long a one-line label may be. */
const CHAR_WIDTH = 95;
/** A tick grid this short is kept on one page with its legend; a longer one breaks between rows. */
const KEEP_TOGETHER_ROWS = 15;
const SHADE = 'E7ECF2';
export const RULE = { style: BorderStyle.SINGLE, size: 4, color: '8A99AB' };

export const run = (
	text: string,
	options: { bold?: boolean; size?: number; italics?: boolean } = {}
) => new TextRun({ text, ...options });

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
export function groupedTable(table: Table): DocxTable {
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

/**
 * A griglia analitica: label and content, as the plans print it — without a header row
 * (the objectives' griglie), or with it (`header`: the resoconto's «Dimensione | Output»).
 */
export function fieldTable(table: Table, o: { header?: boolean } = {}): DocxTable {
	const widths = [Math.round(TEXT_WIDTH.portrait * 0.34), 0];
	widths[1] = TEXT_WIDTH.portrait - widths[0]!;
	const head = o.header
		? [
				new TableRow({
					tableHeader: true,
					cantSplit: true,
					children: table.header.map((h, i) =>
						cell(h, { width: widths[i]!, bold: true, shade: true, keep: true })
					)
				})
			]
		: [];
	return fixedTable(widths, [
		...head,
		...table.rows.map(
			([label, value]) =>
				new TableRow({
					children: [
						cell(label ?? '', { width: widths[0]!, bold: true, shade: true }),
						cell(value ?? '', { width: widths[1]! })
					]
				})
		)
	]);
}

/**
 * A table with a header row repeated on every page, columns sized by `shares` of the
 * landscape text width (the resoconto's summary grid: number, title, five dimensions).
 */
export function sharedWidthTable(table: Table, shares: readonly number[]): DocxTable {
	const total = shares.reduce((a, b) => a + b, 0);
	const widths = shares.map((s) => Math.floor((TEXT_WIDTH.landscape * s) / total));
	const row = (cells: readonly string[], header: boolean) =>
		new TableRow({
			tableHeader: header,
			cantSplit: true,
			children: cells.map((c, i) =>
				cell(c, { width: widths[i]!, bold: header, shade: header, size: 16, center: i === 0 })
			)
		});
	return fixedTable(widths, [row(table.header, true), ...table.rows.map((r) => row(r, false))]);
}

/** Cut at a word, so a tick grid's label column stays one line wide. */
export function shortLabel(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** A tick grid: short labels, narrow centred columns under codes, totals, rows that never split. */
export function compactTable(table: Table): DocxTable {
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
export function notes(table: Table): Paragraph[] {
	const legend = table.compact?.legend ?? [];
	return legend.map((text, i) =>
		small(text, { keep: i < legend.length - 1, before: i === 0 ? 100 : 0 })
	);
}
