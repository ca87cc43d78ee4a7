import { describe, expect, it } from 'vitest';
import { isoDate } from './fields';

describe('dates and periods Tavoli stores', () => {
	it.each(['2025-03-14', '2000-01-01', '2099-12-31', '2024-02-29'])('accepts the day %s', (day) => {
		expect(isoDate.safeParse(day).success).toBe(true);
	});

	it.each(['0000-01-01', '9999-12-31', '1999-12-31', '2100-01-01', '2025-02-29', '2025-1-1'])(
		'refuses %s: no incontro or plan of ours falls there',
		(day) => {
			expect(isoDate.safeParse(day).success).toBe(false);
		}
	);
});
