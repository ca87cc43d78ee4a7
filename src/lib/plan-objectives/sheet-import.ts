import {
	templateFields,
	type FieldValue,
	type TemplateField
} from '$lib/objectives/objective-template';
import { EXPORT_FORMAT, type ExportedObjective, type PlanExport } from './plan-export';
import { isListTarget, type ColumnTarget, type SheetRow } from './sheet-layout';
import { readChoice, type ReadChoice } from './printed-answer';
import { isTextType } from './template-form';

/**
 * Objectives from a spreadsheet laid out another way (SPEC PO6a): the UdP says which
 * row is the header, maps each column to a part of the template, may split
 * multi-line cells into items and leave rows out, sees every row as it will be
 * saved, and imports all rows or none. Real plans use layouts such as
 * OBIETTIVI | Azioni | Soggetti | Risultati attesi | Tempistiche | Risorse.
 */
export const MAX_SHEET_ROWS = 300;
/** Wider than any layout plans use (the template has 21 fields); past it, a file is not a plan's table. */
export const MAX_SHEET_COLUMNS = 40;

/** What the UdP chose (or the guess proposed); rows are numbered as in the file. */
export interface SheetOptions {
	headerRow: number;
	mapping: ColumnTarget[];
	/** Columns whose cells are split at line breaks into items. */
	splitLists: number[];
	skipRows: number[];
}

export interface SheetProblem {
	/** The row as the spreadsheet numbers it (1-based, empty rows counted). */
	row: number;
	/** The column's 0-based index, or null for the whole row or sheet. */
	column: number | null;
	problem: string;
}

/** An objective as the sheet gives it, with the row it came from. */
export type SheetObjective = ExportedObjective & { row: number };

/** A cell's lines as items, without the bullets or dashes people type before them. */
export function cellItems(cell: string): string[] {
	return cell
		.split(/\r?\n/)
		.map((l) => l.replace(/^\s*(?:[•·▪◦*–—-]|\d{1,2}[.)])\s+/, '').trim())
		.filter(Boolean);
}

/** Macro-area codes from "A, b", "A) Povertà; B) Casa" or one code a line. */
function macroAreaCodes(cell: string): string[] {
	return cell
		.split(/[,;\n]+/)
		.flatMap((part) => {
			const p = part.trim();
			if (/^[a-z](\s+[a-z])*$/i.test(p)) return p.split(/\s+/);
			// "A) Povertà", "B - Casa"; a part that is no code ("e all'abitare") is kept, to be named.
			return [/^([a-z])(?:\s*[).:-]|$)/i.exec(p)?.[1] ?? p];
		})
		.map((c) => c.toUpperCase())
		.filter(Boolean);
}

interface Cell {
	text: string;
	split: boolean;
}

/**
 * A template field's value from a cell, and the cell's own words when they say more
 * than the value (kept as verbatim, SPEC PO6): a text split into items keeps the cell
 * as typed; a choice is read by readChoice, the inverse of what the exports print
 * ("Sì" is SI, "Obiettivo innovativo." INNOVATIVO, "SI*" SI with its mark). A text
 * field keeps what an earlier column gave.
 */
function fieldValue(
	version: string,
	field: TemplateField,
	cell: Cell,
	previous: FieldValue | undefined
): ReadChoice {
	if (isTextType(field.type)) {
		const items = cellItems(cell.text);
		const split = cell.split && items.length > 1;
		const text = split ? items.map((i) => `• ${i}`).join('\n') : cell.text;
		const value = typeof previous === 'string' ? `${previous}\n${text}` : text;
		return split ? { value, printed: cell.text } : { value };
	}
	const text = field.type === 'enumSet' && cell.split ? cellItems(cell.text).join(', ') : cell.text;
	return readChoice(version, field, text);
}

function sheetProblems(options: SheetOptions, version: string, rows: number): SheetProblem[] {
	const problems: SheetProblem[] = [];
	const at = (column: number | null, problem: string) =>
		problems.push({ row: options.headerRow, column, problem });
	const { mapping } = options;
	if (
		!['title', 'field:objectives', 'field:description'].some((t) =>
			mapping.includes(t as ColumnTarget)
		)
	)
		at(null, 'title-column-required');
	const parts = mapping.filter((m) => m !== 'ignore' && !m.startsWith('field:'));
	if (new Set(parts).size !== parts.length) at(null, 'column-mapped-twice');
	for (const c of options.splitLists)
		if (!isListTarget(mapping[c] ?? 'ignore', version)) at(c, 'not-a-list');
	if (rows > MAX_SHEET_ROWS) at(null, 'too-many-rows');
	return problems;
}

