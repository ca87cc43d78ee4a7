import { z } from 'zod';
import { issueProblems, type InputProblem } from './input-problems';
import { MAX_SHEET_COLUMNS, type SheetOptions } from './sheet-import';
import { isTarget, objectiveParts, type ColumnTarget, type SheetRow } from './sheet-layout';

/**
 * The spreadsheet import's options as a script sends them (docs/API.md,
 * `POST /api/plans/:id/import-sheet`): strict, every index and row checked
 * against the sheet, every target against the plan's template. A part left out
 * is guessed, as the page guesses it.
 */
const LAST_LINE = 20_000;

export const sheetOptionsShape = z.strictObject({
	headerRow: z.number().int().min(1).max(LAST_LINE).optional(),
	mapping: z
		.record(z.string().regex(/^\d{1,2}$/, { error: 'invalid-index' }), z.string().max(120))
		.optional(),
	splitLists: z
		.array(
			z
				.number()
				.int()
				.min(0)
				.max(MAX_SHEET_COLUMNS - 1)
		)
		.max(MAX_SHEET_COLUMNS)
		.optional(),
	skipRows: z.array(z.number().int().min(1).max(LAST_LINE)).max(1000).optional(),
	confirm: z.boolean().optional()
});
export type SheetOptionsInput = z.output<typeof sheetOptionsShape>;

/** A target as the API names it: a part, a field's key, or `field:<key>` where a key is a part's name. */
export function apiTarget(target: ColumnTarget): string {
	if (!target.startsWith('field:')) return target;
	const key = target.slice('field:'.length);
	return (objectiveParts as readonly string[]).includes(key) ? target : key;
}

function columnTarget(name: string, version: string): ColumnTarget | null {
	if ((objectiveParts as readonly string[]).includes(name)) return name as ColumnTarget;
	const target = name.startsWith('field:') ? name : `field:${name}`;
	return isTarget(target, version) ? target : null;
}

export type ReadOptions =
	| { ok: true; options: Partial<SheetOptions>; confirm: boolean }
	| { ok: false; problems: InputProblem[] };

/**
 * The options JSON checked against its shape and the sheet: a header row with text, column
 * indexes within the sheet, targets the template has, rows to leave out below the header.
 * Columns the mapping does not name keep their guess (`guessed`, from the header row).
 */
export function readSheetOptions(
	raw: unknown,
	rows: readonly SheetRow[],
	version: string,
	guessed: (headerRow: number | undefined) => SheetOptions
): ReadOptions {
	const parsed = sheetOptionsShape.safeParse(raw);
	if (!parsed.success) return { ok: false, problems: issueProblems(parsed.error.issues, raw) };
	const o = parsed.data;
	const problems: InputProblem[] = [];
	const width = rows[0]?.cells.length ?? 0;
	if (o.headerRow !== undefined && !rows.some((r) => r.row === o.headerRow))
		problems.push({ path: 'headerRow', problem: 'not-a-row-with-text' });
	const guess = guessed(problems.length ? undefined : o.headerRow);
	const mapping = [...guess.mapping];
	for (const [index, name] of Object.entries(o.mapping ?? {})) {
		const target = columnTarget(name, version);
		if (Number(index) >= width)
			problems.push({ path: `mapping.${index}`, problem: 'no-such-column' });
		else if (!target)
			problems.push({ path: `mapping.${index}`, problem: `unknown-target ${name}` });
		else mapping[Number(index)] = target;
	}
	o.splitLists?.forEach((c, i) => {
		if (c >= width) problems.push({ path: `splitLists[${i}]`, problem: 'no-such-column' });
	});
	o.skipRows?.forEach((r, i) => {
		if (!rows.some((row) => row.row === r && row.row > guess.headerRow))
			problems.push({ path: `skipRows[${i}]`, problem: 'not-a-data-row' });
	});
	if (problems.length) return { ok: false, problems };
	return {
		ok: true,
		confirm: o.confirm ?? false,
		options: {
			headerRow: guess.headerRow,
			mapping,
			splitLists: o.splitLists ? [...new Set(o.splitLists)] : undefined,
			skipRows: o.skipRows ? [...new Set(o.skipRows)] : undefined
		}
	};
}
