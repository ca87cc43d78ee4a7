import { templateFields, type FieldValue } from '$lib/objectives/objective-template';
import type { ExportedObjective, PlanExport } from './plan-export';
import { footnotes, printedValue } from './printed-answer';

/**
 * The plan's objective chapter as plain tables (SPEC PO5), laid out as real plans
 * print it: the quadro degli obiettivi by policy area, one griglia analitica per
 * objective, the objectives × macro-areas matrix with its totals row, and the
 * punti chiave reconciliation table of each macro-area. DOCX, XLSX and CSV are
 * renderings of these tables, so they can never disagree.
 */
export interface Table {
	title: string;
	header: string[];
	rows: string[][];
	/** A last row printed in bold (the matrix's totals). */
	footer?: string[];
	/** The column printed once, as a heading row, where its value changes (the quadro's policy area). */
	groupBy?: number;
	/** The heading a page prints the table under (a griglia's policy area). */
	section?: string;
	/**
	 * A grid of ticks a page prints compactly: each column after the first under a
	 * short code, the codes explained in a legend below (a spreadsheet keeps the long header).
	 */
	compact?: { codes: string[]; legend: string[] };
	/** Columns (0-based) whose cells are numbers (`.` as decimal point): spreadsheets store them as numbers. */
	numberColumns?: number[];
	/**
	 * The footer's figures count the filled cells of their column: spreadsheets write
	 * them as that formula, with the figure as its result.
	 */
	footerCounts?: boolean;
}

export interface TaxonomyForTables {
	macroAreas: { code: string; label: string; keyPoints: { label: string }[] }[];
}

export interface PlanTables {
	title: string;
	overview: Table;
	grids: Table[];
	matrix: Table;
	keyPointTables: Table[];
}

/** The status as the plan's documents name it. */
export const statusLabels: Record<ExportedObjective['status'], string> = {
	draft: 'bozza',
	review: 'in revisione',
	consolidated: 'consolidato',
	approved: 'approvato'
};

/** A field's value as a cell prints it (a choice's code as stored: printed-answer.ts prints its words). */
export function cellText(value: FieldValue | undefined): string {
	if (value === null || value === undefined) return '';
	return Array.isArray(value) ? value.join(', ') : value;
}

/** The mark of a ticked cell, as real plans print their matrices. */
export const TICK = '●';

/** The plan's title, with its period unless the title already names it. */
export function planTitle(plan: Pick<PlanExport['plan'], 'title' | 'period'>): string {
	return plan.title.includes(plan.period) ? plan.title : `${plan.title} ${plan.period}`;
}

const objectiveLabel = (o: Pick<ExportedObjective, 'number' | 'title'>) =>
	`${o.number}. ${o.title}`;

/** How many objectives are mapped to each macro-area: the matrix's totals row. */
export function macroAreaTotals(
	objectives: readonly Pick<ExportedObjective, 'macroAreas'>[]
): Record<string, number> {
	const totals: Record<string, number> = {};
	for (const o of objectives)
		for (const code of o.macroAreas) totals[code] = (totals[code] ?? 0) + 1;
	return totals;
}

/** The objectives as the plan presents them: by policy area in the plan's order, then by number. */
function byArea(plan: PlanExport): ExportedObjective[] {
	const areaOrder = new Map(plan.policyAreas.map((a, i) => [a.name, i]));
	const rank = (o: ExportedObjective) => areaOrder.get(o.policyArea ?? '') ?? Infinity;
	return [...plan.objectives].sort((a, b) => rank(a) - rank(b) || a.number - b.number);
}

function overviewTable(plan: PlanExport): Table {
	return {
		title: 'Quadro degli obiettivi',
		header: ['Area di policy', 'N.', 'Obiettivo'],
		rows: byArea(plan).map((o) => [o.policyArea ?? NO_AREA, String(o.number), o.title]),
		groupBy: 0,
		numberColumns: [1]
	};
}

const NO_AREA = 'Senza area di policy';

const keyPointLines = (o: ExportedObjective) =>
	Object.entries(o.keyPoints).flatMap(([c, ps]) => ps.map((p) => `${c}: ${p}`));

const indicatorText = (i: ExportedObjective['indicators'][number]) =>
	[i.description, i.baseline && `baseline ${i.baseline}`, i.target && `target ${i.target}`]
		.filter(Boolean)
		.join(' · ');

