import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
		/** The line this one was merged into (SPEC J7): it is also marked removed. */
		mergedInto: text('merged_into'),
		/** When the facilitator confirmed this line as its organisation's delegate (SPEC J8). */
		delegateAt: integer('delegate_at'),
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

/**
 * The devices a line joined from (SPEC J6): the SHA-256 of the device cookie's
 * random token, never the token, so the table cannot be used to pose as a device.
 * A device may hold several lines of one incontro (a tablet passed round).
 */
export const attendanceDevices = sqliteTable(
	'attendance_devices',
	{
		deviceId: text('device_id').notNull(),
		attendanceId: text('attendance_id')
			.notNull()
			.references(() => attendance.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.deviceId, t.attendanceId] }),
		index('attendance_devices_line_idx').on(t.attendanceId)
	]
);
