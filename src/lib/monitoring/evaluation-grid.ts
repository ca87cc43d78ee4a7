import { z } from 'zod';
import data20252027 from '$lib/taxonomy/data/2025-2027.json';

/**
 * The regional evaluation grid (Allegato B, DGR XII/2167/2024; SPEC M5–M7), read
 * from the taxonomy's verbatim copy of `evaluationTemplate`: its bands and scales
 * are the template's, never written here.
 */

const dimensionShape = z.object({
	key: z.string(),
	label: z.string(),
	labelInAnalyticGrids: z.string().optional(),
	formula: z.string().optional(),
	scale: z.array(z.string()).optional(),
	normalized: z
		.array(
			z.union([
				z.object({ min: z.number(), max: z.number(), band: z.string() }),
				z.object({ condition: z.enum(['<100', '=100', '>100']), band: z.string() })
			])
		)
		.optional()
});
const templateShape = z.object({ source: z.string(), dimensions: z.array(dimensionShape) });

const template = templateShape.parse(data20252027.evaluationTemplate);

function dimension(key: string) {
	const found = template.dimensions.find((d) => d.key === key);
	if (!found) throw new Error(`The evaluation template lacks ${key}`);
	return found;
}

const achievement = dimension('achievementDegree');
const coincidence = dimension('resourceCoincidence');

/** The achievement bands in the template's order, each from its lowest percentage. */
export const achievementBands = (achievement.normalized ?? []).flatMap((b) =>
	'min' in b ? [{ min: b.min, max: b.max, band: b.band }] : []
);
/** The coincidence bands by their condition on the percentage (<100, =100, >100). */
export const coincidenceBands = (coincidence.normalized ?? []).flatMap((b) =>
	'condition' in b ? [{ condition: b.condition, band: b.band }] : []
);
/** [M6] The only answers to «adeguatezza delle risorse», in the template's words. */
export const resourceAdequacyScale = dimension('resourceAdequacy').scale ?? [];

/** A computed dimension: its percentage and band, or both null without the data. */
export interface Banded {
	percent: number | null;
	band: string | null;
}

const none: Banded = { percent: null, band: null };
const percentOf = (part: number, whole: number) => Math.round(((part * 100) / whole) * 10) / 10;

/**
 * [M5] Degree of achievement = actions done × 100 / actions planned, banded by the
 * template (0 nullo, 1-49 insufficiente, 50-79 sufficiente, 80-99 buono, 100 ottimo).
 * A percentage between two bands' bounds (49.5) takes the lower band, since it has
 * not reached the next one; any action done is above «nullo» (0.5 → insufficiente);
 * past 100 (more actions than planned) is the top band, the percentage kept.
 * Null without actions planned.
 */
export function achievementDegree(planned: number | null, done: number | null): Banded {
	if (planned === null || done === null || planned <= 0) return none;
	const percent = percentOf(done, planned);
	const exact = (done * 100) / planned;
	const reached = achievementBands.filter((b) => exact >= b.min);
	const band = reached.at(-1) ?? achievementBands[0]!;
	const lifted = exact > 0 && band.max === 0 ? achievementBands[1]! : band;
	return { percent, band: lifted.band };
}

/**
 * [M5] Coincidence of resources = paid × 100 / planned, banded by the template's
 * conditions (<100, =100, >100) on the exact percentage. Null without a budget planned.
 */
export function resourceCoincidence(planned: number | null, paid: number | null): Banded {
	if (planned === null || paid === null || planned <= 0) return none;
	const exact = (paid * 100) / planned;
	const condition = exact < 100 ? '<100' : exact === 100 ? '=100' : '>100';
	const band = coincidenceBands.find((b) => b.condition === condition)!;
	return { percent: percentOf(paid, planned), band: band.band };
}

/** The inputs of one objective's grid as the UdP enters them. */
export interface EvaluationInput {
	actionsPlanned: number | null;
	actionsDone: number | null;
	budgetPlanned: number | null;
	budgetPaid: number | null;
	userEvaluation: string | null;
	resourceAdequacy: string | null;
	notes: string | null;
}

/** The inputs of an objective not yet evaluated: every dimension without data. */
export const emptyEvaluation: EvaluationInput = {
	actionsPlanned: null,
	actionsDone: null,
	budgetPlanned: null,
	budgetPaid: null,
	userEvaluation: null,
	resourceAdequacy: null,
	notes: null
};

/** One row of the grid: the template's label, what the row says, and its band if computed. */
export interface GridRow {
	key: string;
	label: string;
	value: string | null;
	percent?: number | null;
	band?: string | null;
}

const label = (key: string) => {
	const d = dimension(key);
	return d.labelInAnalyticGrids ?? d.label;
};

/** [M7] The five dimensions of the grid for one objective, bands computed where data exist. */
export function evaluationGrid(input: EvaluationInput): GridRow[] {
	const degree = achievementDegree(input.actionsPlanned, input.actionsDone);
	const resources = resourceCoincidence(input.budgetPlanned, input.budgetPaid);
	return [
		{ key: 'achievementDegree', label: label('achievementDegree'), value: degree.band, ...degree },
		{ key: 'userEvaluation', label: label('userEvaluation'), value: input.userEvaluation },
		{ key: 'resourceAdequacy', label: label('resourceAdequacy'), value: input.resourceAdequacy },
		{
			key: 'resourceCoincidence',
			label: label('resourceCoincidence'),
			value: resources.band,
			...resources
		},
		{ key: 'criticalIssues', label: label('criticalIssues'), value: input.notes }
	];
}

/** A computed dimension's formula in the template's words, as the grid prints it under its label. */
export function dimensionFormula(key: string): string | undefined {
	return template.dimensions.find((d) => d.key === key)?.formula;
}