/** One row as an objective, or the problem that keeps it out. */
function rowObjective(
	row: SheetRow,
	options: SheetOptions,
	version: string,
	fields: ReadonlyMap<string, TemplateField>,
	number: number
): SheetObjective | SheetProblem[] {
	const problems: SheetProblem[] = [];
	const o: SheetObjective = {
		row: row.row,
		number,
		title: '',
		policyArea: null,
		fields: {},
		verbatim: {},
		macroAreas: [],
		keyPoints: {},
		leps: [],
		indicators: [],
		status: 'draft',
		approvedAt: null
	};
	options.mapping.forEach((target, c) => {
		const text = (row.cells[c] ?? '').trim();
		if (target === 'ignore' || text === '') return;
		const split = options.splitLists.includes(c);
		if (target === 'title') o.title = text;
		else if (target === 'policyArea') o.policyArea = text;
		else if (target === 'macroAreas') o.macroAreas = macroAreaCodes(text);
		else if (target === 'number') {
			if (/^\d{1,4}$/.test(text) && Number(text) > 0) o.number = Number(text);
			else problems.push({ row: row.row, column: c, problem: 'invalid-number' });
		} else {
			const field = fields.get(target.slice('field:'.length));
			if (!field) return; // sheetProblems named it; isTarget keeps it from the options
			const read = fieldValue(version, field, { text, split }, o.fields[field.key]);
			o.fields[field.key] = read.value;
			// A cell read as items or as an answer keeps its text as typed beside them (SPEC PO6).
			if (read.printed !== undefined)
				o.verbatim[field.key] = [o.verbatim[field.key], read.printed].filter(Boolean).join('\n');
		}
	});
	const objectiveText = o.fields.objectives ?? o.fields.description;
	if (!o.title && typeof objectiveText === 'string')
		o.title = objectiveText.split('\n')[0]!.replace(/^• /, '').slice(0, 300);
	if (!o.title) problems.push({ row: row.row, column: null, problem: 'title-missing' });
	// The 2021-2023 form opens with the objective's title: what the title column gave.
	if (fields.has('title') && o.fields.title === undefined && o.title) o.fields.title = o.title;
	return problems.length ? problems : o;
}

/**
 * The objectives the sheet describes under the options, in our import format, and
 * what is wrong with each row. Rows above the header and rows left out are not read;
 * numbers run on from `firstNumber` unless a column gives them.
 */
export function sheetToPlan(
	rows: readonly SheetRow[],
	options: SheetOptions,
	plan: PlanExport['plan'],
	firstNumber: number
): { plan: PlanExport; objectives: SheetObjective[]; problems: SheetProblem[] } {
	const data = rows.filter((r) => r.row > options.headerRow && !options.skipRows.includes(r.row));
	const problems = sheetProblems(options, plan.taxonomyVersion, data.length);
	// Without a title column every row would lack its title: the sheet's problem says it once.
	const noTitle = problems.some((p) => p.problem === 'title-column-required');
	const fields = new Map(templateFields(plan.taxonomyVersion).map((f) => [f.key, f]));
	const objectives: SheetObjective[] = [];
	let next = firstNumber;
	for (const row of data.slice(0, MAX_SHEET_ROWS)) {
		const read = rowObjective(row, options, plan.taxonomyVersion, fields, next);
		if (!Array.isArray(read)) {
			objectives.push(read);
			next = Math.max(next, read.number + 1);
		} else problems.push(...read.filter((p) => !noTitle || p.problem !== 'title-missing'));
	}
	if (problems.length === 0 && objectives.length === 0)
		problems.push({ row: options.headerRow, column: null, problem: 'no-rows' });
	return {
		plan: {
			format: EXPORT_FORMAT,
			version: 1,
			plan,
			policyAreas: [],
			objectives: objectives.map(({ row: _, ...o }) => o)
		},
		objectives,
		problems
	};
}
