import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { textFault } from '$lib/forms/plain-text';
import { templateFields } from '$lib/objectives/objective-template';
import { getPlan } from '$lib/plan/plan-repo.server';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from '$lib/plan-objectives/sheet-import';
import {
	completeOptions,
	importSheet,
	readSheetFile,
	sheetStep,
	type SheetStep
} from '$lib/plan-objectives/sheet-import.server';
import { HEADER_SEARCH_ROWS, isTarget, type SheetRow } from '$lib/plan-objectives/sheet-layout';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

function context(event: { params: { planId: string } }) {
	const { db } = getRuntime().database;
	return { db, plan: found(getPlan(db, idParam(event.params.planId))) };
}

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const { plan } = context(event);
	return {
		plan,
		targets: templateFields(plan.taxonomyVersionId).map((f) => ({
			value: `field:${f.key}`,
			label: f.label,
			position: f.position
		}))
	};
};

/** The rows the previous step read, sent back with each step: re-checked in full every time. */
const rowsField = z
	.array(
		z.strictObject({
			row: z.number().int().min(1).max(20_000),
			cells: z.array(z.string().max(20_000)).max(MAX_SHEET_COLUMNS)
		})
	)
	.min(2)
	.max(MAX_SHEET_ROWS + HEADER_SEARCH_ROWS)
	.refine((rows) =>
		rows.every(
			(r, i) => r.cells.length === rows[0]!.cells.length && (i === 0 || r.row > rows[i - 1]!.row)
		)
	);

const CONTROLS = new Set(['rows', 'headerRow', 'split', 'skip', 'guess']);
const LISTS = new Set(['split', 'skip']);

/** Each control's fault: unknown, sent twice, past the sheet, or text nobody types. */
function controlFaults(form: FormData, columns: number): string[] {
	const faults: string[] = [];
	for (const name of new Set(form.keys())) {
		const c = /^column-(\d+)$/.exec(name)?.[1];
		const values = form.getAll(name);
		if (c === undefined && !CONTROLS.has(name))
			faults.push(`${name.slice(0, 40)}: (no such control)`);
		else if (c !== undefined && Number(c) >= columns) faults.push(`${name}: (no such column)`);
		else if (values.length > 1 && !LISTS.has(name)) faults.push(`${name}: (sent twice)`);
		else if (values.some((v) => typeof v !== 'string' || textFault(v) !== null))
			faults.push(`${name}: (invalid text)`);
	}
	return faults;
}

/** A list of numbers from a checkbox group (its empty sentinel left out), each among `allowed`. */
function numbers(form: FormData, name: string, allowed: (n: number) => boolean, faults: string[]) {
	const values = form.getAll(name).filter((v) => v !== '');
	const out = values.map(Number);
	out.forEach((n, i) => {
		if (!Number.isSafeInteger(n) || !allowed(n))
			faults.push(`${name}: ${String(values[i]).slice(0, 20)}`);
	});
	return [...new Set(out)];
}

/**
 * The rows and the options the page sent. Every column needs its `column-<n>` control with a
 * target the template has: a missing control or an unknown target is refused by name, never
 * read as "ignore". `guess` (the header row's own button) guesses the columns again.
 */
function readStep(form: FormData, version: string) {
	let raw: unknown;
	try {
		raw = JSON.parse(String(form.get('rows') ?? 'null'));
	} catch {
		raw = null;
	}
	const parsed = rowsField.safeParse(raw);
	if (!parsed.success) return { ok: false, fileError: 'unreadable_file', columns: [] } as const;
	const rows: SheetRow[] = parsed.data;
	const width = rows[0]!.cells.length;
	const faults = controlFaults(form, width);
	const headerRow = Number(form.get('headerRow'));
	if (!rows.some((r) => r.row === headerRow))
		faults.push(`headerRow: ${String(form.get('headerRow')).slice(0, 20)}`);
	const mapping = Array.from({ length: width }, (_, c) => {
		const v = form.get(`column-${c}`);
		if (typeof v === 'string' && isTarget(v, version)) return v;
		faults.push(`column-${c}: ${v === null ? '(missing)' : String(v).slice(0, 60)}`);
		return 'ignore' as const;
	});
	const splitLists = numbers(form, 'split', (n) => n >= 0 && n < width, faults);
	const skipRows = numbers(
		form,
		'skip',
		(n) => rows.some((r) => r.row === n && n > headerRow),
		faults
	);
	if (faults.length)
		return { ok: false, fileError: 'unknown_column_target', columns: faults } as const;
	const options = form.has('guess')
		? completeOptions(rows, version, { headerRow, skipRows })
		: { headerRow, mapping, splitLists, skipRows };
	return { ok: true, rows, options } as const;
}

export type PageStep = ReturnType<typeof pageStep>;

/** Each step answers with the whole state the page needs, so nothing lives between requests. */
function pageStep(step: SheetStep, rows: readonly SheetRow[]) {
	return {
		...step,
		rows: JSON.stringify(rows),
		objectives: step.objectives.slice(0, 50),
		count: step.objectives.length
	};
}

export const actions: Actions = {
	upload: async (event) => {
		requireAccess(event, access.manageSetup);
		const { db, plan } = context(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { fileError: 'no_file' });
		const read = await readSheetFile(file, plan.taxonomyVersionId);
		if (!read.ok) return fail(400, { fileError: read.reason });
		const options = completeOptions(read.rows, plan.taxonomyVersionId, {});
		return pageStep(sheetStep(db, plan, read.rows, options), read.rows);
	},
	preview: async (event) => {
		requireAccess(event, access.manageSetup);
		const { db, plan } = context(event);
		const state = readStep(await event.request.formData(), plan.taxonomyVersionId);
		if (!state.ok) return fail(400, { fileError: state.fileError, columns: state.columns });
		return pageStep(sheetStep(db, plan, state.rows, state.options), state.rows);
	},
	confirm: async (event) => {
		const actor = requireAccess(event, access.manageSetup);
		const { db, plan } = context(event);
		const state = readStep(await event.request.formData(), plan.taxonomyVersionId);
		if (!state.ok) return fail(400, { fileError: state.fileError, columns: state.columns });
		const now = getRuntime().clock.now();
		const result = importSheet(db, plan, state.rows, state.options, { userId: actor.userId, now });
		if (!result.ok) return fail(400, pageStep(result.step, state.rows));
		return { imported: result.imported };
	}
};
