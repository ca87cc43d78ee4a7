import { objectiveTaxonomy } from '$lib/objectives/objective-taxonomy.server';
import type { Db } from '$lib/server/db/database';
import { getOutcome, listOutcomes } from './outcome-commands.server';
import { describeChanges } from './outcome-view';

/**
 * What the outcome page shows: the versions of an incontro's outcome, the one
 * asked for (the latest by default) and its changes since the version before,
 * named by card and field, plus the plan's macro-area names.
 */
export function outcomePage(db: Db, meetingId: number, planId: number, version: number | null) {
	const versions = listOutcomes(db, meetingId);
	const chosen = versions.find((v) => v.version === version) ?? versions[0];
	const outcome = chosen ? getOutcome(db, chosen.id) : undefined;
	const since = outcome?.changesSincePrevious;
	const previousRow = since ? versions.find((v) => v.version === since.version) : undefined;
	const previous = previousRow ? getOutcome(db, previousRow.id) : undefined;
	return {
		versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt })),
		outcome: outcome ?? null,
		changes:
			outcome && since
				? {
						version: since.version,
						list: describeChanges(since.changes, outcome, previous ?? null)
					}
				: null,
		macroAreas: objectiveTaxonomy(db, planId).macroAreas.map(({ code, label }) => ({
			code,
			label
		}))
	};
}
