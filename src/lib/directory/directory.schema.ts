import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ambiti } from '../plan/plan.schema';
import { organizationTypes, roleLevels, sectors } from './organization-types';

export const organizations = sqliteTable(
	'organizations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		ambitoId: integer('ambito_id')
			.notNull()
			.references(() => ambiti.id),
		name: text('name').notNull(),
		aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
		type: text('type', { enum: organizationTypes }).notNull(),
		sector: text('sector', { enum: sectors }).notNull(),
		email: text('email'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('organizations_ambito_name_uq').on(t.ambitoId, t.name)]
);

export const people = sqliteTable(
	'people',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		ambitoId: integer('ambito_id')
			.notNull()
			.references(() => ambiti.id),
		fullName: text('full_name').notNull(),
		email: text('email'),
		phone: text('phone'),
		organizationId: integer('organization_id').references(() => organizations.id, {
			onDelete: 'set null'
		}),
		jobTitle: text('job_title'),
		roleLevel: text('role_level', { enum: roleLevels }).notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('people_ambito_email_uq').on(t.ambitoId, t.email),
		index('people_organization_idx').on(t.organizationId)
	]
);
