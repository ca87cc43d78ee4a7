import type { Table } from '$lib/plan-objectives/plan-tables';
import { dimensionFormula, type GridRow } from './evaluation-grid';

/**
 * The resoconto degli esiti as plain tables (SPEC M40), laid out as the regional grid
 * (Allegato B) and chapter 1.3.2 of the Seriate plan print it: the summary grid
 * (objectives × the five dimensions) and one griglia analitica per objective,
 * «Dimensione | Output». DOCX and XLSX are renderings of these tables.
 */

/** What the report needs of one objective: planEvaluation's answer. */
export interface EvaluatedObjective {
	number: number;
	title: string;
	grid: readonly GridRow[];
}

export interface EvaluationReport {
	title: string;
	/** For a page: objectives × the five dimensions, in words. */
	summary: Table;
	/** For a sheet: the summary with the percentages as numbers beside their bands. */
	summarySheet: Table;
	grids: Table[];
}

/** What a cell prints where the grid has no data. */
export const NO_DATA = 'n/d';

/** The short names the summary heads its columns with, in the template's order. */
const SHORT: Record<string, string> = {
	achievementDegree: 'Grado di raggiungimento',
	userEvaluation: 'Valutazione degli utenti',
	resourceAdequacy: 'Adeguatezza delle risorse',
	resourceCoincidence: 'Coincidenza tra risorse stanziate e liquidate',
	criticalIssues: 'Criticità rilevate'
};

const computed = (row: GridRow) => row.percent !== undefined;
const percentText = (p: number) => `${String(p).replace('.', ',')}%`;

/** [M40] A row's output: the band and its percentage when computed, else the chosen words; n/d without data. */
export function outputText(row: GridRow): string {
	if (computed(row)) {
		if (row.band == null || row.percent == null) return NO_DATA;
		return `${row.band} (${percentText(row.percent)})`;
	}
	return row.value?.trim() ? row.value : NO_DATA;
}

/** The label the griglia prints: the template's words, and the formula of a computed dimension. */
function labelText(row: GridRow): string {
	const formula = dimensionFormula(row.key);
	return formula ? `${row.label}\n${formula}` : row.label;
}

function grid(o: EvaluatedObjective): Table {
	return {
		title: `${o.number}) ${o.title}`,
		header: ['Dimensione', 'Output'],
		rows: o.grid.map((r) => [labelText(r), outputText(r)])
	};
}

function summarySheet(objectives: readonly EvaluatedObjective[]): Table {
	const keys = objectives[0]?.grid.map((r) => r.key) ?? Object.keys(SHORT);
	const header = ['N.', 'Obiettivo'];
	for (const key of keys)
		header.push(
			...(key === 'achievementDegree' || key === 'resourceCoincidence'
				? [`${SHORT[key]} (%)`, `${SHORT[key]} (fascia)`]
				: [SHORT[key] ?? key])
		);
	const rows = objectives.map((o) => [
		String(o.number),
		o.title,
		...o.grid.flatMap((r) =>
			computed(r)
				? [r.percent == null ? '' : String(r.percent), r.band ?? NO_DATA]
				: [outputText(r)]
		)
	]);
	const numberColumns = header.flatMap((h, i) => (i === 0 || h.endsWith('(%)') ? [i] : []));
	return { title: 'Griglia sintetica', header, rows, numberColumns };
}

/** [M40] The report of a plan's live objectives, in their order. */
export function evaluationReport(
	planTitle: string,
	objectives: readonly EvaluatedObjective[]
): EvaluationReport {
	const keys = objectives[0]?.grid.map((r) => r.key) ?? Object.keys(SHORT);
	return {
		title: planTitle,
		summary: {
			title: 'Griglia sintetica',
			header: ['N.', 'Obiettivo', ...keys.map((k) => SHORT[k] ?? k)],
			rows: objectives.map((o) => [String(o.number), o.title, ...o.grid.map(outputText)]),
			numberColumns: [0]
		},
		summarySheet: summarySheet(objectives),
		grids: objectives.map(grid)
	};
}
