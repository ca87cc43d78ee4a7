import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Actor } from '$lib/auth/access';
import { nameKey } from '$lib/forms/name-key';
import { organizations, people } from '$lib/directory/directory.schema';
import { plans } from '$lib/plan/plan.schema';
import { preparedOnce, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { meetings } from '$lib/meeting/meeting.schema';
import { newAttendanceId } from './attendance';
import { attendance } from './attendance.schema';

export type AttendanceLine = typeof attendance.$inferSelect;
/** A line as the foglio firme shows it: with the directory organisation of its person, for SPEC J8. */
export type SheetLine = AttendanceLine & { personOrganizationId: number | null };

/** The organisation of the directory a typed name refers to (by name or alias), if any. */
export function matchOrganization(db: Db, meetingId: number, typed: string): number | null {
	if (!typed.trim()) return null;
	const ambito = db
		.select({ ambitoId: plans.ambitoId })
		.from(meetings)
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.innerJoin(plans, eq(plans.id, tavoli.planId))
		.where(eq(meetings.id, meetingId))
		.get();
	if (!ambito) return null;
	const key = nameKey(typed);
	const match = db
		.select({ id: organizations.id, name: organizations.name, aliases: organizations.aliases })
		.from(organizations)
		.where(eq(organizations.ambitoId, ambito.ambitoId))
		.all()
		.find((o) => [o.name, ...o.aliases].some((n) => nameKey(n) === key));
	return match?.id ?? null;
}

/** Adds a line to the foglio firme (SPEC J1): the guest who joined, or a paper signature. */
export function addAttendance(
	db: Db,
	meetingId: number,
	line: { name: string; organization: string; source: 'code' | 'paper'; consent: boolean },
	now: number
): AttendanceLine {
	const organizationId = matchOrganization(db, meetingId, line.organization);
	return db
		.insert(attendance)
		.values({
			id: newAttendanceId(),
			meetingId,
			name: line.name,
			organizationName: line.organization,
			organizationId,
			source: line.source,
			consentAt: line.consent ? now : null,
			joinedAt: now,
			updatedAt: now
		})
		.returning()
		.get();
}

/**
 * Every board request of an account holder runs this: built once (preparedOnce).
 * A line the facilitator took off the sheet still names them on the board, and is
 * not given back (J6): reading the board must not sign them in again.
 */
const accountLine = preparedOnce((db) =>
	db
		.select()
		.from(attendance)
		.where(
			and(
				eq(attendance.meetingId, sql.placeholder('meetingId')),
				eq(attendance.userId, sql.placeholder('userId'))
			)
		)
		.orderBy(asc(attendance.removedAt))
		.limit(1)
		.prepare()
);

/** The line of a logged-in member, on the sheet or taken off it; undefined when they never opened the board. */
export function findAccountLine(
	db: Db,
	meetingId: number,
	actor: Actor
): AttendanceLine | undefined {
	return accountLine(db).get({ meetingId, userId: actor.userId });
}

/**
 * The line of a logged-in member, created the first time they open the board:
 * registered members sign by being there, with the name and organisation of
 * their directory entry.
 */
export function attendanceOfAccount(
	db: Db,
	meetingId: number,
	actor: Actor,
	now: number
): AttendanceLine {
	const existing = findAccountLine(db, meetingId, actor);
	if (existing) return existing;
	const person = actor.personId
		? db
				.select({
					name: people.fullName,
					organizationId: people.organizationId,
					organization: organizations.name
				})
				.from(people)
				.leftJoin(organizations, eq(organizations.id, people.organizationId))
				.where(eq(people.id, actor.personId))
				.get()
		: undefined;
	return db
		.insert(attendance)
		.values({
			id: newAttendanceId(),
			meetingId,
			name: person?.name ?? actor.displayName,
			organizationName: person?.organization ?? '',
			organizationId: person?.organizationId ?? null,
			personId: actor.personId,
			userId: actor.userId,
			source: 'account',
			consentAt: now,
			joinedAt: now,
			updatedAt: now
		})
		.returning()
		.get();
}

function sheetLines(db: Db) {
	return db
		.select({ ...getTableColumns(attendance), personOrganizationId: people.organizationId })
		.from(attendance)
		.leftJoin(people, eq(people.id, attendance.personId));
}

export function listAttendance(db: Db, meetingId: number): SheetLine[] {
	return sheetLines(db)
		.where(and(eq(attendance.meetingId, meetingId), isNull(attendance.removedAt)))
		.orderBy(asc(attendance.joinedAt))
		.all();
}

/**
 * A line on this incontro's sheet; `removed` too when asked: the UdP exports and
 * erases what is held about a person whose line was taken off the sheet as well.
 */
export function getAttendance(
	db: Db,
	meetingId: number,
	id: string,
	{ removed = false } = {}
): SheetLine | undefined {
	const onSheet = removed ? undefined : isNull(attendance.removedAt);
	return sheetLines(db)
		.where(and(eq(attendance.meetingId, meetingId), eq(attendance.id, id), onSheet))
		.get();
}

/**
 * The facilitator corrects a line (a misspelt name, the wrong organisation); a
 * field left out keeps its value. A delegate confirmed for one organisation is
 * not one for another (SPEC J8): a change of organisation withdraws the
 * confirmation. The line as it now reads, or undefined when it is not on the sheet.
 */
export function correctAttendance(
	db: Db,
	target: { meetingId: number; id: string },
	change: { name?: string; organization?: string; now: number }
): SheetLine | undefined {
	const current = getAttendance(db, target.meetingId, target.id);
	if (!current) return undefined;
	const organizationName = change.organization ?? current.organizationName;
	const organizationId = matchOrganization(db, target.meetingId, organizationName);
	const sameOrganization =
		organizationId === current.organizationId &&
		nameKey(organizationName) === nameKey(current.organizationName);
	const corrected = {
		name: change.name ?? current.name,
		organizationName,
		organizationId,
		delegateAt: sameOrganization ? current.delegateAt : null,
		updatedAt: change.now
	};
	db.update(attendance).set(corrected).where(eq(attendance.id, current.id)).run();
	return { ...current, ...corrected };
}

/**
 * SPEC J8: the facilitator confirms a line as its organisation's delegate, or
 * withdraws the confirmation. A line without an organisation cannot be one.
 */
export function setDelegate(
	db: Db,
	target: { meetingId: number; id: string },
	change: { confirmed: boolean; now: number }
): Result<SheetLine, 'unknown-line' | 'no-organization'> {
	const line = getAttendance(db, target.meetingId, target.id);
	if (!line) return { ok: false, reason: 'unknown-line' };
	if (change.confirmed && line.organizationId === null && !line.organizationName.trim())
		return { ok: false, reason: 'no-organization' };
	const delegateAt = change.confirmed ? (line.delegateAt ?? change.now) : null;
	db.update(attendance)
		.set({ delegateAt, updatedAt: change.now })
		.where(eq(attendance.id, line.id))
		.run();
	return { ok: true, value: { ...line, delegateAt, updatedAt: change.now } };
}

/**
 * Takes a line off the foglio firme. The line is kept, marked removed, so the
 * cards its person wrote still trace back to someone; their guest session ends.
 */
export function removeAttendance(db: Db, meetingId: number, id: string, now: number): boolean {
	return (
		db
			.update(attendance)
			.set({ removedAt: now, updatedAt: now })
			.where(
				and(
					eq(attendance.meetingId, meetingId),
					eq(attendance.id, id),
					isNull(attendance.removedAt)
				)
			)
			.run().changes > 0
	);
}
