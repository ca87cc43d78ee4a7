import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { readTableFile } from '$lib/directory/import/table-file.server';
import { templateFields } from '$lib/objectives/objective-template';
import { getPlan } from '$lib/plan/plan-repo.server';
import { importObjectives, validateImport } from '$lib/plan-objectives/plan-import.server';
import { nextObjectiveNumber } from '$lib/plan-objectives/plan-objective-repo.server';
import {
	guessMapping,
	isTarget,
	MAX_SHEET_COLUMNS,
	MAX_SHEET_ROWS,
	sheetToPlan,
	type ColumnTarget
} from '$lib/plan-objectives/sheet-import';
import type { Db } from '$lib/server/db/database';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { textFault } from '$lib/forms/plain-text';
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
			label: f.label
		}))
	};
};

/** The sheet the previous step read, sent back with each step: re-checked in full every time. */
const tableField = z
	.array(z.array(z.string().max(20_000)).max(MAX_SHEET_COLUMNS))
	.min(1)
	.max(MAX_SHEET_ROWS + 1);

/**
 * The table and the column mapping the page sent. Every column needs its
 * `column-<n>` control with a target the template has: a missing control or an
 * unknown target is refused by name, never read as "ignore".
 */
function readStep(form: FormData, version: string) {
	let raw: unknown;
	try {
		raw = JSON.parse(String(form.get('table') ?? 'null'));
	} catch {
		raw = null;
	}
	const table = tableField.safeParse(raw);
	if (!table.success) return { ok: false, fileError: 'unreadable_file', columns: [] } as const;
	const columns = table.data[0]!.length;
	const unknown: string[] = [];
	const mapping = Array.from({ length: columns }, (_, c) => {
		const v = form.get(`column-${c}`);
		if (typeof v === 'string' && isTarget(v, version)) return v;
		unknown.push(`column-${c}: ${v === null ? '(missing)' : String(v)}`);
		return 'ignore';
	});
	for (const name of new Set(form.keys())) {
		const c = /^column-(\d+)$/.exec(name)?.[1];
		const values = form.getAll(name);
		if (c === undefined && name !== 'table')
			unknown.push(`${name.slice(0, 40)}: (no such control)`);
		else if (c !== undefined && Number(c) >= columns) unknown.push(`${name}: (no such column)`);
		else if (values.length > 1) unknown.push(`${name}: (sent twice)`);
		else if (values.some((v) => typeof v !== 'string' || textFault(v) !== null))
			unknown.push(`${name}: (invalid text)`);
	}
	if (unknown.length)
		return { ok: false, fileError: 'unknown_column_target', columns: unknown } as const;
	return { ok: true, table: table.data, mapping } as const;
}

function build(
	db: Db,
	plan: NonNullable<ReturnType<typeof getPlan>>,
	table: string[][],
	mapping: ColumnTarget[]
) {
	const meta = { title: plan.title, period: plan.period, taxonomyVersion: plan.taxonomyVersionId };
	return sheetToPlan(table, mapping, meta, nextObjectiveNumber(db, plan.id));
}

export type SheetStep = ReturnType<typeof step>;

/** Each step answers with the whole state the page needs, so nothing lives between requests. */
function step(
	db: Db,
	plan: NonNullable<ReturnType<typeof getPlan>>,
	table: string[][],
	mapping: ColumnTarget[]
) {
	const built = build(db, plan, table, mapping);
	const checked = built.problems.length ? null : validateImport(db, plan.id, built.plan);
	return {
		table: JSON.stringify(table),
		headers: table[0]!,
		mapping,
		preview: built.plan.objectives.slice(0, 50),
		rows: built.plan.objectives.length,
		sheetProblems: built.problems,
		importProblems: checked && !checked.ok ? checked.problems : [],
		ready: checked?.ok === true
	};
}

export const actions: Actions = {
	upload: async (event) => {
		requireAccess(event, access.manageSetup);
		const { db, plan } = context(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { fileError: 'no_file' });
		const read = await readTableFile(file, {
			rows: MAX_SHEET_ROWS + 1,
			columns: MAX_SHEET_COLUMNS
		});
		if (!read.ok)
			return fail(400, {
				fileError: read.reason === 'too_many_rows' ? 'sheet_too_many_rows' : read.reason
			});
		const table = read.table.filter((r, i) => i === 0 || r.some((c) => c.trim() !== ''));
		if (table.length < 2) return fail(400, { fileError: 'empty_file' });
		const width = table.reduce((w, r) => Math.max(w, r.length), 0);
		const square = table.map((r) => r.concat(Array<string>(width - r.length).fill('')));
		return step(db, plan, square, guessMapping(square[0]!, plan.taxonomyVersionId));
	},
	preview: async (event) => {
		requireAccess(event, access.manageSetup);
		const { db, plan } = context(event);
		const state = readStep(await event.request.formData(), plan.taxonomyVersionId);
		if (!state.ok) return fail(400, { fileError: state.fileError, columns: state.columns });
		return step(db, plan, state.table, state.mapping);
	},
	confirm: async (event) => {
		const actor = requireAccess(event, access.manageSetup);
		const { db, plan } = context(event);
		const state = readStep(await event.request.formData(), plan.taxonomyVersionId);
		if (!state.ok) return fail(400, { fileError: state.fileError, columns: state.columns });
		const built = build(db, plan, state.table, state.mapping);
		if (built.problems.length) return fail(400, step(db, plan, state.table, state.mapping));
		const result = importObjectives(
			db,
			plan.id,
			built.plan,
			actor.userId,
			getRuntime().clock.now()
		);
		if (!result.ok) return fail(400, step(db, plan, state.table, state.mapping));
		return { imported: result.imported };
	}
};
