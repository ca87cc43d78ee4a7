import { asc, eq } from 'drizzle-orm';
import { listPolicyAreas } from '$lib/plan/plan-repo.server';
import { plans } from '$lib/plan/plan.schema';
import type { Db } from '$lib/server/db/database';
import { EXPORT_FORMAT, type PlanExport } from './plan-export';
import { loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import { planXlsx, tableCsv } from './plan-documents.server';
import { planDocx } from './plan-docx.server';
import { planCover } from './plan-cover.server';
import { listPlanObjectives } from './plan-objective-repo.server';
import { objectivesSheet, planTables } from './plan-tables';

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

export const exportFormats = ['docx', 'xlsx', 'csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const contentTypes: Record<ExportFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8'
};

/** The plan's objectives chapter as a file: its body, content type and a file name. */
export async function renderPlanExport(
	db: Db,
	planId: number,
	format: ExportFormat
): Promise<{ body: Buffer | string; contentType: string; fileName: string } | undefined> {
	const data = buildPlanExport(db, planId);
	if (!data) return undefined;
	const taxonomy = loadTaxonomy(db, data.plan.taxonomyVersion) ?? { macroAreas: [] };
	const tables = planTables(data, taxonomy);
	const body =
		format === 'json'
			? JSON.stringify(data, null, '\t')
			: format === 'csv'
				? tableCsv(objectivesSheet(data))
				: format === 'xlsx'
					? await planXlsx(tables, objectivesSheet(data))
					: await planDocx(tables, planCover(db, planId));
	const slug = `obiettivi-${data.plan.period}`.replace(/[^\w-]+/g, '-');
	return { body, contentType: contentTypes[format], fileName: `${slug}.${format}` };
}
