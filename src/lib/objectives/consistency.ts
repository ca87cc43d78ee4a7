import type { ObjectiveDraft } from './objective-template';

/**
 * Checks that point out the inconsistencies found in real plans (SPEC O3). They
 * warn; they never block: the tavolo and the UdP decide.
 */
export type ConsistencyIssue =
	| { code: 'key-point-outside-mapping'; macroArea: string }
	| { code: 'macro-area-without-key-points'; macroArea: string }
	| { code: 'not-cross-cutting-but-several-areas'; count: number }
	| { code: 'digital-area-without-digital-aspects' }
	| { code: 'rewarded-project-without-continuity' }
	| { code: 'innovative-but-continuing' };

/** Macro-areas whose regional list has no punti chiave (L in 2025-2027). */
const withoutKeyPoints = new Set(['L']);

type Draft = Pick<ObjectiveDraft, 'fields' | 'macroAreas' | 'keyPoints'> & {
	/** The 2021-2023 form's explicit marker ("Obiettivo innovativo" / "in continuità"). */
	kind?: 'INNOVATIVO' | 'IN_CONTINUITA' | null;
};

export function consistencyIssues(draft: Draft): ConsistencyIssue[] {
	const issues: ConsistencyIssue[] = [];
	const mapped = new Set(draft.macroAreas);
	const f = draft.fields;
	// O3a: a punto chiave ticked for a macro-area the objective is not mapped to.
	for (const [area, points] of Object.entries(draft.keyPoints)) {
		if (points.length > 0 && !mapped.has(area))
			issues.push({ code: 'key-point-outside-mapping', macroArea: area });
	}
	// O3b: mapped to a macro-area but none of its punti chiave ticked.
	for (const area of draft.macroAreas) {
		if (!withoutKeyPoints.has(area) && !draft.keyPoints[area]?.length)
			issues.push({ code: 'macro-area-without-key-points', macroArea: area });
	}
	// O3c: "trasversale" NO while mapped to several macro-areas.
	if (f.crossCuttingIntegrated === 'NO' && mapped.size > 1)
		issues.push({ code: 'not-cross-cutting-but-several-areas', count: mapped.size });
	// O3d: macro-area F (digitalizzazione) with "aspetti di digitalizzazione" NO.
	if (mapped.has('F') && f.digitalisationAspects === 'NO')
		issues.push({ code: 'digital-area-without-digital-aspects' });
	// O3e: not continuing the previous plan, yet continuing a rewarded project of it.
	if (f.continuityWithPreviousPlan === 'NO' && f.continuityWithRewardedProject === 'SI')
		issues.push({ code: 'rewarded-project-without-continuity' });
	// O3f: an innovative objective (2021-2023 marker, or a new service) marked as continuing.
	const innovative = draft.kind === 'INNOVATIVO' || f.newServiceDefinition === 'NUOVO SERVIZIO';
	if (innovative && f.continuityWithPreviousPlan === 'SI')
		issues.push({ code: 'innovative-but-continuing' });
	return issues;
}
