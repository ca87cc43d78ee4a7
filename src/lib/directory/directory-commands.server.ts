import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { nameKey } from '$lib/forms/name-key';
import type { OrganizationInput, PersonInput } from './directory';
import { organizations, people } from './directory.schema';

export type SaveReason =
	'duplicate-name' | 'duplicate-email' | 'unknown-organization' | 'not-found';

/** Creates or updates an organisation; names are unique per Ambito, ignoring case and accents. */
export function saveOrganization(
	db: Db,
	ambitoId: number,
	organizationId: number | null,
	input: OrganizationInput,
	now: number
): Result<number, SaveReason> {
	const key = nameKey(input.name);
	const clash = db
		.select({ id: organizations.id, name: organizations.name })
		.from(organizations)
		.where(eq(organizations.ambitoId, ambitoId))
		.all()
		.find((o) => nameKey(o.name) === key && o.id !== organizationId);
	if (clash) return { ok: false, reason: 'duplicate-name' };
	if (organizationId === null) {
		const row = db
			.insert(organizations)
			.values({ ambitoId, ...input, createdAt: now })
			.returning()
			.get();
		return { ok: true, value: row.id };
	}
	const changed = db
		.update(organizations)
		.set(input)
		.where(and(eq(organizations.id, organizationId), eq(organizations.ambitoId, ambitoId)))
		.run();
	return changed.changes ? { ok: true, value: organizationId } : { ok: false, reason: 'not-found' };
}

/** Creates or updates a person; an e-mail address is unique per Ambito. */
export function savePerson(
	db: Db,
	ambitoId: number,
	personId: number | null,
	input: PersonInput,
	now: number
): Result<number, SaveReason> {
	if (input.organizationId !== null) {
		const org = db
			.select({ id: organizations.id })
			.from(organizations)
			.where(and(eq(organizations.id, input.organizationId), eq(organizations.ambitoId, ambitoId)))
			.get();
		if (!org) return { ok: false, reason: 'unknown-organization' };
	}
	if (input.email !== null) {
		const clash = db
			.select({ id: people.id })
			.from(people)
			.where(and(eq(people.ambitoId, ambitoId), eq(people.email, input.email)))
			.get();
		if (clash && clash.id !== personId) return { ok: false, reason: 'duplicate-email' };
	}
	if (personId === null) {
		const row = db
			.insert(people)
			.values({ ambitoId, ...input, createdAt: now })
			.returning()
			.get();
		return { ok: true, value: row.id };
	}
	const changed = db
		.update(people)
		.set(input)
		.where(and(eq(people.id, personId), eq(people.ambitoId, ambitoId)))
		.run();
	return changed.changes ? { ok: true, value: personId } : { ok: false, reason: 'not-found' };
}
