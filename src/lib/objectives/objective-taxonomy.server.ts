import { getPlan } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import { loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import type { ObjectiveTaxonomy } from './objective-view';

/**
 * The taxonomy version of a plan, shaped for the objective cards: they store
 * macro-areas by code, punti chiave by label and LEPS by name (SPEC O1).
 */
export function objectiveTaxonomy(db: Db, planId: number): ObjectiveTaxonomy {
	const plan = getPlan(db, planId);
	const taxonomy = plan ? loadTaxonomy(db, plan.taxonomyVersionId) : undefined;
	return {
		macroAreas: (taxonomy?.macroAreas ?? []).map((a) => ({
			code: a.code,
			label: a.label,
			keyPoints: a.keyPoints.map((k) => k.label)
		})),
		leps: (taxonomy?.leps ?? []).map((l) => l.name)
	};
}
