import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import {
	addAmbito,
	addAmbitoWithPlan,
	addPolicyArea,
	macroAreaIds,
	TEST_NOW
} from '$lib/server/db/test-fixtures';
import { saveComune, savePlan, savePolicyArea } from './plan-commands.server';
import { getPlan, listComuni, listPolicyAreas } from './plan-repo.server';
import { plans, policyAreaMacroAreas, policyAreas } from './plan.schema';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const planFields = { title: 'Piano', period: '2025-2027', status: 'drafting' as const };

describe('saveComune', () => {
	it('refuses a second comune with the same name in the Ambito', () => {
		const ambitoId = addAmbito(t.db);
		expect(saveComune(t.db, ambitoId, null, { name: 'Seriate', population: 25321 }).ok).toBe(true);
		const again = saveComune(t.db, ambitoId, null, { name: 'Seriate', population: null });
		expect(again).toEqual({ ok: false, reason: 'duplicate-name' });
		expect(listComuni(t.db, ambitoId)).toHaveLength(1);
	});

	it('accepts the same name in another Ambito, and a comune keeping its own name', () => {
		const first = addAmbito(t.db, 'Primo');
		const second = addAmbito(t.db, 'Secondo');
		const id = saveComune(t.db, first, null, { name: 'Pedrengo', population: null });
		expect(saveComune(t.db, second, null, { name: 'Pedrengo', population: null }).ok).toBe(true);
		if (!id.ok) throw new Error(id.reason);
		const renamed = saveComune(t.db, first, id.value, { name: 'Pedrengo', population: 5917 });
		expect(renamed).toEqual({ ok: true, value: id.value });
		expect(listComuni(t.db, first)[0]?.population).toBe(5917);
	});

	it("will not update another Ambito's comune", () => {
		const first = addAmbito(t.db, 'Primo');
		const second = addAmbito(t.db, 'Secondo');
		const id = saveComune(t.db, first, null, { name: 'Montello', population: null });
		if (!id.ok) throw new Error(id.reason);
		const result = saveComune(t.db, second, id.value, { name: 'Altro', population: null });
		expect(result).toEqual({ ok: false, reason: 'not-found' });
		expect(listComuni(t.db, first)[0]?.name).toBe('Montello');
	});
});

describe('savePlan', () => {
	it('refuses an unknown taxonomy version and writes nothing', () => {
		const ambitoId = addAmbito(t.db);
		const input = { ...planFields, taxonomyVersionId: '2019-2021' };
		expect(savePlan(t.db, ambitoId, null, input, TEST_NOW)).toEqual({
			ok: false,
			reason: 'unknown-taxonomy'
		});
		expect(rowCount(t.db, plans)).toBe(0);
	});

	it('lets the version change while no policy area links macro-areas', () => {
		const { ambitoId, planId } = addAmbitoWithPlan(t.db);
		addPolicyArea(t.db, planId, 'Area senza macroaree');
		const input = { ...planFields, taxonomyVersionId: '2021-2023' };
		expect(savePlan(t.db, ambitoId, planId, input, TEST_NOW)).toEqual({ ok: true, value: planId });
		expect(getPlan(t.db, planId)?.taxonomyVersionId).toBe('2021-2023');
	});

	it('[P3] locks the version once a policy area links macro-areas, but not other fields', () => {
		const { ambitoId, planId } = addAmbitoWithPlan(t.db);
		addPolicyArea(t.db, planId, 'Domiciliarità', [macroAreaIds(t.db, '2025-2027').get('D')!]);
		const move = { ...planFields, taxonomyVersionId: '2021-2023' };
		expect(savePlan(t.db, ambitoId, planId, move, TEST_NOW)).toEqual({
			ok: false,
			reason: 'taxonomy-locked'
		});
		expect(getPlan(t.db, planId)?.taxonomyVersionId).toBe('2025-2027');
		const retitle = { ...planFields, title: 'Fare insieme', taxonomyVersionId: '2025-2027' };
		expect(savePlan(t.db, ambitoId, planId, retitle, TEST_NOW).ok).toBe(true);
		expect(getPlan(t.db, planId)?.title).toBe('Fare insieme');
	});
});

describe('[P3] savePolicyArea', () => {
	const linkCount = () => rowCount(t.db, policyAreaMacroAreas);

	it.each([
		['only macro-areas of another version', [['2021-2023', 'C']]],
		[
			'one of its own and one of another version',
			[
				['2025-2027', 'A'],
				['2021-2023', 'A']
			]
		],
		['a macro-area that does not exist', [['none', '']]]
	])('refuses %s and writes nothing', (_, picks) => {
		const { planId } = addAmbitoWithPlan(t.db);
		const ids = picks.map(([version, code]) => macroAreaIds(t.db, version!).get(code!) ?? 99_999);
		const result = savePolicyArea(t.db, planId, null, { name: 'Area', macroAreaIds: ids });
		expect(result).toEqual({ ok: false, reason: 'foreign-macro-area' });
		expect(rowCount(t.db, policyAreas)).toBe(0);
		expect(linkCount()).toBe(0);
	});

	it('refuses foreign macro-areas on update and keeps the old name and links', () => {
		const { planId } = addAmbitoWithPlan(t.db);
		const own = macroAreaIds(t.db, '2025-2027');
		const id = addPolicyArea(t.db, planId, 'Famiglia', [own.get('I')!]);
		const foreign = macroAreaIds(t.db, '2021-2023').get('C')!;
		const input = { name: 'Rinominata', macroAreaIds: [foreign] };
		expect(savePolicyArea(t.db, planId, id, input).ok).toBe(false);
		expect(listPolicyAreas(t.db, planId)).toMatchObject([
			{ id, name: 'Famiglia', macroAreas: [{ code: 'I' }] }
		]);
	});

	it('replaces the links on update and keeps the position', () => {
		const { planId } = addAmbitoWithPlan(t.db);
		const own = macroAreaIds(t.db, '2025-2027');
		addPolicyArea(t.db, planId, 'Prima');
		const id = addPolicyArea(t.db, planId, 'Famiglia', [own.get('I')!, own.get('G')!]);
		const input = { name: 'Famiglia e minori', macroAreaIds: [own.get('D')!, own.get('D')!] };
		expect(savePolicyArea(t.db, planId, id, input)).toEqual({ ok: true, value: id });
		const area = listPolicyAreas(t.db, planId).find((a) => a.id === id);
		expect(area?.name).toBe('Famiglia e minori');
		expect(area?.position).toBe(1);
		expect(area?.macroAreas.map((m) => m.code)).toEqual(['D']);
		expect(linkCount()).toBe(1);
	});

	it('answers not-found for an unknown plan or an area of another plan', () => {
		const { planId } = addAmbitoWithPlan(t.db);
		const other = addAmbitoWithPlan(t.db, 'Altro').planId;
		const id = addPolicyArea(t.db, planId, 'Mia');
		const input = { name: 'X', macroAreaIds: [] };
		expect(savePolicyArea(t.db, 999, null, input)).toEqual({ ok: false, reason: 'not-found' });
		expect(savePolicyArea(t.db, other, id, input)).toEqual({ ok: false, reason: 'not-found' });
		const row = t.db.select().from(policyAreas).where(eq(policyAreas.id, id)).get();
		expect(row).toMatchObject({ planId, name: 'Mia' });
	});
});
