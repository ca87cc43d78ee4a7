import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import {
	addAmbito,
	addAmbitoWithPlan,
	addPerson,
	addPlan,
	addPolicyArea,
	addTavolo,
	addTavoloMember,
	TEST_NOW
} from '$lib/server/db/test-fixtures';
import type { SubgroupInput, TavoloInput } from './tavolo';
import { addMember, removeMember, saveSubgroup, saveTavolo } from './tavolo-commands.server';
import { listMembers, listSubgroups, listTavoloPolicyAreas } from './tavolo-repo.server';
import { subgroups, tavoli, tavoloMembers, tavoloPolicyAreas } from './tavolo.schema';

let t: TestDatabase;
let ambitoId: number;
let planId: number;
beforeEach(() => {
	t = createTestDatabase();
	({ ambitoId, planId } = addAmbitoWithPlan(t.db));
});
afterEach(() => t.cleanup());

const tavolo = (policyAreaIds: number[], name = 'Domiciliarità'): TavoloInput => ({
	name,
	workThemes: 'Caregiver',
	scope: '',
	status: 'active',
	policyAreaIds
});
const group = (personIds: number[], name = '0/6'): SubgroupInput => ({
	name,
	kind: 'age_band',
	description: '',
	personIds
});

describe('[T3] saveTavolo', () => {
	it('refuses a policy area of another plan and writes nothing', () => {
		const own = addPolicyArea(t.db, planId, 'Domiciliarità');
		const foreign = addPolicyArea(t.db, addPlan(t.db, ambitoId), 'Altrove');
		const result = saveTavolo(t.db, planId, null, tavolo([own, foreign]), TEST_NOW);
		expect(result).toEqual({ ok: false, reason: 'foreign-policy-area' });
		expect(rowCount(t.db, tavoli)).toBe(0);
		expect(rowCount(t.db, tavoloPolicyAreas)).toBe(0);
	});

	it('links its own areas and replaces them on update', () => {
		const first = addPolicyArea(t.db, planId, 'Domiciliarità');
		const second = addPolicyArea(t.db, planId, 'Terza età');
		const id = addTavolo(t.db, planId, 'Domiciliarità', [first]);
		const update = saveTavolo(t.db, planId, id, tavolo([second, second], 'Nuovo'), TEST_NOW);
		expect(update).toEqual({ ok: true, value: id });
		expect(listTavoloPolicyAreas(t.db, id)).toEqual([{ id: second, name: 'Terza età' }]);
	});

	it('answers not-found when updating a tavolo of another plan, keeping its links', () => {
		const area = addPolicyArea(t.db, planId, 'Domiciliarità');
		const id = addTavolo(t.db, planId, 'Domiciliarità', [area]);
		const otherPlan = addPlan(t.db, ambitoId);
		const result = saveTavolo(t.db, otherPlan, id, tavolo([]), TEST_NOW);
		expect(result).toEqual({ ok: false, reason: 'not-found' });
		expect(listTavoloPolicyAreas(t.db, id)).toHaveLength(1);
	});
});

describe('[T4] addMember', () => {
	it('adds a person of the Ambito with the role', () => {
		const tavoloId = addTavolo(t.db, planId, 'Giovani');
		const personId = addPerson(t.db, ambitoId, 'Matteo Valsecchi');
		expect(addMember(t.db, tavoloId, personId, 'facilitator_public', TEST_NOW).ok).toBe(true);
		expect(listMembers(t.db, tavoloId)).toMatchObject([{ personId, role: 'facilitator_public' }]);
	});

	it.each([
		['a person of another Ambito', 'foreign'],
		['an unknown person', 'unknown']
	])('refuses %s', (_, which) => {
		const tavoloId = addTavolo(t.db, planId, 'Giovani');
		const personId =
			which === 'foreign' ? addPerson(t.db, addAmbito(t.db, 'Altro'), 'Estraneo') : 9999;
		const result = addMember(t.db, tavoloId, personId, 'member', TEST_NOW);
		expect(result).toEqual({ ok: false, reason: 'not-found' });
		expect(rowCount(t.db, tavoloMembers)).toBe(0);
	});

	it('refuses a person already in the tavolo, whatever the new role', () => {
		const tavoloId = addTavolo(t.db, planId, 'Giovani');
		const personId = addPerson(t.db, ambitoId, 'Alessia Carrara');
		addTavoloMember(t.db, tavoloId, personId, 'member');
		const again = addMember(t.db, tavoloId, personId, 'observer', TEST_NOW);
		expect(again).toEqual({ ok: false, reason: 'already-member' });
		expect(listMembers(t.db, tavoloId)).toMatchObject([{ personId, role: 'member' }]);
	});
});

