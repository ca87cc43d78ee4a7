import { asc, eq } from 'drizzle-orm';
import { listPolicyAreas } from '$lib/plan/plan-repo.server';
import { plans } from '$lib/plan/plan.schema';
import type { Db } from '$lib/server/db/database';
import { EXPORT_FORMAT, type PlanExport } from './plan-export';
import { listPlanObjectives } from './plan-objective-repo.server';

/** The plan's objectives in Tavoli's export format (SPEC PO5). */
export function buildPlanExport(db: Db, planId: number): PlanExport | undefined {
	const plan = db.select().from(plans).where(eq(plans.id, planId)).orderBy(asc(plans.id)).get();
	if (!plan) return undefined;
	return {
		format: EXPORT_FORMAT,
		version: 1,
		plan: { title: plan.title, period: plan.period, taxonomyVersion: plan.taxonomyVersionId },
		policyAreas: listPolicyAreas(db, planId).map((a) => ({
			name: a.name,
			macroAreas: a.macroAreas.map((m) => m.code)
		})),
		objectives: listPlanObjectives(db, planId).map((o) => ({
			number: o.number,
			title: o.title,
			policyArea: o.policyArea,
			fields: o.fields,
			verbatim: o.verbatim,
			macroAreas: o.macroAreas,
			keyPoints: o.keyPoints,
			leps: o.leps,
			indicators: o.indicators,
			status: o.status,
			approvedAt: o.approvedAt
		}))
	};
}
