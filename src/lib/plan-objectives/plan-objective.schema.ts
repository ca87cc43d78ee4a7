import {
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { users } from '../auth/auth.schema';
import type { FieldValue, Indicator } from '../objectives/objective-template';
import type { PendingMapping } from '../taxonomy/taxonomy-mapping';
import { outcomes } from '../outcomes/outcome.schema';
import { plans, policyAreas } from '../plan/plan.schema';

/**
 * An objective of the plan in the regional template (SPEC PO1): numbered within
 * the plan, grouped by the plan's policy areas, mapped to macro-areas, punti
 * chiave and LEPS. `verbatim` keeps each field's text exactly as an imported
 * plan printed it, so an export gives it back unchanged.
 */
export const planObjectives = sqliteTable(
	'plan_objectives',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		policyAreaId: integer('policy_area_id').references(() => policyAreas.id, {
			onDelete: 'set null'
		}),
		template: text('template').notNull(),
		fields: text('fields', { mode: 'json' }).$type<Record<string, FieldValue>>().notNull(),
		verbatim: text('verbatim', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		macroAreas: text('macro_areas', { mode: 'json' }).$type<string[]>().notNull(),
		keyPoints: text('key_points', { mode: 'json' }).$type<Record<string, string[]>>().notNull(),
		leps: text('leps', { mode: 'json' }).$type<string[]>().notNull(),
		indicators: text('indicators', { mode: 'json' }).$type<Indicator[]>().notNull(),
		status: text('status', { enum: ['draft', 'review', 'consolidated', 'approved'] }).notNull(),
		approvedAt: text('approved_at'),
		/** When the UdP archived it (SPEC PO8): out of the plan's lists and exports, history kept. */
		archivedAt: integer('archived_at'),
		/** The objective of the previous plan this one carries on (monitoring SPEC M41). */
		predecessorId: integer('predecessor_id').references((): AnySQLiteColumn => planObjectives.id),
		/**
		 * What the carry could not map to the new taxonomy (monitoring SPEC M43): old codes
		 * with their candidates, for the UdP to choose on the objective's page.
		 */
		pendingMapping: text('pending_mapping', { mode: 'json' })
			.$type<PendingMapping[]>()
			.notNull()
			.default([]),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('plan_objectives_plan_number_uq').on(t.planId, t.number),
		index('plan_objectives_plan_idx').on(t.planId)
	]
);

/** Every saved state of an objective, who saved it and which fields changed (SPEC PO4). */
export const planObjectiveRevisions = sqliteTable('plan_objective_revisions', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	objectiveId: integer('objective_id')
		.notNull()
		.references(() => planObjectives.id, { onDelete: 'cascade' }),
	revision: integer('revision').notNull(),
	snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
	changed: text('changed', { mode: 'json' }).$type<string[]>().notNull(),
	changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
	changedAt: integer('changed_at').notNull()
});

/**
 * The UdP's decision on each objective card of a tavolo's outcome (SPEC PO2):
 * adopted, merged into a plan objective, sent back with a reason, or parked.
 */
export const outcomeDecisions = sqliteTable(
	'outcome_decisions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		outcomeId: integer('outcome_id')
			.notNull()
			.references(() => outcomes.id),
		cardId: text('card_id').notNull(),
		decision: text('decision', { enum: ['adopted', 'merged', 'sent_back', 'parked'] }).notNull(),
		planObjectiveId: integer('plan_objective_id').references(() => planObjectives.id, {
			onDelete: 'set null'
		}),
		reason: text('reason').notNull(),
		decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at').notNull()
	},
	(t) => [uniqueIndex('outcome_decisions_card_uq').on(t.outcomeId, t.cardId)]
);
