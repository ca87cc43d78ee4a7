import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export const MAX_IMPORT_BYTES = 400 * 1024;

export type TableResult =
	| { ok: true; table: string[][] }
	| { ok: false; reason: 'file_too_large' | 'unreadable_file' | 'unsupported_file' };

/**
 * Reads an uploaded CSV (any of , ; tab as separator, with or without BOM, as
 * Italian spreadsheets export it) or XLSX (first sheet) into rows of text.
 */
export async function readTableFile(file: File): Promise<TableResult> {
	if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: 'file_too_large' };
	const name = file.name.toLowerCase();
	try {
		if (name.endsWith('.xlsx'))
			return { ok: true, table: await readXlsx(await file.arrayBuffer()) };
		if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv') {
			return { ok: true, table: readCsv(await file.text()) };
		}
		return { ok: false, reason: 'unsupported_file' };
	} catch {
		return { ok: false, reason: 'unreadable_file' };
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
	return parsed.data.map((row) => row.map((c) => String(c ?? '')));
}

async function readXlsx(buffer: ArrayBuffer): Promise<string[][]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer);
	const sheet = workbook.worksheets[0];
	if (!sheet) return [];
	const rows: string[][] = [];
	sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
		const cells: string[] = [];
		for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text ?? '');
		rows[rowNumber - 1] = cells;
	});
	return Array.from(rows, (r) => r ?? []);
}
