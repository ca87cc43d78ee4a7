import { readTableFile } from '$lib/directory/import/table-file.server';
import type { PlanRow } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import { importObjectives, validateImport, type ImportProblem } from './plan-import.server';
import { nextObjectiveNumber } from './plan-objective-repo.server';
import {
	MAX_SHEET_COLUMNS,
	MAX_SHEET_ROWS,
	sheetToPlan,
	type SheetObjective,
	type SheetOptions,
	type SheetProblem
} from './sheet-import';
import {
	guessHeaderRow,
	guessMapping,
	guessSplit,
	HEADER_SEARCH_ROWS,
	sheetColumns,
	sheetRows,
	type ColumnTarget,
	type SheetColumn,
	type SheetRow
} from './sheet-layout';

/**
 * The spreadsheet import's use cases (SPEC PO6a), shared by the mapping page and
 * `POST /api/plans/:id/import-sheet`: read a file into rows, answer a step (the
 * guesses or the UdP's options, the objectives they give and every problem), and
 * import all rows or none.
 */
type SheetPlan = Pick<PlanRow, 'id' | 'title' | 'period' | 'taxonomyVersionId'>;

export type SheetFile = { ok: true; rows: SheetRow[] } | { ok: false; reason: string };

/** How many columns of its guessed header a sheet's rows name: the workbook's sheet of objectives names most. */
function knownColumns(rows: readonly SheetRow[], version: string): number {
	const header = rows.find((r) => r.row === guessHeaderRow(rows, version))?.cells ?? [];
	return guessMapping(header, version).filter((t) => t !== 'ignore').length;
}

/**
 * The rows with text of an uploaded CSV or XLSX, numbered as in the file. Of a workbook,
 * the sheet whose header names most columns we know (the first among equals), so notes
 * or instructions beside it are passed over.
 */
export async function readSheetFile(file: File, version: string): Promise<SheetFile> {
	const read = await readTableFile(
		file,
		{ rows: MAX_SHEET_ROWS + HEADER_SEARCH_ROWS, columns: MAX_SHEET_COLUMNS },
		(tables) => {
			const scores = tables.map((t) => knownColumns(sheetRows(t), version));
			return scores.indexOf(Math.max(...scores));
		}
	);
	if (!read.ok)
		return {
			ok: false,
			reason: read.reason === 'too_many_rows' ? 'sheet_too_many_rows' : read.reason
		};
	const rows = sheetRows(read.table);
	return rows.length < 2 ? { ok: false, reason: 'empty_file' } : { ok: true, rows };
}

export interface SheetStep {
	options: SheetOptions;
	/** Each column with its header, first values and target. */
	columns: (SheetColumn & { target: ColumnTarget })[];
	/** The rows the header may be on: the first rows with text, with their first cell. */
	headerChoices: { row: number; text: string }[];
	objectives: SheetObjective[];
	/** The sheet's problems and, when it has none, the import's, by row and column. */
	problems: SheetProblem[];
	/** The import's problems as the JSON import names them (objective, field). */
	importProblems: ImportProblem[];
	ready: boolean;
}

/** The options as given, each part the caller left out guessed from the sheet. */
export function completeOptions(
	rows: readonly SheetRow[],
	version: string,
	given: Partial<SheetOptions>
): SheetOptions {
	const headerRow = given.headerRow ?? guessHeaderRow(rows, version);
	const header = rows.find((r) => r.row === headerRow)?.cells ?? [];
	const mapping = given.mapping ?? guessMapping(header, version);
	return {
		headerRow,
		mapping,
		splitLists: given.splitLists ?? guessSplit(rows, headerRow, mapping, version),
		skipRows: given.skipRows ?? []
	};
}

function build(db: Db, plan: SheetPlan, rows: readonly SheetRow[], options: SheetOptions) {
	const meta = { title: plan.title, period: plan.period, taxonomyVersion: plan.taxonomyVersionId };
	return sheetToPlan(rows, options, meta, nextObjectiveNumber(db, plan.id));
}

/** An import problem placed where the sheet holds it: the objective's row, the field's column. */
function onSheet(p: ImportProblem, built: ReturnType<typeof build>, mapping: ColumnTarget[]) {
	const m = /^objectives\[(\d+)\]\.([^.[]+)(?:\.([^.[]+))?/.exec(p.path);
	const objective = m ? built.objectives[Number(m[1])] : undefined;
	const target = m?.[2] === 'fields' ? `field:${m[3]}` : m?.[2];
	const column = mapping.findIndex((t) => t === target);
	return {
		row: objective?.row ?? built.objectives[0]?.row ?? 1,
		column: column < 0 ? null : column,
		problem: p.problem
	};
}

/** What the sheet gives under these options, checked as the import will check it; saves nothing. */
export function sheetStep(
	db: Db,
	plan: SheetPlan,
	rows: readonly SheetRow[],
	options: SheetOptions
): SheetStep {
	const built = build(db, plan, rows, options);
	const checked = built.problems.length ? null : validateImport(db, plan.id, built.plan);
	const importProblems = checked && !checked.ok ? checked.problems : [];
	return {
		options,
		columns: sheetColumns(rows, options.headerRow).map((c) => ({
			...c,
			target: options.mapping[c.index] ?? 'ignore'
		})),
		headerChoices: rows.slice(0, HEADER_SEARCH_ROWS).map((r) => ({
			row: r.row,
			text: r.cells
				.find((c) => c.trim())!
				.trim()
				.slice(0, 60)
		})),
		objectives: built.objectives,
		problems: [...built.problems, ...importProblems.map((p) => onSheet(p, built, options.mapping))],
		importProblems,
		ready: checked?.ok === true
	};
}

export type SheetImport = { ok: true; imported: number } | { ok: false; step: SheetStep };

/** Every row the options read, imported all or none; with any problem, nothing is saved. */
export function importSheet(
	db: Db,
	plan: SheetPlan,
	rows: readonly SheetRow[],
	options: SheetOptions,
	actor: { userId: number | null; now: number }
): SheetImport {
	const built = build(db, plan, rows, options);
	if (built.problems.length) return { ok: false, step: sheetStep(db, plan, rows, options) };
	const result = importObjectives(db, plan.id, built.plan, actor.userId, actor.now);
	if (!result.ok) return { ok: false, step: sheetStep(db, plan, rows, options) };
	return { ok: true, imported: result.imported };
}
