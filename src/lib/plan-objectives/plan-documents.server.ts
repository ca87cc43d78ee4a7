import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { spreadsheetCell } from '$lib/server/spreadsheet-cell';
import type { PlanTables, Table } from './plan-tables';

/**
 * Renderings of the plan's tables (plan-tables.ts) as files the UdP hands on:
 * XLSX with one sheet per table, CSV for the objectives list (the DOCX is
 * plan-docx.server.ts). Nothing here decides content; it only lays it out. Every
 * XLSX and CSV text goes through spreadsheetCell, so no text is read as a
 * formula; the only formulas are the totals we write ourselves.
 */

/** Excel's bound on a sheet name. */
const SHEET_NAME_MAX = 31;

/**
 * Sheet names: at most 31 characters, none of : \ / ? * [ ], no space at either
 * end (Excel trims it, and a name cut mid-phrase reads as broken), no apostrophe
 * at either end (Excel refuses it, and Italian titles cut at "dell'" end in one),
 * never half an emoji, unique regardless of case (Excel refuses two that differ
 * only in case), never "History" (Excel keeps it).
 */
export function sheetName(title: string, taken: Set<string>): string {
	const base = cut(title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' '), SHEET_NAME_MAX);
	let name = base || 'Foglio';
	for (let i = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; i++) {
		const suffix = ` (${i})`;
		name = cut(base, SHEET_NAME_MAX - suffix.length) + suffix;
	}
	taken.add(name.toLowerCase());
	return name;
}

/** At most `max` UTF-16 units (Excel's count) of whole characters, without spaces or apostrophes at the ends. */
function cut(text: string, max: number): string {
	let out = '';
	for (const char of text.replace(EDGES, '')) {
		if (out.length + char.length > max) break;
		out += char;
	}
	return out.replace(EDGES, '');
}

const EDGES = /^[\s']+|[\s']+$/g;

export function planXlsx(tables: PlanTables, objectives: Table): Promise<Buffer> {
	return tablesXlsx([
		tables.overview,
		objectives,
		tables.matrix,
		...tables.keyPointTables,
		...tables.grids
	]);
}

/**
 * Column widths in characters: the longest line of the column's cells, within
 * readable bounds. A header wraps, so it asks only for its longest word: the
 * matrix's tick columns stay narrow under their long macro-area names.
 */
const WIDTH = { min: 6, max: 60 } as const;

function columnWidths(table: Table): number[] {
	const rows = [...table.rows, ...(table.footer ? [table.footer] : [])];
	const longest = (texts: string[]) => Math.max(0, ...texts.map((t) => t.length));
	return table.header.map((header, col) => {
		const lines = rows.flatMap((r) => (r[col] ?? '').split('\n'));
		const wanted = Math.max(longest(lines), longest(header.split(/\s+/)));
		return Math.min(WIDTH.max, Math.max(WIDTH.min, wanted + 2));
	});
}

/** A cell as the sheet stores it: a number in a number column, a text otherwise (never a formula). */
function sheetCell(table: Table, col: number, text: string): string | number | null {
	if (text === '') return null;
	const isNumber = table.numberColumns?.includes(col) && /^-?\d+(?:\.\d+)?$/.test(text);
	return isNumber ? Number(text) : spreadsheetCell(text, 'xlsx');
}

/** The footer: a figure that counts its column is our formula, written with its result. */
function footerCell(table: Table, col: number, text: string, lastRow: number) {
	if (!table.footerCounts || !/^\d+$/.test(text)) return sheetCell(table, col, text);
	if (lastRow < 2) return Number(text); // no rows to count: the figure itself
	const letter = columnLetter(col + 1);
	return { formula: `COUNTA(${letter}2:${letter}${lastRow})`, result: Number(text) };
}

function columnLetter(n: number): string {
	let letters = '';
	for (; n > 0; n = Math.floor((n - 1) / 26))
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

/** Points per line of 11-point text, and Excel's highest row. */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/** How many lines a text takes when wrapped at word boundaries to `width` characters. */
function wrappedLines(text: string, width: number): number {
	let lines = 1;
	let used = 0;
	for (const word of text.split(' ')) {
		if (used > 0 && used + 1 + word.length <= width) used += 1 + word.length;
		else {
			if (used > 0) lines++;
			lines += Math.max(0, Math.ceil(word.length / width) - 1);
			used = word.length % width || (word.length ? width : 0);
		}
	}
	return lines;
}

/**
 * A row's height for its wrapped text. Neither Excel nor LibreOffice grows a row
 * for wrapped text when it opens a file, so the lines would overlap: each cell's
 * lines are counted at its column's width (a header by its words, as it wraps).
 */
function rowHeight(cells: readonly string[], widths: readonly number[]): number {
	const lines = cells.map((text, col) => {
		const perLine = Math.max(1, (widths[col] ?? WIDTH.min) - 2);
		return text.split('\n').reduce((sum, line) => sum + wrappedLines(line, perLine), 0);
	});
	return Math.min(MAX_ROW_HEIGHT, Math.max(1, ...lines) * LINE_HEIGHT);
}

/**
 * One sheet per table: header row bold and frozen (with the first column when
 * it names the row), text wrapped in rows tall enough for it, columns as wide as
 * their content allows, numbers as numbers and the totals as COUNTA formulas
 * with their results.
 */
export async function tablesXlsx(tables: readonly Table[]): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Tavoli';
	const taken = new Set<string>();
	for (const table of tables) {
		const sheet = book.addWorksheet(sheetName(table.title, taken));
		const widths = columnWidths(table);
		const add = (texts: readonly string[], cells: unknown[]) => {
			const row = sheet.addRow(cells);
			row.height = rowHeight(texts, widths);
			return row;
		};
		add(
			table.header,
			table.header.map((h) => spreadsheetCell(h, 'xlsx'))
		).font = { bold: true };
		for (const r of table.rows)
			add(
				r,
				r.map((c, i) => sheetCell(table, i, c))
			);
		if (table.footer) {
			const last = table.rows.length + 1;
			add(
				table.footer,
				table.footer.map((c, i) => footerCell(table, i, c, last))
			).font = { bold: true };
		}
		sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: table.footerCounts ? 1 : 0 }];
		widths.forEach((width, i) => {
			const column = sheet.getColumn(i + 1);
			column.width = width;
			column.alignment = { wrapText: true, vertical: 'top' };
		});
	}
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** Semicolon-separated with a BOM, as Excel set to Italian opens it. */
export function tableCsv(table: Table): string {
	const rows = [table.header, ...table.rows].map((row) =>
		row.map((c) => spreadsheetCell(c, 'csv'))
	);
	return '\uFEFF' + Papa.unparse(rows, { delimiter: ';' });
}
