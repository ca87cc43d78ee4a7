import { describe, expect, it } from 'vitest';
import { measuredValue } from './objective-progress';

describe('measuredValue', () => {
	it('writes the number followed by the unit', () => {
		expect(measuredValue({ value: 12 }, '%', '—')).toBe('12%');
	});

	it('writes the number alone when the indicator has no unit', () => {
		expect(measuredValue({ value: 7 }, null, '—')).toBe('7');
	});

	it('writes the blank text when the measurement carries no number', () => {
		expect(measuredValue({ value: null }, '%', 'non rilevabile')).toBe('non rilevabile');
	});
});
