import { describe, expect, it } from 'vitest';
import { cellNumber, defaultPeriod, deskSummary, pastedColumn } from './monitoring-desk';
import { planPeriods } from './monitoring';

describe('defaultPeriod', () => {
	const periods = planPeriods('2025-2027');
	it.each([
		['2026-03-10', '2026-S1'],
		['2026-06-30', '2026-S1'],
		['2026-07-01', '2026-S2'],
		['2024-11-02', '2025-S1'],
		['2029-01-15', '2027-S2']
	])('[M20] on %s opens %s', (today, expected) => {
		expect(defaultPeriod(periods, today)).toBe(expected);
	});
	it.each([
		['quarter', '2026-03-31', '2026-Q1'],
		['quarter', '2026-04-01', '2026-Q2'],
		['quarter', '2026-12-04', '2026-Q4'],
		['quarter', '2024-12-31', '2025-Q1'],
		['quarter', '2028-01-01', '2027-Q4'],
		['year', '2026-12-04', '2026'],
		['year', '2024-06-01', '2025'],
		['year', '2031-06-01', '2027']
	] as const)('[M14, M20] a %s plan on %s opens %s', (cadence, today, expected) => {
		expect(defaultPeriod(planPeriods('2025-2027', cadence), today, cadence)).toBe(expected);
	});
	it('[M20] has none for a plan without periods', () => {
		expect(defaultPeriod([], '2026-01-01')).toBeNull();
	});
});

describe('cellNumber', () => {
	it.each([
		['1.234,5', 1234.5],
		['45%', 45],
		[' 45 % ', 45],
		['1.234', 1234],
		['2.5', 2.5],
		['0,25', 0.25],
		['-3', -3],
		['1 200', 1200],
		['12', 12]
	])('[M21] reads %j as %d', (text, value) => {
		expect(cellNumber(text)).toEqual({ ok: true, value });
	});
	it('[M21] reads an empty cell as no number', () => {
		expect(cellNumber('  ')).toEqual({ ok: true, value: null });
	});
	it.each(['abc', '12a', '1,2,3', '%', '1.23.4', '=1+1', '1e5'])('[M21] refuses %j', (text) => {
		expect(cellNumber(text)).toEqual({ ok: false });
	});
});

describe('pastedColumn', () => {
	it('[M22] one cell per line, the trailing newline dropped', () => {
		expect(pastedColumn('12\r\n1.234,5\r\n45%\r\n')).toEqual(['12', '1.234,5', '45%']);
	});
	it('[M22] the first cell of each line of a block', () => {
		expect(pastedColumn('1\tx\n2\ty\n')).toEqual(['1', '2']);
	});
	it('[M22] the cells of a copied row', () => {
		expect(pastedColumn('1\t2\t3')).toEqual(['1', '2', '3']);
	});
	it('[M22] keeps empty lines as empty cells', () => {
		expect(pastedColumn('1\n\n3')).toEqual(['1', '', '3']);
	});
});

describe('deskSummary', () => {
	it('[M23] counts indicators, measured and missing, per objective and in all', () => {
		const summary = deskSummary([
			{ id: 1, indicators: [{ id: 'a' }, { id: 'b' }], missing: ['b'] },
			{ id: 2, indicators: [{ id: 'c' }], missing: [] }
		]);
		expect(summary).toMatchObject({ indicators: 3, measured: 2, missing: 1 });
		expect(summary.perObjective[0]).toEqual({ id: 1, indicators: 2, missing: 1, measured: 1 });
	});
});