describe('removeMember', () => {
	it("takes the person out of the tavolo and its sub-groups, not other tavoli's", () => {
		const famiglia = addTavolo(t.db, planId, 'Famiglia');
		const giovani = addTavolo(t.db, planId, 'Giovani');
		const personId = addPerson(t.db, ambitoId, 'Sara Locatelli');
		const colleague = addPerson(t.db, ambitoId, 'Paolo Brignoli');
		const memberId = addTavoloMember(t.db, famiglia, personId, 'member');
		addTavoloMember(t.db, famiglia, colleague, 'member');
		addTavoloMember(t.db, giovani, personId, 'member');
		saveSubgroup(t.db, famiglia, null, group([personId, colleague], '0/6'));
		saveSubgroup(t.db, famiglia, null, group([personId], '7/13'));
		saveSubgroup(t.db, giovani, null, group([personId], '14/18'));

		expect(removeMember(t.db, famiglia, memberId)).toBe(true);

		expect(listMembers(t.db, famiglia).map((m) => m.personId)).toEqual([colleague]);
		expect(listSubgroups(t.db, famiglia).map((g) => [g.name, g.personIds])).toEqual([
			['0/6', [colleague]],
			['7/13', []]
		]);
		expect(listSubgroups(t.db, giovani)[0]?.personIds).toEqual([personId]);
		expect(listMembers(t.db, giovani).map((m) => m.personId)).toEqual([personId]);
	});

	it('does nothing for a member id of another tavolo', () => {
		const famiglia = addTavolo(t.db, planId, 'Famiglia');
		const giovani = addTavolo(t.db, planId, 'Giovani');
		const memberId = addTavoloMember(t.db, famiglia, addPerson(t.db, ambitoId, 'A'), 'member');
		expect(removeMember(t.db, giovani, memberId)).toBe(false);
		expect(rowCount(t.db, tavoloMembers)).toBe(1);
	});
});

describe('[T5] saveSubgroup', () => {
	it('refuses people who are not members of the tavolo and writes nothing', () => {
		const tavoloId = addTavolo(t.db, planId, 'Famiglia');
		const member = addPerson(t.db, ambitoId, 'Membro');
		const outsider = addPerson(t.db, ambitoId, 'Esterno');
		addTavoloMember(t.db, tavoloId, member, 'member');
		const result = saveSubgroup(t.db, tavoloId, null, group([member, outsider]));
		expect(result).toEqual({ ok: false, reason: 'not-a-member' });
		expect(rowCount(t.db, subgroups)).toBe(0);
	});

	it('refuses a member of another tavolo', () => {
		const tavoloId = addTavolo(t.db, planId, 'Famiglia');
		const elsewhere = addTavolo(t.db, planId, 'Giovani');
		const personId = addPerson(t.db, ambitoId, 'Altrove');
		addTavoloMember(t.db, elsewhere, personId, 'member');
		expect(saveSubgroup(t.db, tavoloId, null, group([personId])).ok).toBe(false);
	});

	it('replaces its people on update', () => {
		const tavoloId = addTavolo(t.db, planId, 'Famiglia');
		const [a, b] = ['A', 'B'].map((n) => addPerson(t.db, ambitoId, n)) as [number, number];
		addTavoloMember(t.db, tavoloId, a, 'member');
		addTavoloMember(t.db, tavoloId, b, 'member');
		const created = saveSubgroup(t.db, tavoloId, null, group([a]));
		if (!created.ok) throw new Error(created.reason);
		const updated = saveSubgroup(t.db, tavoloId, created.value, group([b, b], '0/3'));
		expect(updated).toEqual({ ok: true, value: created.value });
		expect(listSubgroups(t.db, tavoloId)).toMatchObject([{ name: '0/3', personIds: [b] }]);
	});
});
