import { error, json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { parseJsonText } from '$lib/server/read-json';
import { getPlan } from '$lib/plan/plan-repo.server';
import {
	completeOptions,
	importSheet,
	readSheetFile,
	sheetStep,
	type SheetStep
} from '$lib/plan-objectives/sheet-import.server';
import { apiTarget, readSheetOptions } from '$lib/plan-objectives/sheet-options';
import { getRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The step as docs/API.md shows it: targets by the API's names, objectives by their row. */
function answer(step: SheetStep) {
	return {
		headerRow: step.options.headerRow,
		splitLists: step.options.splitLists,
		skipRows: step.options.skipRows,
		columns: step.columns.map((c) => ({ ...c, target: apiTarget(c.target) })),
		objectives: step.objectives.map((o) => ({
			row: o.row,
			number: o.number,
			title: o.title,
			policyArea: o.policyArea,
			fields: o.fields,
			macroAreas: o.macroAreas
		})),
		problems: step.problems
	};
}

/**
 * Objectives from a spreadsheet (SPEC PO6a), for scripts: multipart `file` and an
 * optional `options` JSON. Without `confirm`, 200 with what the sheet gives under the
 * options (guessed where left out); with `confirm: true`, every row or none:
 * 200 `{imported}`, or 422 with the problems. 400 for a missing file or bad options.
 */
export const POST: RequestHandler = async (event) => {
	const actor = requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	const planId = Number(event.params.planId);
	const plan = Number.isSafeInteger(planId) ? getPlan(db, planId) : undefined;
	if (!plan) error(404, 'Not found');
	const form = await event.request.formData();
	const unknown = [...form.keys()].filter((k) => k !== 'file' && k !== 'options');
	if (unknown.length) error(400, `Unknown form fields: ${unknown.slice(0, 5).join(', ')}`);
	if (form.getAll('file').length > 1 || form.getAll('options').length > 1)
		error(400, 'Send one file and at most one options field');
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) error(400, 'A file (CSV or XLSX) is required');
	const optionsText = form.get('options');
	if (optionsText instanceof File) error(400, 'options must be a JSON text field, not a file');
	const raw = optionsText === null ? {} : parseJsonText(optionsText);
	const read = await readSheetFile(file, plan.taxonomyVersionId);
	if (!read.ok) return json({ error: read.reason }, { status: 400 });
	const version = plan.taxonomyVersionId;
	const options = readSheetOptions(raw, read.rows, version, (headerRow) =>
		completeOptions(read.rows, version, { headerRow })
	);
	if (!options.ok)
		return json({ error: 'invalid-options', problems: options.problems }, { status: 400 });
	const complete = completeOptions(read.rows, version, options.options);
	if (!options.confirm) return json(answer(sheetStep(db, plan, read.rows, complete)));
	const now = getRuntime().clock.now();
	const result = importSheet(db, plan, read.rows, complete, { userId: actor.userId, now });
	if (!result.ok) return json(answer(result.step), { status: 422 });
	return json({ imported: result.imported });
};
