import { integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/auth.schema';
import { meetings } from '../meeting/meeting.schema';
import { plans } from '../plan/plan.schema';
import { planObjectives } from '../plan-objectives/plan-objective.schema';

/** An entry a later one replaced (SPEC M8), kept in the row's `history`. */
export interface ReplacedMeasurement {
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	note: string;
	source: string;
	enteredBy: number | null;
	enteredAt: number;
}

/**
 * The value of one indicator of a plan objective in one period (SPEC M1–M3, M8):
 * one row per objective, indicator and period; entering it again replaces it and
 * keeps the replaced entry in `history`.
 */
export const indicatorMeasurements = sqliteTable(
	'indicator_measurements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		objectiveId: integer('objective_id')
			.notNull()
			.references(() => planObjectives.id, { onDelete: 'cascade' }),
		/** The indicator's id within its objective (SPEC M2). */
		indicatorId: text('indicator_id').notNull(),
		period: text('period').notNull(),
		value: real('value'),
		numerator: real('numerator'),
		denominator: real('denominator'),
		note: text('note').notNull(),
		source: text('source').notNull(),
		enteredBy: integer('entered_by').references(() => users.id, { onDelete: 'set null' }),
		enteredAt: integer('entered_at').notNull(),
		history: text('history', { mode: 'json' }).$type<ReplacedMeasurement[]>().notNull()
	},
	(t) => [
		uniqueIndex('indicator_measurements_period_uq').on(t.objectiveId, t.indicatorId, t.period)
	]
);

/** The regional evaluation grid's inputs for one objective (SPEC M5–M8). */
export const objectiveEvaluations = sqliteTable('objective_evaluations', {
	objectiveId: integer('objective_id')
		.primaryKey()
		.references(() => planObjectives.id, { onDelete: 'cascade' }),
	actionsPlanned: integer('actions_planned'),
	actionsDone: integer('actions_done'),
	budgetPlanned: real('budget_planned'),
	budgetPaid: real('budget_paid'),
	userEvaluation: text('user_evaluation'),
	resourceAdequacy: text('resource_adequacy'),
	notes: text('notes'),
	updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: integer('updated_at').notNull()
});

/**
 * A plan's public results page (SPEC M13): the slug is given on the first publication
 * and kept, so a link shared once keeps working after an unpublish and a republish;
 * `publishedAt` null means not published.
 */
export const planPublications = sqliteTable(
	'plan_publications',
	{
		planId: integer('plan_id')
			.primaryKey()
			.references(() => plans.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		publishedAt: integer('published_at'),
		updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [uniqueIndex('plan_publications_slug_uq').on(t.slug)]
);

/**
 * A plan objective whose monitoring an incontro reviews (SPEC M32): put on its agenda by
 * the tavolo's facilitators or the UdP, shown on the board; one row per incontro and
 * objective.
 */
export const meetingMonitoring = sqliteTable(
	'meeting_monitoring',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		objectiveId: integer('objective_id')
			.notNull()
			.references(() => planObjectives.id, { onDelete: 'cascade' }),
		addedBy: integer('added_by').references(() => users.id, { onDelete: 'set null' }),
		addedAt: integer('added_at').notNull()
	},
	(t) => [uniqueIndex('meeting_monitoring_uq').on(t.meetingId, t.objectiveId)]
);

/**
 * An action of an objective (SPEC M15): planned for a day, carried out on another or
 * not yet; the list is replaced whole by each save, `position` keeps the UdP's order.
 */
export const objectiveActions = sqliteTable('objective_actions', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	objectiveId: integer('objective_id')
		.notNull()
		.references(() => planObjectives.id, { onDelete: 'cascade' }),
	position: integer('position').notNull(),
	title: text('title').notNull(),
	plannedOn: text('planned_on').notNull(),
	doneOn: text('done_on'),
	updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: integer('updated_at').notNull()
});

/**
 * An objective's budget in one year of the plan (SPEC M16): euros planned, committed
 * (impegnato) and paid (liquidato), each unknown until entered.
 */
export const objectiveBudgets = sqliteTable(
	'objective_budgets',
	{
		objectiveId: integer('objective_id')
			.notNull()
			.references(() => planObjectives.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		planned: real('planned'),
		committed: real('committed'),
		paid: real('paid'),
		updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.objectiveId, t.year] })]
);
