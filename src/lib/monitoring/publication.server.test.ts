import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addPlan } from '$lib/server/db/test-fixtures';
import { publishedPlanId, setPublished, slugFor } from './publication.server';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const actor = (now: number) => ({ userId: null, now });

describe('[M13] publication', () => {
	it('writes a slug from the plan’s words without accents, with its tail', () => {
		expect(slugFor('Piano di Zona – Città di Seriate', '2025-2027', 'ab12cd34')).toBe(
			'piano-di-zona-citta-di-seriate-2025-2027-ab12cd34'
		);
		expect(slugFor('…', '', 'ab12cd34')).toBe('ab12cd34');
		expect(slugFor('Piano di Zona 2025-2027 «Fare insieme»', '2025-2027', 'ab12cd34')).toBe(
			'piano-di-zona-2025-2027-fare-insieme-ab12cd34'
		);
	});

	it('names the plan only while published, keeping the slug across unpublish and republish', () => {
		const planId = addPlan(t.db, addAmbito(t.db));
		const first = setPublished(t.db, planId, true, actor(1));
		if (!first.ok) throw new Error(first.reason);
		expect(publishedPlanId(t.db, first.value.slug)).toBe(planId);
		expect(setPublished(t.db, planId, true, actor(2))).toEqual({
			ok: false,
			reason: 'already-published'
		});
		expect(setPublished(t.db, planId, false, actor(3)).ok).toBe(true);
		expect(publishedPlanId(t.db, first.value.slug)).toBeUndefined();
		expect(setPublished(t.db, planId, false, actor(4))).toEqual({
			ok: false,
			reason: 'not-published'
		});
		const again = setPublished(t.db, planId, true, actor(5));
		expect(again).toEqual({ ok: true, value: { slug: first.value.slug } });
	});

	it('refuses an unknown plan and names nothing for a malformed or unknown slug', () => {
		expect(setPublished(t.db, 9999, true, actor(1))).toEqual({ ok: false, reason: 'unknown-plan' });
		expect(publishedPlanId(t.db, 'nessuno')).toBeUndefined();
		expect(publishedPlanId(t.db, '../x')).toBeUndefined();
	});
});
