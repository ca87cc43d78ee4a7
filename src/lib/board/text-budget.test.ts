import { describe, expect, it } from 'vitest';
import { textBudget, warnFrom } from './text-budget';

describe('the counter of a card text', () => {
	it.each([
		['empty', '', { count: 0, remaining: 500, state: 'ok' }],
		['far from the limit', 'a'.repeat(450), { count: 450, remaining: 50, state: 'ok' }],
		['near the limit', 'a'.repeat(451), { count: 451, remaining: 49, state: 'near' }],
		['at the limit', 'a'.repeat(500), { count: 500, remaining: 0, state: 'near' }],
		[
			'past the limit: how much to cut',
			'a'.repeat(512),
			{ count: 512, remaining: -12, state: 'over' }
		],
		[
			'spaces around are not sent',
			`  ${'a'.repeat(500)}\n `,
			{ count: 500, remaining: 0, state: 'near' }
		],
		['controls are not sent', `a\u0007b`, { count: 2, remaining: 498, state: 'ok' }]
	] as const)('%s', (_, text, expected) => {
		expect(textBudget(text, 500)).toEqual(expected);
	});

	it('warns a tenth before a long limit, 20 before a short one', () => {
		expect(warnFrom(500)).toBe(450);
		expect(warnFrom(100)).toBe(80);
	});
});
