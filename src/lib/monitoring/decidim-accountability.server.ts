import Papa from 'papaparse';
import { templateFields } from '$lib/objectives/objective-template';
import { getPlan } from '$lib/plan/plan-repo.server';
import { printedValue } from '$lib/plan-objectives/printed-answer';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { statusLabels } from '$lib/plan-objectives/plan-tables';
import type { Db } from '$lib/server/db/database';
import { spreadsheetCell } from '$lib/server/spreadsheet-cell';
import { accountabilityRow, DECIDIM_COLUMNS, type DecidimRow } from './decidim-accountability';
import { monitoringOfPeriod, newestMonitoring } from './monitoring-read.server';

type Objective = ReturnType<typeof listPlanObjectives>[number];
type Monitored = ReturnType<typeof monitoringOfPeriod>[number];

/** The objective's filled fields in the template's words, then each indicator with its progress. */
function description(version: string, o: Objective, monitored: Monitored | undefined): string {
	const fields = templateFields(version)
		.map((f) => [f.label, printedValue(version, f, o.fields[f.key], o.verbatim[f.key])] as const)
		.filter(([, text]) => text.trim() !== '')
		.map(([label, text]) => `${label}: ${text}`);
	const indicators = (monitored?.indicators ?? []).map(
		(i) =>
			`${i.level}: ${i.name} — avanzamento ${i.progress === null ? 'non calcolabile' : `${i.progress}%`}`
	);
	return [...fields, ...(indicators.length ? ['Indicatori:', ...indicators] : [])].join('\n');
}

/**
 * [M12] The plan's live objectives as Decidim Accountability results, progress read from
 * the newest measurements of the whole plan (M10 at its last period); undefined for an
 * unknown plan.
 */
export function accountabilityRows(db: Db, planId: number): DecidimRow[] | undefined {
	const plan = getPlan(db, planId);
	if (!plan) return undefined;
	const monitored = newestMonitoring(db, plan);
	return listPlanObjectives(db, planId).map((o) => {
		const m = monitored.get(o.id);
		return accountabilityRow(
			{
				id: o.id,
				number: o.number,
				title: o.title,
				description: description(plan.taxonomyVersionId, o, m),
				policyArea: o.policyArea,
				macroAreas: o.macroAreas,
				statusLabel: statusLabels[o.status],
				progresses: (m?.indicators ?? []).map((i) => i.progress)
			},
			plan.period
		);
	});
}

/**
 * [M12] The CSV Decidim's import reads: comma-separated (its default `col_sep`), UTF-8
 * without a BOM (a BOM would become part of the `id` header), every text cell through
 * spreadsheetCell so none is read as a formula.
 */
export function accountabilityCsv(db: Db, planId: number): string | undefined {
	const rows = accountabilityRows(db, planId);
	if (!rows) return undefined;
	const cells = rows.map((r) => DECIDIM_COLUMNS.map((c) => spreadsheetCell(r[c], 'csv')));
	return Papa.unparse([[...DECIDIM_COLUMNS], ...cells], { delimiter: ',', newline: '\r\n' });
}
