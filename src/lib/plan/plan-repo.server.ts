import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '$lib/server/db/database';
import { macroAreas } from '$lib/taxonomy/taxonomy.schema';
import { ambiti, comuni, plans, policyAreaMacroAreas, policyAreas } from './plan.schema';

export type PlanRow = typeof plans.$inferSelect;
export type AmbitoRow = typeof ambiti.$inferSelect;

/**
 * The plans a visitor may see, newest period first. The caller passes the access
 * rule (auth's `access.viewPlan`, A3): auth sits above plan in the feature order.
 */
export function listVisiblePlans(db: Db, canView: (planId: number) => boolean): PlanRow[] {
	const all = db.select().from(plans).orderBy(asc(plans.period), asc(plans.id)).all().reverse();
	return all.filter((p) => canView(p.id));
}

export function getPlan(db: Db, planId: number): PlanRow | undefined {
	return db.select().from(plans).where(eq(plans.id, planId)).get();
}

export function listAmbiti(db: Db): AmbitoRow[] {
	return db.select().from(ambiti).orderBy(asc(ambiti.name)).all();
}

export function getAmbito(db: Db, ambitoId: number): AmbitoRow | undefined {
	return db.select().from(ambiti).where(eq(ambiti.id, ambitoId)).get();
}

export function listComuni(db: Db, ambitoId: number) {
	return db
		.select()
		.from(comuni)
		.where(eq(comuni.ambitoId, ambitoId))
		.orderBy(asc(comuni.name))
		.all();
}

export interface PolicyAreaView {
	id: number;
	name: string;
	position: number;
	macroAreas: { id: number; code: string; label: string }[];
}

export function listPolicyAreas(db: Db, planId: number): PolicyAreaView[] {
	const areas = db
		.select()
		.from(policyAreas)
		.where(eq(policyAreas.planId, planId))
		.orderBy(asc(policyAreas.position), asc(policyAreas.id))
		.all();
	if (areas.length === 0) return [];
	const links = db
		.select({
			policyAreaId: policyAreaMacroAreas.policyAreaId,
			id: macroAreas.id,
			code: macroAreas.code,
			label: macroAreas.label,
			position: macroAreas.position
		})
		.from(policyAreaMacroAreas)
		.innerJoin(macroAreas, eq(macroAreas.id, policyAreaMacroAreas.macroAreaId))
		.where(
			inArray(
				policyAreaMacroAreas.policyAreaId,
				areas.map((a) => a.id)
			)
		)
		.orderBy(asc(macroAreas.position))
		.all();
	return areas.map((a) => ({
		id: a.id,
		name: a.name,
		position: a.position,
		macroAreas: links
			.filter((l) => l.policyAreaId === a.id)
			.map(({ id, code, label }) => ({ id, code, label }))
	}));
}

export function getPolicyArea(db: Db, policyAreaId: number) {
	return db.select().from(policyAreas).where(eq(policyAreas.id, policyAreaId)).get();
}
