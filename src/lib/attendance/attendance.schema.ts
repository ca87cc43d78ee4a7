import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/auth.schema';
import { organizations, people } from '../directory/directory.schema';
import { meetings } from '../meeting/meeting.schema';

/**
 * The foglio firme: one line per person present at an incontro. The line's id is
 * also the person's participant id on the board (cards, Yjs client ids).
 */
export const attendance = sqliteTable(
	'attendance',
	{
		id: text('id').primaryKey(),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => meetings.id),
		name: text('name').notNull(),
		organizationName: text('organization_name').notNull(),
		organizationId: integer('organization_id').references(() => organizations.id, {
			onDelete: 'set null'
		}),
		personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		/** 'code' (joined with the code), 'account' (logged in), 'paper' (signed on paper). */
		source: text('source', { enum: ['code', 'account', 'paper'] }).notNull(),
		consentAt: integer('consent_at'),
		joinedAt: integer('joined_at').notNull(),
		removedAt: integer('removed_at'),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('attendance_meeting_idx').on(t.meetingId),
		index('attendance_user_idx').on(t.userId)
	]
);

/** A guest's log-in for one incontro only; like authSessions, the id is the token's SHA-256. */
export const guestSessions = sqliteTable('guest_sessions', {
	id: text('id').primaryKey(),
	attendanceId: text('attendance_id')
		.notNull()
		.references(() => attendance.id, { onDelete: 'cascade' }),
	meetingId: integer('meeting_id')
		.notNull()
		.references(() => meetings.id),
	expiresAt: integer('expires_at').notNull(),
	createdAt: integer('created_at').notNull()
});
