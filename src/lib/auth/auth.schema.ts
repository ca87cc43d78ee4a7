import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { people } from '../directory/directory.schema';
import { userRoles } from './roles';

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Always stored lower-cased and trimmed. */
	email: text('email').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: userRoles }).notNull(),
	/** The directory entry this account belongs to; decides tavolo memberships. */
	personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
	createdAt: integer('created_at').notNull(),
	passwordChangedAt: integer('password_changed_at').notNull()
});

/** Lucia-style sessions: the id is the SHA-256 of the cookie token, never the token. */
export const authSessions = sqliteTable(
	'auth_sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('auth_sessions_user_idx').on(t.userId)]
);

/** Failed log-ins per account ("account:<email>") and per address ("ip:<addr>"). */
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStartedAt: integer('window_started_at').notNull(),
	lockedUntil: integer('locked_until').notNull()
});
