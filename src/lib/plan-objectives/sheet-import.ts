import {
	templateFields,
	type FieldValue,
	type TemplateField
} from '$lib/objectives/objective-template';
import { EXPORT_FORMAT, type ExportedObjective, type PlanExport } from './plan-export';
import { isListTarget, type ColumnTarget, type SheetRow } from './sheet-layout';
import { fieldChoices, isTextType } from './template-form';
import { nameKey } from '$lib/forms/name-key';

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

/** A template field's value from a cell; a text field keeps what an earlier column gave. */
function fieldValue(field: TemplateField, cell: Cell, previous: FieldValue | undefined) {
	if (isTextType(field.type)) {
		const items = cellItems(cell.text);
		const text = cell.split && items.length > 1 ? items.map((i) => `• ${i}`).join('\n') : cell.text;
		return typeof previous === 'string' ? `${previous}\n${text}` : text;
	}
	if (field.type === 'enumSet')
		return (cell.split ? cellItems(cell.text) : [cell.text])
			.flatMap((v) => v.split(/\s*[,;]\s*/))
			.filter(Boolean)
			.map((v) => v.toUpperCase());
	return choiceValue(field, cell.text);
}

/**
 * The template's answer a cell names: "Sì" is SI, "Obiettivo innovativo" INNOVATIVO, "Sì, è
 * trasversale…" SI (its text is kept beside it). Anything else is left as typed, for the
 * import's check to name.
 */
function choiceValue(field: TemplateField, text: string): string {
	const key = nameKey(text);
	if (key === 'nd') return 'n/d';
	const choices = fieldChoices(field.type, field.values).map((c) => ({
		c,
		k: nameKey(c.replaceAll('_', ' '))
	}));
	const found =
		choices.find(({ k }) => k === key) ??
		choices.find(({ k }) => key.startsWith(`${k} `)) ??
		(field.type === 'enum' ? choices.find(({ k }) => key.includes(k)) : undefined);
	return found?.c ?? text.toUpperCase();
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
			const value = fieldValue(field, { text, split }, o.fields[field.key]);
			o.fields[field.key] = value;
			// A cell read as items or as an answer keeps its text as typed beside them (SPEC PO6).
			const read = isTextType(field.type) ? split && cellItems(text).length > 1 : value !== text;
			if (read) o.verbatim[field.key] = [o.verbatim[field.key], text].filter(Boolean).join('\n');
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
		const read = rowObjective(row, options, fields, next);
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
