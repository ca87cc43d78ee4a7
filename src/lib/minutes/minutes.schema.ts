import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { attendance } from '../attendance/attendance.schema';
import { users } from '../auth/auth.schema';
import { meetings } from '../meeting/meeting.schema';
import type { MinutesDocument } from './minutes';
import { minutesStatuses } from './minutes-version';

/**
 * The verbale of an incontro, one row per version (SPEC M-V5): draft → shared →
 * frozen. A frozen row's content and status never change (a trigger in the
 * migration refuses it too); writing after a freeze adds the next version.
 */
export const minutes = sqliteTable(
	'minutes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id),
		version: integer('version').notNull(),
		status: text('status', { enum: minutesStatuses }).notNull(),
		content: text('content', { mode: 'json' }).$type<MinutesDocument>().notNull(),
		createdAt: integer('created_at').notNull(),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at').notNull(),
		sharedAt: integer('shared_at'),
		frozenAt: integer('frozen_at'),
		frozenBy: integer('frozen_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('minutes_meeting_version_uq').on(t.meetingId, t.version),
		index('minutes_meeting_idx').on(t.meetingId)
	]
);

/** What participants of the incontro said about a shared version, section by section (M-V7). */
export const minutesComments = sqliteTable(
	'minutes_comments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		minutesId: integer('minutes_id')
			.notNull()
			.references(() => minutes.id),
		/** The author's line on the foglio firme (their participant id). */
		participantId: text('participant_id')
			.notNull()
			.references(() => attendance.id, { onDelete: 'cascade' }),
		section: text('section').notNull(),
		text: text('text').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('minutes_comments_minutes_idx').on(t.minutesId)]
);
