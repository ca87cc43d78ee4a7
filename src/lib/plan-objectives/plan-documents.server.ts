import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { spreadsheetCell } from '$lib/server/spreadsheet-cell';
import type { PlanTables, Table } from './plan-tables';

/**
 * Renderings of the plan's tables (plan-tables.ts) as files the UdP hands on:
 * XLSX with one sheet per table, CSV for the objectives list (the DOCX is
 * plan-docx.server.ts). Nothing here decides content; it only lays it out. Every
 * XLSX and CSV cell goes through spreadsheetCell, so no text is read as a formula.
 */

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(title: string, taken: Set<string>): string {
	const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
	let name = base;
	for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 26)} ${i}`;
	taken.add(name);
	return name;
}

export function planXlsx(tables: PlanTables, objectives: Table): Promise<Buffer> {
	return tablesXlsx([
		tables.overview,
		objectives,
		tables.matrix,
		...tables.keyPointTables,
		...tables.grids
	]);
}

/** One sheet per table, header row bold and frozen. */
export async function tablesXlsx(tables: readonly Table[]): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Tavoli';
	const taken = new Set<string>();
	for (const table of tables) {
		const sheet = book.addWorksheet(sheetName(table.title, taken));
		const cells = (row: readonly string[]) => row.map((c) => spreadsheetCell(c, 'xlsx'));
		sheet.addRow(cells(table.header)).font = { bold: true };
		for (const row of table.rows) sheet.addRow(cells(row));
		if (table.footer) sheet.addRow(cells(table.footer)).font = { bold: true };
		sheet.views = [{ state: 'frozen', ySplit: 1 }];
		sheet.columns.forEach((c) => (c.width = 24));
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
