import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pick, prng } from '../../../tests/support/prng';
import { sheetName } from './plan-documents.server';

describe('sheet names of the plan and resoconto XLSX', () => {
	it("never ends in an apostrophe: Italian titles cut at dell' made exceljs throw (a 500)", () => {
		const taken = new Set<string>();
		const name = sheetName("Obiettivo 10. Accompagnare all'autonomia i giovani", taken);
		expect(name).toBe('Obiettivo 10. Accompagnare all');
		expect(sheetName("'Citato'", taken)).toBe('Citato');
	});

	it('never splits an emoji, and counts length as Excel does', () => {
		const name = sheetName(`${'a'.repeat(30)}😀 coda`, new Set());
		expect(name).toBe('a'.repeat(30));
		expect(sheetName(`${'a'.repeat(29)}😀`, new Set())).toBe(`${'a'.repeat(29)}😀`);
	});

	it('keeps away from "History" and from a name taken in another case', () => {
		const taken = new Set<string>();
		expect(sheetName('history', taken)).toBe('history (2)');
		expect(sheetName('Obiettivi', taken)).toBe('Obiettivi');
		expect(sheetName('OBIETTIVI', taken)).toBe('OBIETTIVI (2)');
	});

	it('gives names exceljs accepts for any title (seeded)', () => {
		const seed = Number(process.env.FUZZ_SEED ?? 20261205);
		const rand = prng(seed);
		const alphabet = [
			"'",
			' ',
			'a',
			'è',
			'😀',
			':',
			'[',
			']',
			'*',
			'?',
			'/',
			'\\',
			'\t',
			'Z',
			'1',
			'.'
		];
		const book = new ExcelJS.Workbook();
		const taken = new Set<string>();
		for (let n = 0; n < 400; n++) {
			const length = Math.floor(rand() * 45);
			const title = Array.from({ length }, () => pick(rand, alphabet)).join('');
			const name = sheetName(title, taken);
			expect(
				() => book.addWorksheet(name),
				`seed ${seed}, title ${JSON.stringify(title)}`
			).not.toThrow();
		}
	});
});
