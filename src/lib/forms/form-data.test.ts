import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idList, optionalEmail, requiredText } from './fields';
import { parseForm } from './form-data';

const schema = z.object({ name: requiredText(10), email: optionalEmail, ids: idList });

function form(entries: [string, string][]) {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
}

describe('parseForm', () => {
	it('keeps every value of an array field and coerces ids', () => {
		const r = parseForm(
			schema,
			form([
				['name', ' Ada '],
				['email', ''],
				['ids', ''],
				['ids', '2'],
				['ids', '5']
			]),
			['ids']
		);
		expect(r).toEqual({ ok: true, data: { name: 'Ada', email: null, ids: [2, 5] } });
	});

	it('reports one error code per field', () => {
		const r = parseForm(
			schema,
			form([
				['name', ''],
				['email', 'nope'],
				['ids', '']
			]),
			['ids']
		);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors).toEqual({ name: 'required', email: 'invalid_email' });
	});

	it('flags text over the limit', () => {
		const r = parseForm(schema, form([['name', 'x'.repeat(11)]]), ['ids']);
		expect(!r.ok && r.errors.name).toBe('too_long');
	});
});

describe('parseForm refuses what a form did not offer', () => {
	it('names keys the schema does not know', () => {
		const r = parseForm(
			schema,
			form([
				['name', 'Ada'],
				['role', 'admin']
			]),
			['ids']
		);
		expect(!r.ok && r.errors).toEqual({
			role: 'unknown_field',
			ids: 'required',
			email: 'required'
		});
	});

	it('refuses a single-valued field sent twice, and control characters', () => {
		const r = parseForm(
			schema,
			form([
				['name', 'Ada'],
				['name', 'Bob'],
				['email', 'a\u0000@b.it'],
				['ids', '']
			]),
			['ids']
		);
		expect(!r.ok && r.errors).toEqual({ name: 'invalid', email: 'invalid_characters' });
	});

	it('reads the empty sentinel of a checkbox group as "none chosen", its absence as missing', () => {
		const none = parseForm(
			schema,
			form([
				['name', 'Ada'],
				['email', ''],
				['ids', '']
			]),
			['ids']
		);
		expect(none).toEqual({ ok: true, data: { name: 'Ada', email: null, ids: [] } });
		const absent = parseForm(
			schema,
			form([
				['name', 'Ada'],
				['email', '']
			]),
			['ids']
		);
		expect(!absent.ok && absent.errors).toEqual({ ids: 'required' });
	});
});

describe('parseForm and absent controls', () => {
	const edit = z.object({
		name: requiredText(20),
		website: z.string().default(''),
		overwrite: z.literal('on').optional()
	});

	it('refuses a form without a control the schema names, even one with a default', () => {
		const r = parseForm(edit, form([['name', 'Ada']]));
		expect(!r.ok && r.errors).toEqual({ website: 'required' });
	});

	it('lets an optional control (a lone checkbox) be absent', () => {
		const r = parseForm(
			edit,
			form([
				['name', 'Ada'],
				['website', '']
			])
		);
		expect(r).toEqual({ ok: true, data: { name: 'Ada', website: '' } });
	});
});
