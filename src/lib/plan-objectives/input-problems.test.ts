import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueProblems } from './input-problems';

const shape = z.strictObject({
	title: z.string().min(1).max(5),
	tags: z.array(z.string()).min(1).max(2),
	count: z.number().int().min(0).max(9)
});
const problems = (sent: Record<string, unknown>) => {
	const parsed = shape.safeParse({ title: 'ok', tags: ['a'], count: 1, ...sent });
	return parsed.success ? [] : issueProblems(parsed.error.issues, sent);
};

describe('[PO6] a size bound broken names what kind of value broke it', () => {
	const cases: [string, Record<string, unknown>, string][] = [
		['a text too long', { title: 'troppo lungo' }, 'title too-long'],
		['an empty text', { title: '' }, 'title missing'],
		['a list too long', { tags: ['a', 'b', 'c'] }, 'tags too-many'],
		['an empty list', { tags: [] }, 'tags too-few'],
		['a number too big', { count: 10 }, 'count out-of-range'],
		['a number too small', { count: -1 }, 'count out-of-range'],
		['a key the shape lacks', { colore: 'rosso' }, 'colore unknown-key colore']
	];
	for (const [name, sent, expected] of cases)
		it(name, () => {
			expect(problems(sent).map((p) => `${p.path} ${p.problem}`)).toEqual([expected]);
		});
});
