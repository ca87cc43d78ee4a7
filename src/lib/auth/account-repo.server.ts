import { asc, eq } from 'drizzle-orm';
import { people } from '$lib/directory/directory.schema';
import type { Db } from '$lib/server/db/database';
import { users } from './auth.schema';

/** Accounts without their password hashes, with the linked person's name. */
export function listAccounts(db: Db) {
	return db
		.select({
			id: users.id,
			email: users.email,
			displayName: users.displayName,
			role: users.role,
			personId: users.personId,
			personName: people.fullName
		})
		.from(users)
		.leftJoin(people, eq(people.id, users.personId))
		.orderBy(asc(users.email))
		.all();
}
