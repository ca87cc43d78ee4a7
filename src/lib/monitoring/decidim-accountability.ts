import { planYears } from './monitoring';

/**
 * Decidim's Accountability CSV (SPEC M12): the columns its results export writes and its
 * import reads, with `it` as the locale. Pure: the rows are built from plain data.
 */

/**
 * In the order of Decidim's own results export (`ResultSerializer`, flattened with `/`),
 * without the columns that only name things inside the exporting Decidim (`created_at`,
 * `url`, `component/id`). The import reads `id`, `parent/id`, `title/<locale>`,
 * `description/<locale>`, `start_date`, `end_date`, `category/id`, `status/id`, `progress`
 * and `proposal_urls`; the names beside the ids are there for the reader.
 */
export const DECIDIM_COLUMNS = [
	'id',
	'category/id',
	'category/name/it',
	'scope/id',
	'scope/name/it',
	'parent/id',
	'title/it',
	'description/it',
	'start_date',
	'end_date',
	'status/id',
	'status/key',
	'status/name/it',
	'progress',
	'proposal_urls'
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
	status: string;
	statusLabel: string;
	progresses: readonly (number | null)[];
}

/** [M12] One result per objective, top-level (no parent), no Decidim ids it cannot know. */
export function accountabilityRow(o: AccountabilityObjective, planPeriod: string): DecidimRow {
	const dates = planDates(planPeriod);
	return {
		id: o.id,
		'category/id': '',
		'category/name/it': o.policyArea ?? '',
		'scope/id': '',
		'scope/name/it': o.macroAreas.join(', '),
		'parent/id': '',
		'title/it': `${o.number}. ${o.title}`,
		'description/it': o.description,
		start_date: dates.start,
		end_date: dates.end,
		'status/id': '',
		'status/key': o.status,
		'status/name/it': o.statusLabel,
		progress: combinedProgress(o.progresses),
		proposal_urls: ''
	};
}
