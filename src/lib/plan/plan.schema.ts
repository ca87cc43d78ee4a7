import {
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { macroAreas, taxonomyVersions } from '../taxonomy/taxonomy.schema';
import { monitoringCadences } from './monitoring-cadence';
import { planStatuses } from './plan-status';

export const ambiti = sqliteTable('ambiti', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	leadBody: text('lead_body').notNull(),
	createdAt: integer('created_at').notNull()
});

export const comuni = sqliteTable(
	'comuni',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		ambitoId: integer('ambito_id')
			.notNull()
			.references(() => ambiti.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		population: integer('population')
	},
	(t) => [uniqueIndex('comuni_ambito_name_uq').on(t.ambitoId, t.name)]
);

export const plans = sqliteTable('plans', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	ambitoId: integer('ambito_id')
		.notNull()
		.references(() => ambiti.id),
	title: text('title').notNull(),
	period: text('period').notNull(),
	status: text('status', { enum: planStatuses }).notNull(),
	taxonomyVersionId: text('taxonomy_version_id')
		.notNull()
		.references(() => taxonomyVersions.id),
	/** The plan this one was created from (monitoring SPEC M41): the previous cycle's. */
	predecessorId: integer('predecessor_id').references((): AnySQLiteColumn => plans.id),
	/** How often its indicators are measured (monitoring SPEC M1, M14). */
	monitoringCadence: text('monitoring_cadence', { enum: monitoringCadences })
		.notNull()
		.default('semester'),
	createdAt: integer('created_at').notNull()
});

/** The plan's own headings (e.g. "Interventi per la famiglia e i minori"). */
export const policyAreas = sqliteTable('policy_areas', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	planId: integer('plan_id')
		.notNull()
		.references(() => plans.id, { onDelete: 'cascade' }),
	name: text('name').notNull(),
	position: integer('position').notNull()
});

export const policyAreaMacroAreas = sqliteTable(
	'policy_area_macro_areas',
	{
		policyAreaId: integer('policy_area_id')
			.notNull()
			.references(() => policyAreas.id, { onDelete: 'cascade' }),
		macroAreaId: integer('macro_area_id')
			.notNull()
			.references(() => macroAreas.id)
	},
	(t) => [primaryKey({ columns: [t.policyAreaId, t.macroAreaId] })]
);
