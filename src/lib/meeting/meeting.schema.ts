import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/auth.schema';
import { subgroups, tavoli } from '../tavolo/tavolo.schema';
import { meetingModes, meetingStatuses } from './meeting-status';

/**
 * Dates and times are the wall clock of the Ambito (Europe/Rome), as people
 * write them on a convocation: "2026-12-01", "17:30".
 */
export const meetings = sqliteTable(
	'meetings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tavoloId: integer('tavolo_id')
			.notNull()
			.references(() => tavoli.id),
		subgroupId: integer('subgroup_id').references(() => subgroups.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		date: text('date').notNull(),
		startTime: text('start_time').notNull(),
		endTime: text('end_time').notNull(),
		place: text('place').notNull(),
		onlineUrl: text('online_url').notNull(),
		mode: text('mode', { enum: meetingModes }).notNull(),
		/** "Ordine del giorno": one item per line. */
		agenda: text('agenda').notNull(),
		status: text('status', { enum: meetingStatuses }).notNull(),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('meetings_tavolo_date_idx').on(t.tavoloId, t.date)]
);

/** Who moved an incontro to which status, and when. */
export const meetingStatusChanges = sqliteTable('meeting_status_changes', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	meetingId: integer('meeting_id')
		.notNull()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	fromStatus: text('from_status', { enum: meetingStatuses }).notNull(),
	toStatus: text('to_status', { enum: meetingStatuses }).notNull(),
	changedBy: integer('changed_by').references(() => users.id, { onDelete: 'set null' }),
	changedAt: integer('changed_at').notNull()
});
