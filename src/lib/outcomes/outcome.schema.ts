import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/auth.schema';
import { meetings } from '../meeting/meeting.schema';
import type { OutcomePackage } from './outcome';

/**
 * The esito del tavolo: immutable, versioned (SPEC E1). Resubmitting adds a row
 * with the next version; no row is ever updated.
 */
export const outcomes = sqliteTable(
	'outcomes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id),
		version: integer('version').notNull(),
		content: text('content', { mode: 'json' }).$type<OutcomePackage>().notNull(),
		createdAt: integer('created_at').notNull(),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('outcomes_meeting_version_uq').on(t.meetingId, t.version),
		index('outcomes_meeting_idx').on(t.meetingId)
	]
);
