import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { reportUnexpected } from './unexpected-error';

const event = {
	request: new Request('http://127.0.0.1/people/7', { method: 'POST' }),
	route: { id: '/people/[personId]' },
	url: new URL('http://127.0.0.1/people/7')
} as unknown as RequestEvent;

describe('reportUnexpected', () => {
	it('logs an unexpected error under an id and answers the id with the generic message', () => {
		const logged: [string, unknown][] = [];
		const error = new Error('SQLITE_CORRUPT: secret detail');
		const body = reportUnexpected(
			{ error, event, status: 500, message: 'Internal Error' },
			(line, e) => logged.push([line, e]),
			() => 'abc-123'
		);
		expect(body).toEqual({ message: 'Internal Error', id: 'abc-123' });
		expect(logged).toEqual([['[error abc-123] POST /people/[personId] → 500', error]]);
	});

	it('gives every error its own id', () => {
		const ids = new Set(
			Array.from({ length: 3 }, () =>
				reportUnexpected({ error: 1, event, status: 500, message: 'Internal Error' }, () => {})
			).map((b) => b.id)
		);
		expect(ids.size).toBe(3);
	});

	it('neither logs nor numbers what SvelteKit already answers below 500', () => {
		const logged: unknown[] = [];
		const body = reportUnexpected(
			{ error: new Error('no route'), event, status: 404, message: 'Not Found' },
			(line) => logged.push(line)
		);
		expect(body).toEqual({ message: 'Not Found' });
		expect(logged).toEqual([]);
	});
});
