import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fromSpreadsheetCell } from '$lib/server/spreadsheet-cell';

export const MAX_IMPORT_BYTES = 400 * 1024;

export type TableResult =
	| { ok: true; table: string[][] }
	| {
			ok: false;
			reason:
				| 'file_too_large'
				| 'unreadable_file'
				| 'unsupported_file'
				| 'too_many_rows'
				| 'too_many_columns';
	  };

/**
 * Which sheet of a workbook holds the table, given each readable sheet's rows in order
 * (real workbooks put notes or instructions beside it); without one, the first sheet.
 */
export type SheetChoice = (tables: readonly string[][][]) => number;

/** Sheets of a workbook looked at when choosing: more is not a plan's workbook. */
const MAX_SHEETS = 10;

/** How much of a table an import reads: rows with any text (the header too), and columns. */
export interface TableBounds {
	rows: number;
	columns: number;
}

/**
 * Reads an uploaded CSV (any of , ; tab as separator, with or without BOM, as
 * Italian spreadsheets export it) or XLSX (first sheet) into rows of text.
 * Refused past the bounds, before anything walks the rows: a small file can
 * hold a great many short rows, and an XLSX can name a cell a million rows down.
 */
export async function readTableFile(
	file: File,
	bounds: TableBounds,
	choose?: SheetChoice
): Promise<TableResult> {
	if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: 'file_too_large' };
	const name = file.name.toLowerCase();
	try {
		if (name.endsWith('.xlsx')) return await readXlsx(await file.arrayBuffer(), bounds, choose);
		if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv') {
			return withinBounds(readCsv(decodeCsv(new Uint8Array(await file.arrayBuffer()))), bounds);
		}
		return { ok: false, reason: 'unsupported_file' };
	} catch {
		return { ok: false, reason: 'unreadable_file' };
	}
}

function withinBounds(table: string[][], bounds: TableBounds): TableResult {
	let rows = 0;
	for (const row of table) {
		if (row.length > bounds.columns) return { ok: false, reason: 'too_many_columns' };
		if (row.some((c) => c.trim() !== '') && ++rows > bounds.rows)
			return { ok: false, reason: 'too_many_rows' };
	}
	return { ok: true, table };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Windows-1252's 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; five
 * bytes unassigned stay as they are); the rest is Latin-1. Written out because Node
 * 20's TextDecoder('windows-1252') decodes as Latin-1: "’" came out as U+0092.
 */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes)
		text += byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
	return text;
}

/**
 * A CSV's text: UTF-8 when it is, else Windows-1252, what Excel in Italian saves
 * as "CSV (delimitato dal separatore di elenco)". `file.text()` turned each
 * accented letter of such a file into U+FFFD, and the import stored "Citt�".
 */
export function decodeCsv(bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes);
	} catch {
		return decodeWindows1252(bytes);
	}
}

/**
 * Blank lines are kept as empty rows, so that row i is line i + 1 of the file, the
 * line the import preview names. They defeat Papa's separator guess, though, so
 * the guess is made on a pass that skips them.
 */
export function readCsv(text: string): string[][] {
	const source = text.replace(/^\uFEFF/, '');
	const { delimiter } = Papa.parse<string[]>(source, {
		skipEmptyLines: 'greedy',
		delimitersToGuess: [';', ',', '\t', '|']
	}).meta;
	const parsed = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: false });
	return parsed.data.map((row) => row.map((c) => fromSpreadsheetCell(String(c ?? ''))));
}

/**
 * A cell as the reader sees it. A date is written the Italian way (exceljs's
 * `text` of a date is JavaScript's "Wed Jan 01 2025 00:00:00 GMT+0000 ...");
 * exceljs reads dates as UTC midnight.
 */
function cellText(cell: ExcelJS.Cell): string {
	const value = cell.value;
	if (value instanceof Date && !Number.isNaN(value.getTime())) {
		const two = (n: number) => String(n).padStart(2, '0');
		return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
	}
	return fromSpreadsheetCell(cell.text ?? '');
}

/** Blank rows kept for line numbers, up to this many: past it the sheet is refused, not walked. */
const XLSX_MAX_LINES = 20_000;

async function readXlsx(
	buffer: ArrayBuffer,
	bounds: TableBounds,
	choose?: SheetChoice
): Promise<TableResult> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer);
	const sheets = workbook.worksheets.slice(0, choose ? MAX_SHEETS : 1);
	if (sheets.length === 0) return { ok: true, table: [] };
	const results = sheets.map((sheet) => readSheet(sheet, bounds));
	const readable = results.flatMap((r) => (r.ok ? [r.table] : []));
	// The first sheet refused is said, never passed over for another.
	if (!choose || !results[0]!.ok) return results[0]!;
	return { ok: true, table: readable[choose(readable)] ?? readable[0]! };
}

function readSheet(sheet: ExcelJS.Worksheet, bounds: TableBounds): TableResult {
	if (sheet.columnCount > bounds.columns) return { ok: false, reason: 'too_many_columns' };
	if (sheet.actualRowCount > bounds.rows || sheet.rowCount > XLSX_MAX_LINES)
		return { ok: false, reason: 'too_many_rows' };
	const rows: string[][] = [];
	sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
		const cells: string[] = [];
		for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
		rows[rowNumber - 1] = cells;
	});
	return withinBounds(
		Array.from(rows, (r) => r ?? []),
		bounds
	);
}
