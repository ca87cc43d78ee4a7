import { eq, sql } from 'drizzle-orm';
import { preparedOnce, type Db } from '$lib/server/db/database';
import { tavoli, tavoloMembers } from '$lib/tavolo/tavolo.schema';
import type { Actor } from './access';
import type { SessionUser } from './auth-session.server';

/** Every request with an account runs this: built once (preparedOnce). */
const membershipsOf = preparedOnce((db) =>
	db
		.select({ tavoloId: tavoloMembers.tavoloId, role: tavoloMembers.role, planId: tavoli.planId })
		.from(tavoloMembers)
		.innerJoin(tavoli, eq(tavoli.id, tavoloMembers.tavoloId))
		.where(eq(tavoloMembers.personId, sql.placeholder('personId')))
		.prepare()
);

/** Builds the request's actor: the account and the tavoli of its person. */
export function loadActor(db: Db, user: SessionUser): Actor {
	const memberships =
		user.personId === null ? [] : membershipsOf(db).all({ personId: user.personId });
	return {
		userId: user.id,
		role: user.role,
		displayName: user.displayName,
		email: user.email,
		personId: user.personId,
		tavoli: new Map(memberships.map((m) => [m.tavoloId, m.role])),
		planIds: new Set(memberships.map((m) => m.planId))
	};
}
