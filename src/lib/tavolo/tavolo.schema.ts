import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { people } from '../directory/directory.schema';
import { plans, policyAreas } from '../plan/plan.schema';
import { subgroupKinds, tavoloRoles, tavoloStatuses } from './tavolo-roles';

export const tavoli = sqliteTable('tavoli', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	planId: integer('plan_id')
		.notNull()
		.references(() => plans.id),
	name: text('name').notNull(),
	/** "Temi di lavoro" */
	workThemes: text('work_themes').notNull(),
	/** "Di cosa si occupa" */
	scope: text('scope').notNull(),
	status: text('status', { enum: tavoloStatuses }).notNull(),
	createdAt: integer('created_at').notNull()
});

export const tavoloPolicyAreas = sqliteTable(
	'tavolo_policy_areas',
	{
		tavoloId: integer('tavolo_id')
			.notNull()
			.references(() => tavoli.id, { onDelete: 'cascade' }),
		policyAreaId: integer('policy_area_id')
			.notNull()
			.references(() => policyAreas.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.tavoloId, t.policyAreaId] })]
);

export const tavoloMembers = sqliteTable(
	'tavolo_members',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tavoloId: integer('tavolo_id')
			.notNull()
			.references(() => tavoli.id, { onDelete: 'cascade' }),
		personId: integer('person_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		role: text('role', { enum: tavoloRoles }).notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('tavolo_members_tavolo_person_uq').on(t.tavoloId, t.personId),
		index('tavolo_members_person_idx').on(t.personId)
	]
);

/** Sub-groups by age band (free-form, bands may overlap) or by theme. */
export const subgroups = sqliteTable('subgroups', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	tavoloId: integer('tavolo_id')
		.notNull()
		.references(() => tavoli.id, { onDelete: 'cascade' }),
	name: text('name').notNull(),
	kind: text('kind', { enum: subgroupKinds }).notNull(),
	description: text('description').notNull()
});

export const subgroupMembers = sqliteTable(
	'subgroup_members',
	{
		subgroupId: integer('subgroup_id')
			.notNull()
			.references(() => subgroups.id, { onDelete: 'cascade' }),
		personId: integer('person_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.subgroupId, t.personId] })]
);
