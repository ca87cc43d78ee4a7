import { and, eq, inArray } from 'drizzle-orm';
import { people } from '$lib/directory/directory.schema';
import { plans, policyAreas } from '$lib/plan/plan.schema';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import type { SubgroupInput, TavoloInput } from './tavolo';
import type { TavoloRole } from './tavolo-roles';
import {
	subgroupMembers,
	subgroups,
	tavoli,
	tavoloMembers,
	tavoloPolicyAreas
} from './tavolo.schema';

/**
 * Creates or updates a tavolo and its policy areas; the areas must be the plan's
 * own (SPEC T3).
 */
export function saveTavolo(
	db: Db,
	planId: number,
	tavoloId: number | null,
	input: TavoloInput,
	now: number
): Result<number, 'foreign-policy-area' | 'not-found'> {
	const { policyAreaIds, ...fields } = input;
	const ids = [...new Set(policyAreaIds)];
	const own = ids.length
		? db
				.select({ id: policyAreas.id })
				.from(policyAreas)
				.where(and(inArray(policyAreas.id, ids), eq(policyAreas.planId, planId)))
				.all()
		: [];
	if (own.length !== ids.length) return { ok: false, reason: 'foreign-policy-area' };
	return inTransaction(db, () => {
		let id = tavoloId;
		if (id === null) {
			id = db
				.insert(tavoli)
				.values({ planId, ...fields, createdAt: now })
				.returning()
				.get().id;
		} else {
			const changed = db
				.update(tavoli)
				.set(fields)
				.where(and(eq(tavoli.id, id), eq(tavoli.planId, planId)))
				.run();
			if (!changed.changes) return { ok: false, reason: 'not-found' } as const;
			db.delete(tavoloPolicyAreas).where(eq(tavoloPolicyAreas.tavoloId, id)).run();
		}
		for (const policyAreaId of ids)
			db.insert(tavoloPolicyAreas).values({ tavoloId: id, policyAreaId }).run();
		return { ok: true, value: id } as const;
	});
}

/** Adds a person of the plan's Ambito to a tavolo (SPEC T4). */
export function addMember(
	db: Db,
	tavoloId: number,
	personId: number,
	role: TavoloRole,
	now: number
): Result<number, 'not-found' | 'already-member'> {
	const context = db
		.select({ ambitoId: plans.ambitoId })
		.from(tavoli)
		.innerJoin(plans, eq(plans.id, tavoli.planId))
		.where(eq(tavoli.id, tavoloId))
		.get();
	const person = db
		.select({ ambitoId: people.ambitoId })
		.from(people)
		.where(eq(people.id, personId))
		.get();
	if (!context || !person || person.ambitoId !== context.ambitoId)
		return { ok: false, reason: 'not-found' };
	const row = db
		.insert(tavoloMembers)
		.values({ tavoloId, personId, role, createdAt: now })
		.onConflictDoNothing()
		.returning()
		.get();
	return row ? { ok: true, value: row.id } : { ok: false, reason: 'already-member' };
}

export function changeMemberRole(
	db: Db,
	tavoloId: number,
	memberId: number,
	role: TavoloRole
): boolean {
	return (
		db
			.update(tavoloMembers)
			.set({ role })
			.where(and(eq(tavoloMembers.id, memberId), eq(tavoloMembers.tavoloId, tavoloId)))
			.run().changes > 0
	);
}

/** Removes a member from the tavolo and from its sub-groups. */
export function removeMember(db: Db, tavoloId: number, memberId: number): boolean {
	return inTransaction(db, () => {
		const member = db
			.select()
			.from(tavoloMembers)
			.where(and(eq(tavoloMembers.id, memberId), eq(tavoloMembers.tavoloId, tavoloId)))
			.get();
		if (!member) return false;
		const groupIds = db
			.select({ id: subgroups.id })
			.from(subgroups)
			.where(eq(subgroups.tavoloId, tavoloId))
			.all()
			.map((g) => g.id);
		if (groupIds.length) {
			db.delete(subgroupMembers)
				.where(
					and(
						eq(subgroupMembers.personId, member.personId),
						inArray(subgroupMembers.subgroupId, groupIds)
					)
				)
				.run();
		}
		db.delete(tavoloMembers).where(eq(tavoloMembers.id, memberId)).run();
		return true;
	});
}

/** Creates or updates a sub-group; its people must be members of the tavolo (SPEC T5). */
export function saveSubgroup(
	db: Db,
	tavoloId: number,
	subgroupId: number | null,
	input: SubgroupInput
): Result<number, 'not-a-member' | 'not-found'> {
	const { personIds, ...fields } = input;
	const ids = [...new Set(personIds)];
	const members = ids.length
		? db
				.select({ personId: tavoloMembers.personId })
				.from(tavoloMembers)
				.where(and(eq(tavoloMembers.tavoloId, tavoloId), inArray(tavoloMembers.personId, ids)))
				.all()
		: [];
	if (members.length !== ids.length) return { ok: false, reason: 'not-a-member' };
	return inTransaction(db, () => {
		let id = subgroupId;
		if (id === null) {
			id = db
				.insert(subgroups)
				.values({ tavoloId, ...fields })
				.returning()
				.get().id;
		} else {
			const changed = db
				.update(subgroups)
				.set(fields)
				.where(and(eq(subgroups.id, id), eq(subgroups.tavoloId, tavoloId)))
				.run();
			if (!changed.changes) return { ok: false, reason: 'not-found' } as const;
			db.delete(subgroupMembers).where(eq(subgroupMembers.subgroupId, id)).run();
		}
		for (const personId of ids)
			db.insert(subgroupMembers).values({ subgroupId: id, personId }).run();
		return { ok: true, value: id } as const;
	});
}

export function deleteSubgroup(db: Db, tavoloId: number, subgroupId: number): boolean {
	return (
		db
			.delete(subgroups)
			.where(and(eq(subgroups.id, subgroupId), eq(subgroups.tavoloId, tavoloId)))
			.run().changes > 0
	);
}
