import { describe, expect, it } from 'vitest';
import { spreadsheetCell } from './spreadsheet-cell';

describe('spreadsheetCell', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+SUM(1,2)', "'+SUM(1,2)"],
		['-2+3', "'-2+3"],
		['@cmd', "'@cmd"],
		['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
		['\t=1+1', "'\t=1+1"],
		['\r=1+1', "'\r=1+1"],
		['=', "'="],
		['-', "'-"],
		['-1e3', "'-1e3"],
		['Anziani soli', 'Anziani soli'],
		['a=1+1', 'a=1+1'],
		[' =1+1', ' =1+1'],
		["'già citato", "'già citato"],
		['', ''],
		['12', '12'],
		['-3', '-3'],
		['+2,5', '+2,5'],
		['-0.75', '-0.75']
	])('CSV and XLSX: %j becomes %j', (text, cell) => {
		expect(spreadsheetCell(text, 'csv')).toBe(cell);
		expect(spreadsheetCell(text, 'xlsx')).toBe(cell);
	});

	it('keeps numbers as numbers, in both formats', () => {
		expect(spreadsheetCell(-5, 'csv')).toBe(-5);
		expect(spreadsheetCell(3, 'xlsx')).toBe(3);
	});

	it('never hands exceljs anything but a string or a number', () => {
		const smuggled = { formula: '1+1' } as unknown as string;
		expect(spreadsheetCell(smuggled, 'xlsx')).toBe('[object Object]');
		expect(spreadsheetCell(null, 'xlsx')).toBe('');
		expect(spreadsheetCell(undefined, 'csv')).toBe('');
	});
});
