import {
	contents,
	cover,
	framedDocx,
	intro,
	Outline
} from '$lib/plan-objectives/docx-frame.server';
import { tablesXlsx } from '$lib/plan-objectives/plan-documents.server';
import { fieldTable, sharedWidthTable } from '$lib/plan-objectives/plan-docx-tables.server';
import { planCover } from '$lib/plan-objectives/plan-cover.server';
import { planTitle } from '$lib/plan-objectives/plan-tables';
import { getPlan } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import { evaluationReport, type EvaluationReport } from './evaluation-report';
import { planEvaluation } from './monitoring-read.server';

/**
 * The resoconto degli esiti as files (SPEC M40): the DOCX in the house frame of the
 * plan's DOCX, the XLSX with the summary sheet then one sheet per objective. Nothing
 * here decides content: it lays out evaluation-report.ts.
 */

export const evaluationFormats = ['json', 'docx', 'xlsx'] as const;
export type EvaluationFormat = (typeof evaluationFormats)[number];

const contentTypes = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** Number and title narrow and wide, the five dimensions alike, the criticità wider. */
const SUMMARY_SHARES = [5, 25, 13, 13, 13, 13, 18];

function reportDocx(report: EvaluationReport, c: ReturnType<typeof planCover>): Promise<Buffer> {
	const outline = new Outline();
	const summary = [
		outline.heading('Griglia sintetica', 1),
		intro(
			`Esito di ciascun obiettivo (n. ${report.grids.length}) per le cinque dimensioni della griglia regionale (Allegato B, DGR XII/2167/2024). n/d: dato non disponibile.`
		),
		sharedWidthTable(report.summary, SUMMARY_SHARES)
	];
	const grids = [
		outline.heading('Griglie analitiche', 1),
		...report.grids.flatMap((g) => [outline.heading(g.title, 3), fieldTable(g, { header: true })])
	];
	return framedDocx(report.title, `${c.ambito} · ${report.title}`, [
		{
			orientation: 'portrait',
			children: [...cover(report.title, 'Resoconto degli esiti', c), ...contents(outline)]
		},
		{ orientation: 'landscape', children: summary },
		{ orientation: 'portrait', children: grids }
	]);
}

/**
 * [M40] The resoconto of a plan's live objectives as a DOCX or XLSX file, with its
 * content type and name; undefined for an unknown plan.
 */
export async function renderEvaluation(
	db: Db,
	planId: number,
	format: 'docx' | 'xlsx'
): Promise<{ body: Buffer; contentType: string; fileName: string } | undefined> {
	const plan = getPlan(db, planId);
	if (!plan) return undefined;
	const report = evaluationReport(planTitle(plan), planEvaluation(db, planId));
	const body =
		format === 'docx'
			? await reportDocx(report, planCover(db, planId))
			: await tablesXlsx([report.summarySheet, ...report.grids]);
	const slug = `resoconto-esiti-${plan.period}`.replace(/[^\w-]+/g, '-');
	return { body, contentType: contentTypes[format], fileName: `${slug}.${format}` };
}
