import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addOrganization, TEST_NOW } from '$lib/server/db/test-fixtures';
import type { OrganizationInput, PersonInput } from './directory';
import { saveOrganization, savePerson } from './directory-commands.server';
import { getOrganization, getPerson } from './directory-repo.server';
import { organizations, people } from './directory.schema';

let t: TestDatabase;
let ambitoId: number;
beforeEach(() => {
	t = createTestDatabase();
	ambitoId = addAmbito(t.db);
});
afterEach(() => t.cleanup());

const org = (name: string): OrganizationInput => ({
	name,
	aliases: [],
	type: 'social_cooperative',
	sector: 'third_sector',
	email: null
});

const person = (change: Partial<PersonInput> = {}): PersonInput => ({
	fullName: 'Giulia Rossi',
	email: 'giulia.rossi@example.org',
	phone: '',
	organizationId: null,
	jobTitle: '',
	roleLevel: 'technical',
	...change
});

describe('saveOrganization', () => {
	it.each([
		'cooperativa namaste',
		'COOPERATIVA NAMASTÈ',
		'  Cooperativa  Namastè. ',
		'Cooperativa-Namaste'
	])('refuses %j next to "Cooperativa Namastè" (case, accents and punctuation ignored)', (name) => {
		addOrganization(t.db, ambitoId, 'Cooperativa Namastè', 'third_sector');
		const result = saveOrganization(t.db, ambitoId, null, org(name), TEST_NOW);
		expect(result).toEqual({ ok: false, reason: 'duplicate-name' });
		expect(rowCount(t.db, organizations)).toBe(1);
	});

	it('accepts the same name in another Ambito and an organisation keeping its own name', () => {
		const id = addOrganization(t.db, ambitoId, 'Cooperativa Namastè', 'third_sector');
		const other = addAmbito(t.db, 'Altro Ambito');
		expect(saveOrganization(t.db, other, null, org('Cooperativa Namastè'), TEST_NOW).ok).toBe(true);
		const renamed = saveOrganization(t.db, ambitoId, id, org('Cooperativa NAMASTÈ'), TEST_NOW);
		expect(renamed).toEqual({ ok: true, value: id });
		expect(getOrganization(t.db, id)?.name).toBe('Cooperativa NAMASTÈ');
	});

	it('refuses to rename onto another organisation of the Ambito', () => {
		addOrganization(t.db, ambitoId, 'Cooperativa Namastè');
		const id = addOrganization(t.db, ambitoId, 'KCS');
		const result = saveOrganization(t.db, ambitoId, id, org('Cooperativa Namaste'), TEST_NOW);
		expect(result).toEqual({ ok: false, reason: 'duplicate-name' });
		expect(getOrganization(t.db, id)?.name).toBe('KCS');
	});
});

describe('savePerson', () => {
	it('refuses a second person with the same e-mail in the Ambito', () => {
		expect(savePerson(t.db, ambitoId, null, person(), TEST_NOW).ok).toBe(true);
		const again = savePerson(t.db, ambitoId, null, person({ fullName: 'Altra' }), TEST_NOW);
		expect(again).toEqual({ ok: false, reason: 'duplicate-email' });
		expect(rowCount(t.db, people)).toBe(1);
	});

	it('accepts the same e-mail in another Ambito, several people without e-mail, and self-updates', () => {
		const first = savePerson(t.db, ambitoId, null, person(), TEST_NOW);
		if (!first.ok) throw new Error(first.reason);
		const other = addAmbito(t.db, 'Altro Ambito');
		expect(savePerson(t.db, other, null, person(), TEST_NOW).ok).toBe(true);
		expect(savePerson(t.db, ambitoId, null, person({ email: null }), TEST_NOW).ok).toBe(true);
		expect(savePerson(t.db, ambitoId, null, person({ email: null }), TEST_NOW).ok).toBe(true);
		const update = savePerson(t.db, ambitoId, first.value, person({ jobTitle: 'AS' }), TEST_NOW);
		expect(update).toEqual({ ok: true, value: first.value });
		expect(getPerson(t.db, first.value)?.jobTitle).toBe('AS');
	});

	it('refuses an unknown organisation and one of another Ambito', () => {
		const other = addAmbito(t.db, 'Altro Ambito');
		const foreignOrg = addOrganization(t.db, other, 'ASST Bergamo Est');
		for (const organizationId of [9999, foreignOrg]) {
			const result = savePerson(t.db, ambitoId, null, person({ organizationId }), TEST_NOW);
			expect(result).toEqual({ ok: false, reason: 'unknown-organization' });
		}
		expect(rowCount(t.db, people)).toBe(0);
	});

	it('links a person to an organisation of the Ambito', () => {
		const organizationId = addOrganization(t.db, ambitoId, 'ASST Bergamo Est');
		const result = savePerson(t.db, ambitoId, null, person({ organizationId }), TEST_NOW);
		if (!result.ok) throw new Error(result.reason);
		expect(getPerson(t.db, result.value)).toMatchObject({ ambitoId, organizationId });
	});
});
