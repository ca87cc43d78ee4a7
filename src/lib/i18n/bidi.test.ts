import { describe, expect, it } from 'vitest';
import { isolated } from './bidi';

describe('isolated', () => {
	it('leaves left-to-right text as it is', () => {
		for (const text of [
			'Domiciliarità e Terza Età',
			'Piano «Fare insieme» 2025-2027',
			'',
			'\ufeffTavolo'
		])
			expect(isolated(text)).toBe(text);
	});

	it('wraps right-to-left names in first-strong isolates', () => {
		for (const text of ['جمعية النور', 'Tavolo מרכז', 'ܣܘܪܝܝܐ'])
			expect(isolated(text)).toBe(`\u2068${text}\u2069`);
	});
});
