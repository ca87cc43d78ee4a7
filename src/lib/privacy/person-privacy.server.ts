import { eq } from 'drizzle-orm';
import {
	eraseParticipant,
	exportParticipant,
	linesOfPerson
} from '$lib/attendance/participant-privacy.server';
import { attendance } from '$lib/attendance/attendance.schema';
import { users } from '$lib/auth/auth.schema';
import type { BoardHub } from '$lib/board/board-hub.server';
import { organizations, people } from '$lib/directory/directory.schema';
import { scrubOutcomes } from '$lib/outcomes/outcome-erasure.server';
import { inTransaction, type Db } from '$lib/server/db/database';
import { subgroupMembers, subgroups, tavoli, tavoloMembers } from '$lib/tavolo/tavolo.schema';

/**
 * A person's right of access and right to erasure (directory SPEC D4). Every
 * feature that stores data about a person adds it to both functions, so that
 * what the UdP exports is everything and what it erases is gone.
 */
export function exportPersonData(db: Db, hub: BoardHub, personId: number) {
	const person = db.select().from(people).where(eq(people.id, personId)).get();
	if (!person) return undefined;
	const organization = person.organizationId
		? db
				.select({ name: organizations.name })
				.from(organizations)
				.where(eq(organizations.id, person.organizationId))
				.get()
		: undefined;
	return {
		person: { ...person, organization: organization?.name ?? null },
		accounts: db
			.select({
				email: users.email,
				role: users.role,
				displayName: users.displayName,
				createdAt: users.createdAt
			})
			.from(users)
			.where(eq(users.personId, personId))
			.all(),
		tavoli: db
			.select({ tavolo: tavoli.name, role: tavoloMembers.role, since: tavoloMembers.createdAt })
			.from(tavoloMembers)
			.innerJoin(tavoli, eq(tavoli.id, tavoloMembers.tavoloId))
			.where(eq(tavoloMembers.personId, personId))
			.all(),
		subgroups: db
			.select({ subgroup: subgroups.name, tavolo: tavoli.name })
			.from(subgroupMembers)
			.innerJoin(subgroups, eq(subgroups.id, subgroupMembers.subgroupId))
			.innerJoin(tavoli, eq(tavoli.id, subgroups.tavoloId))
			.where(eq(subgroupMembers.personId, personId))
			.all(),
		incontri: linesOfPerson(db, personId, accountIds(db, personId)).map((id) =>
			exportParticipant(db, hub, id)
		)
	};
}

function accountIds(db: Db, personId: number): number[] {
	return db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.personId, personId))
		.all()
		.map((u) => u.id);
}

/**
 * Erases one line of a foglio firme (SPEC J5) everywhere it is named: the line and
 * the board (attendance), then the incontro's outcome packages, scrubbed first
 * while the line still says whom to look for.
 */
export function eraseLine(db: Db, hub: BoardHub, attendanceId: string, now: number): boolean {
	const line = db.select().from(attendance).where(eq(attendance.id, attendanceId)).get();
	if (!line) return false;
	inTransaction(db, () => scrubOutcomes(db, line));
	return eraseParticipant(db, hub, attendanceId, now);
}

/**
 * Erases the person, their seats and sub-groups (cascade), any account of theirs,
 * and their name on every foglio firme and board.
 */
export function erasePerson(db: Db, hub: BoardHub, personId: number, now: number): boolean {
	for (const line of linesOfPerson(db, personId, accountIds(db, personId)))
		eraseLine(db, hub, line, now);
	return inTransaction(db, () => {
		db.delete(users).where(eq(users.personId, personId)).run();
		return db.delete(people).where(eq(people.id, personId)).run().changes > 0;
	});
}
