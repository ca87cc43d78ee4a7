import { describe, expect, it } from 'vitest';
import { periodField } from './plan';

describe('[P1] the period of a plan', () => {
	it.each([
		['2025-2027', true],
		['2098-2100', false],
		['0000-0002', false],
		['2025-2026', false]
	])('reads the period %s as %s', (period, ok) => {
		expect(periodField.safeParse(period).success).toBe(ok);
	});
});
