import { describe, expect, it } from 'vitest';
import {
	checkPeriod,
	indicatorIds,
	numberIn,
	parsePeriod,
	planPeriods,
	progress,
	ratioPercent
} from './monitoring';

describe('[M1] periods', () => {
	it('are semesters inside the plan’s years', () => {
		expect(checkPeriod('2026-S1', '2025-2027')).toEqual({ ok: true, period: '2026-S1' });
		expect(checkPeriod('2027-S2', '2025-2027').ok).toBe(true);
		expect(checkPeriod('2024-S2', '2025-2027')).toEqual({
			ok: false,
			reason: 'period-outside-plan'
		});
		expect(checkPeriod('2028-S1', '2025-2027')).toMatchObject({ reason: 'period-outside-plan' });
		for (const bad of ['2026-S3', '2026S1', '2026-s1', '2026', ' 2026-S1', '2026-S1x'])
			expect(checkPeriod(bad, '2025-2027')).toMatchObject({ reason: 'period-malformed' });
	});

	it('list six semesters for a three-year plan', () => {
		expect(planPeriods('2025-2027')).toEqual([
			'2025-S1',
			'2025-S2',
			'2026-S1',
			'2026-S2',
			'2027-S1',
			'2027-S2'
		]);
	});
});

describe('[M14] periods of each cadence', () => {
	const plan = '2025-2027';
	const table = [
		{
			cadence: 'semester',
			first: '2025-S1',
			last: '2027-S2',
			count: 6,
			outside: ['2024-S2', '2028-S1'],
			malformed: ['2026-S0', '2026-S3', '2026-Q1', '2026', '2026-s1', '26-S1', '2026-S1 ']
		},
		{
			cadence: 'quarter',
			first: '2025-Q1',
			last: '2027-Q4',
			count: 12,
			outside: ['2024-Q4', '2028-Q1'],
			malformed: ['2026-Q0', '2026-Q5', '2026-S1', '2026', '2026-q3', '2026-Q03', 'Q3-2026']
		},
		{
			cadence: 'year',
			first: '2025',
			last: '2027',
			count: 3,
			outside: ['2024', '2028'],
			malformed: ['2026-S1', '2026-Q1', '26', '02026', '2026 ', '', 'anno 2026']
		}
	] as const;

	for (const c of table) {
		it(`[M14] ${c.cadence}: first and last period of the plan, in order`, () => {
			const periods = planPeriods(plan, c.cadence);
			expect(periods).toHaveLength(c.count);
			expect([periods[0], periods.at(-1)]).toEqual([c.first, c.last]);
			expect([...periods].sort()).toEqual(periods);
			for (const p of periods)
				expect(checkPeriod(p, plan, c.cadence)).toEqual({ ok: true, period: p });
		});

		it(`[M14] ${c.cadence}: refuses a period outside the plan and a malformed one`, () => {
			for (const p of c.outside)
				expect(checkPeriod(p, plan, c.cadence)).toEqual({
					ok: false,
					reason: 'period-outside-plan'
				});
			for (const p of c.malformed)
				expect(checkPeriod(p, plan, c.cadence), p).toEqual({
					ok: false,
					reason: 'period-malformed'
				});
		});
	}

	it('[M14] reads a period’s year and part; no text is a period of two cadences', () => {
		expect(parsePeriod('2026-Q3', 'quarter')).toEqual({ year: 2026, cadence: 'quarter', part: 3 });
		expect(parsePeriod('2026', 'year')).toEqual({ year: 2026, cadence: 'year', part: null });
		const all = table.flatMap((c) => planPeriods(plan, c.cadence));
		expect(new Set(all).size).toBe(all.length);
	});

	it('[M1] semester stays the default of the existing signatures', () => {
		expect(planPeriods(plan)).toEqual(planPeriods(plan, 'semester'));
		expect(checkPeriod('2026-Q1', plan)).toMatchObject({ reason: 'period-malformed' });
	});
});

describe('[M2] indicator ids', () => {
	const a = { level: 'output' as const, description: 'Famiglie prese in carico' };
	const b = { level: 'outcome' as const, description: 'Tempi di attesa' };

	it('stay when other indicators are added or reordered, and ignore case and spacing', () => {
		const [idA, idB] = indicatorIds([a, b]);
		expect(indicatorIds([b, a])).toEqual([idB, idA]);
		expect(indicatorIds([{ ...b, description: ' tempi  di ATTESA ' }])).toEqual([idB]);
		expect(idA).toMatch(/^i[0-9a-f]{8}$/);
		expect(idA).not.toBe(idB);
	});

	it('tell apart two indicators with the same words', () => {
		const [first, second] = indicatorIds([a, a]);
		expect(second).toBe(`${first}-2`);
	});
});

describe('[M3] numbers in baselines and targets', () => {
	it.each([
		['30%', 30],
		['1.200', 1200],
		['≥ 50', 50],
		['2,5 ore', 2.5],
		['0', 0]
	])('%s holds %d', (text, n) => expect(numberIn(text)).toBe(n));

	it.each(['n/d', 'da 10 a 20', '', undefined])('%s holds none we can use', (text) =>
		expect(numberIn(text)).toBeNull()
	);

	it('computes a ratio as a percentage, null over zero', () => {
		expect(ratioPercent(15, 60)).toBe(25);
		expect(ratioPercent(3, 0)).toBeNull();
	});
});

describe('[M4] progress toward the target', () => {
	it('rises with an increasing indicator, over-achievement kept', () => {
		expect(progress(10, 30, 10)).toBe(0);
		expect(progress(10, 30, 20)).toBe(50);
		expect(progress(10, 30, 30)).toBe(100);
		expect(progress(10, 30, 40)).toBe(150);
	});

	it('rises as a “lower is better” indicator falls', () => {
		expect(progress(60, 30, 60)).toBe(0);
		expect(progress(60, 30, 45)).toBe(50);
		expect(progress(60, 30, 30)).toBe(100);
		expect(progress(60, 30, 15)).toBe(150);
	});

	it('is 0, not negative, when the value is worse than the baseline', () => {
		expect(progress(10, 30, 5)).toBe(0);
		expect(progress(60, 30, 70)).toBe(0);
	});

	it('works on ratios as percentages, one decimal', () => {
		expect(progress(20, 50, ratioPercent(10, 30))).toBe(44.4);
	});

	it('is null without a baseline, target or value, or with nothing to cover', () => {
		expect(progress(null, 30, 10)).toBeNull();
		expect(progress(10, null, 10)).toBeNull();
		expect(progress(10, 30, null)).toBeNull();
		expect(progress(30, 30, 31)).toBeNull();
	});
});