function gridTable(o: ExportedObjective, version: string, taxonomy: TaxonomyForTables): Table {
	const labels = new Map(taxonomy.macroAreas.map((a) => [a.code, a.label]));
	const fields = templateFields(version);
	const rows = fields.map((f) => [
		f.label,
		printedValue(version, f, o.fields[f.key], o.verbatim[f.key])
	]);
	rows.push(['Macro-aree', o.macroAreas.map((c) => `${c}) ${labels.get(c) ?? ''}`).join('\n')]);
	const points = keyPointLines(o);
	if (points.length) rows.push(['Punti chiave', points.join('\n')]);
	if (o.leps.length) rows.push(['LEPS', o.leps.join('\n')]);
	for (const i of o.indicators) rows.push([`Indicatore (${i.level})`, indicatorText(i)]);
	const notes = footnotes(fields, o.verbatim);
	if (notes.length) rows.push(['Note', notes.join('\n')]);
	return {
		title: `Obiettivo ${objectiveLabel(o)}`,
		header: ['Campo', 'Contenuto'],
		rows,
		section: o.policyArea ?? NO_AREA
	};
}

function matrixTable(plan: PlanExport, taxonomy: TaxonomyForTables): Table {
	const codes = taxonomy.macroAreas.map((a) => a.code);
	const totals = macroAreaTotals(plan.objectives);
	return {
		title: 'Obiettivi e macro-aree',
		header: ['Obiettivo', ...taxonomy.macroAreas.map((a) => `${a.code}) ${a.label}`)],
		rows: [...plan.objectives]
			.sort((a, b) => a.number - b.number)
			.map((o) => [objectiveLabel(o), ...codes.map((c) => (o.macroAreas.includes(c) ? TICK : ''))]),
		footer: ['Totale', ...codes.map((c) => String(totals[c] ?? 0))],
		footerCounts: true,
		compact: { codes, legend: taxonomy.macroAreas.map((a) => `${a.code}) ${a.label}`) }
	};
}

/** One table per macro-area with punti chiave: the objectives that tick them, as plans reconcile them. */
function keyPointTables(plan: PlanExport, taxonomy: TaxonomyForTables): Table[] {
	return taxonomy.macroAreas
		.filter((a) => a.keyPoints.length)
		.map((area) => {
			const points = area.keyPoints.map((k) => k.label);
			const rows = [...plan.objectives]
				.sort((a, b) => a.number - b.number)
				.filter((o) => (o.keyPoints[area.code]?.length ?? 0) > 0)
				.map((o) => [
					objectiveLabel(o),
					...points.map((p) => (o.keyPoints[area.code]!.includes(p) ? TICK : ''))
				]);
			const codes = points.map((_, i) => String(i + 1));
			return {
				title: `${area.code}. ${area.label}`,
				header: ['Obiettivo', ...points],
				rows,
				footer: ['Totale', ...points.map((_, i) => String(rows.filter((r) => r[i + 1]).length))],
				footerCounts: true,
				compact: { codes, legend: points.map((p, i) => `${codes[i]}. ${p}`) }
			};
		});
}

export function planTables(plan: PlanExport, taxonomy: TaxonomyForTables): PlanTables {
	return {
		title: planTitle(plan.plan),
		overview: overviewTable(plan),
		// In the quadro's order, so each area's griglie follow one another under its heading.
		grids: byArea(plan).map((o) => gridTable(o, plan.plan.taxonomyVersion, taxonomy)),
		matrix: matrixTable(plan, taxonomy),
		keyPointTables: keyPointTables(plan, taxonomy)
	};
}

/**
 * One row per objective with every part of it: the template's fields in their
 * printed words, macro-areas, punti chiave, LEPS, indicators, footnotes, status.
 * The CSV export, and the XLSX's objectives sheet.
 */
export function objectivesSheet(plan: PlanExport): Table {
	const version = plan.plan.taxonomyVersion;
	const fields = templateFields(version);
	return {
		title: 'Obiettivi',
		header: [
			'N.',
			'Titolo',
			'Area di policy',
			...fields.map((f) => f.label),
			'Macro-aree',
			'Punti chiave',
			'LEPS',
			'Indicatori',
			'Note',
			'Stato',
			'Data di approvazione'
		],
		rows: [...plan.objectives]
			.sort((a, b) => a.number - b.number)
			.map((o) => [
				String(o.number),
				o.title,
				o.policyArea ?? '',
				...fields.map((f) => printedValue(version, f, o.fields[f.key], o.verbatim[f.key])),
				o.macroAreas.join(', '),
				keyPointLines(o).join('\n'),
				o.leps.join('\n'),
				o.indicators.map((i) => `${i.level}: ${indicatorText(i)}`).join('\n'),
				footnotes(fields, o.verbatim).join('\n'),
				statusLabels[o.status],
				o.approvedAt ?? ''
			]),
		numberColumns: [0]
	};
}
