import { describe, expect, it } from 'vitest';
import { shortLabel } from './plan-docx-tables.server';

describe('[PO5a] a tick grid label on one line', () => {
	it.each([
		['2. Consolidare il servizio', 40, '2. Consolidare il servizio'],
		[
			'2. Consolidare il servizio sociale professionale nei comuni',
			40,
			'2. Consolidare il servizio sociale…'
		],
		['5. Rispondere in modo innovativo, costruendo', 32, '5. Rispondere in modo…'],
		['11. Supercalifragilistichespiralidoso', 20, '11. Supercalifragil…']
	])('%s in %i characters is %s', (text, max, short) => {
		expect(shortLabel(text, max)).toBe(short);
		expect(shortLabel(text, max).length).toBeLessThanOrEqual(max);
	});
});
