import { asc, eq, inArray } from 'drizzle-orm';
import { organizations, people } from '$lib/directory/directory.schema';
import { policyAreas } from '$lib/plan/plan.schema';
import type { Db } from '$lib/server/db/database';
import { facilitatorWarnings, meetingGaps } from './tavolo-rules';
import {
	subgroupMembers,
	subgroups,
	tavoli,
	tavoloMembers,
	tavoloPolicyAreas
} from './tavolo.schema';

export type TavoloRow = typeof tavoli.$inferSelect;

export function getTavolo(db: Db, tavoloId: number): TavoloRow | undefined {
	return db.select().from(tavoli).where(eq(tavoli.id, tavoloId)).get();
}

export function listTavoliOfPlan(db: Db, planId: number): TavoloRow[] {
	return db.select().from(tavoli).where(eq(tavoli.planId, planId)).orderBy(asc(tavoli.id)).all();
}

export function listTavoloPolicyAreas(db: Db, tavoloId: number) {
	return db
		.select({ id: policyAreas.id, name: policyAreas.name })
		.from(tavoloPolicyAreas)
		.innerJoin(policyAreas, eq(policyAreas.id, tavoloPolicyAreas.policyAreaId))
		.where(eq(tavoloPolicyAreas.tavoloId, tavoloId))
		.orderBy(asc(policyAreas.position))
		.all();
}

export function listMembers(db: Db, tavoloId: number) {
	return db
		.select({
			id: tavoloMembers.id,
			personId: people.id,
			fullName: people.fullName,
			email: people.email,
			role: tavoloMembers.role,
			organizationName: organizations.name,
			sector: organizations.sector
		})
		.from(tavoloMembers)
		.innerJoin(people, eq(people.id, tavoloMembers.personId))
		.leftJoin(organizations, eq(organizations.id, people.organizationId))
		.where(eq(tavoloMembers.tavoloId, tavoloId))
		.orderBy(asc(tavoloMembers.role), asc(people.fullName))
		.all();
}
export type MemberView = ReturnType<typeof listMembers>[number];

/** The tavoli a person sits in, with the role, for the person page. */
export function listMembershipsOfPerson(db: Db, personId: number) {
	return db
		.select({ tavoloId: tavoli.id, tavoloName: tavoli.name, role: tavoloMembers.role })
		.from(tavoloMembers)
		.innerJoin(tavoli, eq(tavoli.id, tavoloMembers.tavoloId))
		.where(eq(tavoloMembers.personId, personId))
		.orderBy(asc(tavoli.name))
		.all();
}

export function listSubgroups(db: Db, tavoloId: number) {
	const groups = db
		.select()
		.from(subgroups)
		.where(eq(subgroups.tavoloId, tavoloId))
		.orderBy(asc(subgroups.name))
		.all();
	const links = groups.length
		? db
				.select()
				.from(subgroupMembers)
				.where(
					inArray(
						subgroupMembers.subgroupId,
						groups.map((g) => g.id)
					)
				)
				.all()
		: [];
	return groups.map((g) => ({
		...g,
		personIds: links.filter((l) => l.subgroupId === g.id).map((l) => l.personId)
	}));
}

/**
 * What the quarterly rule (T2) reads: today and the dates of the incontri that
 * count. The incontri sit above the tavolo, so the caller brings their dates
 * (meeting-repo's countedMeetingDates).
 */
export interface MeetingCalendar {
	today: string;
	meetingDates: readonly string[];
}

/** The rule checks of a tavolo (SPEC T1, T2), for its page and the plan overview. */
export function tavoloWarnings(db: Db, tavoloId: number, calendar: MeetingCalendar) {
	return {
		facilitators: facilitatorWarnings(listMembers(db, tavoloId)),
		gaps: meetingGaps(calendar.meetingDates, calendar.today)
	};
}
