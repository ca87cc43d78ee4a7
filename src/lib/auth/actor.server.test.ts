import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import {
	addAmbitoWithPlan,
	addPerson,
	addPlan,
	addTavolo,
	addTavoloMember,
	addUser
} from '$lib/server/db/test-fixtures';
import { access } from './access';
import { loadActor } from './actor.server';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

describe('loadActor', () => {
	it('maps the tavoli of the account person to their role, and collects their plans', async () => {
		const { ambitoId, planId } = addAmbitoWithPlan(t.db);
		const otherPlanId = addPlan(t.db, ambitoId);
		const facilitated = addTavolo(t.db, planId, 'Domiciliarità');
		const sitting = addTavolo(t.db, otherPlanId, 'Giovani');
		const unrelated = addTavolo(t.db, planId, 'Disabilità');
		const personId = addPerson(t.db, ambitoId, 'Marco Colombo');
		const someoneElse = addPerson(t.db, ambitoId, 'Giulia Rossi');
		addTavoloMember(t.db, facilitated, personId, 'facilitator_public');
		addTavoloMember(t.db, sitting, personId, 'member');
		addTavoloMember(t.db, unrelated, someoneElse, 'member');
		const user = await addUser(t.db, 'marco@example.org', { role: 'facilitator', personId });

		const actor = loadActor(t.db, user);

		expect(actor).toMatchObject({
			userId: user.id,
			role: 'facilitator',
			email: 'marco@example.org',
			displayName: 'marco',
			personId
		});
		expect([...actor.tavoli].sort()).toEqual(
			[
				[facilitated, 'facilitator_public'],
				[sitting, 'member']
			].sort()
		);
		expect([...actor.planIds].sort()).toEqual([planId, otherPlanId].sort());
		expect(access.manageTavolo(actor, facilitated)).toBe(true);
		expect(access.manageTavolo(actor, sitting)).toBe(false);
	});

	it('gives an account without a person no tavoli and no plans', async () => {
		const { ambitoId, planId } = addAmbitoWithPlan(t.db);
		const tavoloId = addTavolo(t.db, planId, 'Domiciliarità');
		addTavoloMember(t.db, tavoloId, addPerson(t.db, ambitoId, 'Qualcuno'), 'member');
		const user = await addUser(t.db, 'admin@example.org', { role: 'admin' });

		const actor = loadActor(t.db, user);

		expect(actor.personId).toBeNull();
		expect(actor.tavoli.size).toBe(0);
		expect(actor.planIds.size).toBe(0);
	});
});
