import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTableFile } from './table-file.server';

const bounds = { rows: 100, columns: 10 };

async function xlsx(rows: unknown[][]): Promise<File> {
	const book = new ExcelJS.Workbook();
	book.addWorksheet('Foglio').addRows(rows);
	const bytes = await book.xlsx.writeBuffer();
	return new File([bytes], 'tabella.xlsx');
}

describe('reading an uploaded table', () => {
	it('writes a date cell the Italian way, not as JavaScript prints a Date', async () => {
		const file = await xlsx([
			['Titolo', 'Avvio'],
			['Sportello casa', new Date(Date.UTC(2025, 0, 1))]
		]);
		expect(await readTableFile(file, bounds)).toEqual({
			ok: true,
			table: [
				['Titolo', 'Avvio'],
				['Sportello casa', '01/01/2025']
			]
		});
	});

	it('takes off the apostrophe our own export put before a formula-like text', async () => {
		const file = await xlsx([['\'=HYPERLINK("x")', "'-10% rispetto al 2026", "'-3", 'testo']]);
		const read = await readTableFile(file, bounds);
		expect(read).toEqual({
			ok: true,
			table: [['=HYPERLINK("x")', '-10% rispetto al 2026', "'-3", 'testo']]
		});
	});
});
