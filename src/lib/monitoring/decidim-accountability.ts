import { planYears } from './monitoring';

/**
 * Decidim's Accountability CSV (SPEC M12): the columns its results export writes and its
 * import reads, with `it` as the locale. Pure: the rows are built from plain data.
 */

/**
 * The columns Decidim's admin documentation lists for importing results into an
 * Accountability component (docs.decidim.org, admin → components → accountability →
 * import), in its order, with `it` as the locale. Nothing else: the import ignores other
 * columns, and the header is what an admin compares with the documentation.
 */
export const DECIDIM_COLUMNS = [
	'id',
	'category/id',
	'scope/id',
	'parent/id',
	'title/it',
	'description/it',
	'start_date',
	'end_date',
	'status/id',
	'progress',
	'proposals_ids'
] as const;

export type DecidimColumn = (typeof DECIDIM_COLUMNS)[number];
export type DecidimRow = Record<DecidimColumn, string | number>;

/**
 * [M12] The one number Decidim's `progress` needs: the mean of the indicators' progress
 * that can be computed (M4), capped to 0–100, one decimal; 0 when none can. Only here:
 * everywhere else an objective's progress stays per indicator.
 */
export function combinedProgress(progresses: readonly (number | null)[]): number {
	const known = progresses.filter((p): p is number => p !== null && Number.isFinite(p));
	if (known.length === 0) return 0;
	const mean = known.reduce((sum, p) => sum + p, 0) / known.length;
	return Math.round(Math.min(100, Math.max(0, mean)) * 10) / 10;
}

/** [M12] The plan's years as Decidim dates: `2025-2027` → 2025-01-01 … 2027-12-31, or empty. */
export function planDates(planPeriod: string): { start: string; end: string } {
	const years = planYears(planPeriod);
	if (!years) return { start: '', end: '' };
	return { start: `${years.from}-01-01`, end: `${years.to}-12-31` };
}

export interface AccountabilityObjective {
	id: number;
	number: number;
	title: string;
	description: string;
	policyArea: string | null;
	macroAreas: readonly string[];
	statusLabel: string;
	progresses: readonly (number | null)[];
}

/**
 * [M12] The description's opening lines: what the export's name columns used to carry
 * (policy area, macro-areas, status), since the import columns hold only Decidim's ids.
 */
function descriptionHead(o: AccountabilityObjective): string[] {
	return [
		...(o.policyArea ? [`Area di policy: ${o.policyArea}`] : []),
		...(o.macroAreas.length ? [`Macroaree: ${o.macroAreas.join(', ')}`] : []),
		`Stato: ${o.statusLabel}`
	];
}

/** [M12] One result per objective, top-level (no parent), no Decidim ids it cannot know. */
export function accountabilityRow(o: AccountabilityObjective, planPeriod: string): DecidimRow {
	const dates = planDates(planPeriod);
	return {
		id: o.id,
		'category/id': '',
		'scope/id': '',
		'parent/id': '',
		'title/it': `${o.number}. ${o.title}`,
		'description/it': [...descriptionHead(o), o.description].filter((l) => l !== '').join('\n'),
		start_date: dates.start,
		end_date: dates.end,
		'status/id': '',
		progress: combinedProgress(o.progresses),
		proposals_ids: ''
	};
}
