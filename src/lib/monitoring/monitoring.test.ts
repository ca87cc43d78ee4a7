import { describe, expect, it } from 'vitest';
import {
	checkPeriod,
	indicatorIds,
	numberIn,
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
