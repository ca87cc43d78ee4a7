import { and, eq, inArray, max } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Db } from '$lib/server/db/database';
import { nameKey } from '$lib/forms/name-key';
import type { Result } from '$lib/server/result';
import { macroAreas, taxonomyVersions } from '$lib/taxonomy/taxonomy.schema';
import type { ambitoInput, comuneInput, planInput, policyAreaInput } from './plan';
import { ambiti, comuni, plans, policyAreaMacroAreas, policyAreas } from './plan.schema';

/** Use cases of the plan set-up. Inputs are already validated by the zod shapes in plan.ts. */

export function saveAmbito(
	db: Db,
	ambitoId: number | null,
	input: z.output<typeof ambitoInput>,
	now: number
): number {
	if (ambitoId === null) {
		return db
			.insert(ambiti)
			.values({ ...input, createdAt: now })
			.returning()
			.get().id;
	}
	db.update(ambiti).set(input).where(eq(ambiti.id, ambitoId)).run();
	return ambitoId;
}

export function saveComune(
	db: Db,
	ambitoId: number,
	comuneId: number | null,
	input: z.output<typeof comuneInput>
): Result<number, 'duplicate-name' | 'not-found'> {
	const key = nameKey(input.name);
	const clash = db
		.select({ id: comuni.id, name: comuni.name })
		.from(comuni)
		.where(eq(comuni.ambitoId, ambitoId))
		.all()
		.find((c) => nameKey(c.name) === key);
	if (clash && clash.id !== comuneId) return { ok: false, reason: 'duplicate-name' };
	if (comuneId === null) {
		const row = db
			.insert(comuni)
			.values({ ambitoId, ...input })
			.returning()
			.get();
		return { ok: true, value: row.id };
	}
	const updated = db
		.update(comuni)
		.set(input)
		.where(and(eq(comuni.id, comuneId), eq(comuni.ambitoId, ambitoId)))
		.run();
	return updated.changes ? { ok: true, value: comuneId } : { ok: false, reason: 'not-found' };
}

/** False when the Ambito has no such comune: nothing was removed. */
export function removeComune(db: Db, ambitoId: number, comuneId: number): boolean {
	const { changes } = db
		.delete(comuni)
		.where(and(eq(comuni.id, comuneId), eq(comuni.ambitoId, ambitoId)))
		.run();
	return changes > 0;
}

export function savePlan(
	db: Db,
	ambitoId: number,
	planId: number | null,
	input: z.output<typeof planInput>,
	now: number
): Result<number, 'unknown-taxonomy' | 'taxonomy-locked' | 'not-found'> {
	if (!db.select({ id: ambiti.id }).from(ambiti).where(eq(ambiti.id, ambitoId)).get()) {
		return { ok: false, reason: 'not-found' };
	}
	const version = db
		.select()
		.from(taxonomyVersions)
		.where(eq(taxonomyVersions.id, input.taxonomyVersionId))
		.get();
	if (!version) return { ok: false, reason: 'unknown-taxonomy' };
	if (planId === null) {
		const row = db
			.insert(plans)
			.values({ ambitoId, ...input, createdAt: now })
			.returning()
			.get();
		return { ok: true, value: row.id };
	}
	const current = db.select().from(plans).where(eq(plans.id, planId)).get();
	if (
		current &&
		current.taxonomyVersionId !== input.taxonomyVersionId &&
		hasMacroAreaLinks(db, planId)
	) {
		return { ok: false, reason: 'taxonomy-locked' };
	}
	db.update(plans).set(input).where(eq(plans.id, planId)).run();
	return { ok: true, value: planId };
}

function hasMacroAreaLinks(db: Db, planId: number): boolean {
	return (
		db
			.select({ id: policyAreaMacroAreas.policyAreaId })
			.from(policyAreaMacroAreas)
			.innerJoin(policyAreas, eq(policyAreas.id, policyAreaMacroAreas.policyAreaId))
			.where(eq(policyAreas.planId, planId))
			.get() !== undefined
	);
}

/**
 * Creates or updates a policy area with its macro-area links. Every linked
 * macro-area must belong to the plan's taxonomy version (SPEC P3).
 */
export function savePolicyArea(
	db: Db,
	planId: number,
	policyAreaId: number | null,
	input: z.output<typeof policyAreaInput>
): Result<number, 'foreign-macro-area' | 'not-found'> {
	const plan = db.select().from(plans).where(eq(plans.id, planId)).get();
	if (!plan) return { ok: false, reason: 'not-found' };
	const ids = [...new Set(input.macroAreaIds)];
	const valid = ids.length
		? db
				.select({ id: macroAreas.id })
				.from(macroAreas)
				.where(and(inArray(macroAreas.id, ids), eq(macroAreas.versionId, plan.taxonomyVersionId)))
				.all()
		: [];
	if (valid.length !== ids.length) return { ok: false, reason: 'foreign-macro-area' };
	return inTransaction(db, () => {
		let id = policyAreaId;
		if (id === null) {
			const last = db
				.select({ value: max(policyAreas.position) })
				.from(policyAreas)
				.where(eq(policyAreas.planId, planId))
				.get();
			const position = (last?.value ?? -1) + 1;
			id = db
				.insert(policyAreas)
				.values({ planId, name: input.name, position })
				.returning()
				.get().id;
		} else {
			const changed = db
				.update(policyAreas)
				.set({ name: input.name })
				.where(and(eq(policyAreas.id, id), eq(policyAreas.planId, planId)))
				.run();
			if (!changed.changes) return { ok: false, reason: 'not-found' } as const;
			db.delete(policyAreaMacroAreas).where(eq(policyAreaMacroAreas.policyAreaId, id)).run();
		}
		for (const macroAreaId of ids) {
			db.insert(policyAreaMacroAreas).values({ policyAreaId: id, macroAreaId }).run();
		}
		return { ok: true, value: id } as const;
	});
}
