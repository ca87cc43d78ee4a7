import { asc, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/database';
import { organizations, people } from './directory.schema';

export type OrganizationRow = typeof organizations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;

export function listOrganizations(db: Db, ambitoId: number): OrganizationRow[] {
	return db
		.select()
		.from(organizations)
		.where(eq(organizations.ambitoId, ambitoId))
		.orderBy(asc(organizations.name))
		.all();
}

export function getOrganization(db: Db, id: number): OrganizationRow | undefined {
	return db.select().from(organizations).where(eq(organizations.id, id)).get();
}

export interface PersonListItem extends PersonRow {
	organizationName: string | null;
}

export function listPeople(db: Db, ambitoId: number): PersonListItem[] {
	return db
		.select({ person: people, organizationName: organizations.name })
		.from(people)
		.leftJoin(organizations, eq(organizations.id, people.organizationId))
		.where(eq(people.ambitoId, ambitoId))
		.orderBy(asc(people.fullName))
		.all()
		.map((r) => ({ ...r.person, organizationName: r.organizationName }));
}

export function getPerson(db: Db, id: number): PersonRow | undefined {
	return db.select().from(people).where(eq(people.id, id)).get();
}

export function listPeopleOfOrganization(db: Db, organizationId: number): PersonRow[] {
	return db
		.select()
		.from(people)
		.where(eq(people.organizationId, organizationId))
		.orderBy(asc(people.fullName))
		.all();
}
