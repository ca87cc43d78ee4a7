import { nameKey } from '$lib/forms/name-key';
import { templateFields, type FieldValue } from '$lib/objectives/objective-template';
import { EXPORT_FORMAT, type ExportedObjective, type PlanExport } from './plan-export';
import { readChoice } from './printed-answer';
import { isTextType } from './template-form';

/**
 * Objectives from a spreadsheet laid out another way (SPEC PO6): the UdP maps each
 * column to a part of the template, sees every row as it will be saved, and
 * imports all rows or none. Real plans use layouts such as
 * OBIETTIVI | Azioni | Soggetti | Risultati attesi | Tempistiche | Risorse.
 */
export const MAX_SHEET_ROWS = 300;
/** Wider than any layout plans use (the template has 21 fields); past it, a file is not a plan's table. */
export const MAX_SHEET_COLUMNS = 40;

/** Where a column goes: nowhere, a part of the objective, or a template field. */
export type ColumnTarget =
	'ignore' | 'number' | 'title' | 'policyArea' | 'macroAreas' | `field:${string}`;

/** Header words real plans use, and the template field each means. */
const synonyms: [RegExp, ColumnTarget][] = [
	[/^(n|n\.|num|numero)$/, 'number'],
	[/^(titolo|titolo obiettivo)$/, 'title'],
	[/^obiettiv[oi]$/, 'field:objectives'],
	[/^(area|area di policy|area di intervento)$/, 'policyArea'],
	[/^macro ?aree?$/, 'macroAreas'],
	[/^azion[ei]( programmate)?$/, 'field:plannedActions'],
	[/^(target|destinatari)$/, 'field:target'],
	[
		/^(risorse|risorse economiche|budget|risorse economiche preventivate)$/,
		'field:budgetedResources'
	],
	[/^(personale|personale dedicato)$/, 'field:dedicatedStaff'],
	[/^risultati( attesi)?$/, 'field:expectedResults'],
	[/^(tempistiche|tempi|modalita|modalita di attuazione)$/, 'field:deliveryModes'],
	[/^(impatto|impatto sociale)$/, 'field:expectedSocialImpact']
];

const simple = (header: string) =>
	nameKey(header)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9. ]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/** A first guess for each column, from its header and the template's labels; each target once. */
export function guessMapping(headers: readonly string[], version: string): ColumnTarget[] {
	const labels = new Map(
		templateFields(version).map((f) => [simple(f.label), `field:${f.key}` as ColumnTarget])
	);
	const taken = new Set<ColumnTarget>();
	return headers.map((header) => {
		const h = simple(header);
		const guess = labels.get(h) ?? synonyms.find(([re]) => re.test(h))?.[1] ?? 'ignore';
		if (guess === 'ignore' || taken.has(guess)) return 'ignore';
		taken.add(guess);
		return guess;
	});
}

export function isTarget(value: string, version: string): value is ColumnTarget {
	if (['ignore', 'number', 'title', 'policyArea', 'macroAreas'].includes(value)) return true;
	return templateFields(version).some((f) => `field:${f.key}` === value);
}

export interface SheetProblem {
	/** 1-based line of the sheet (the header is line 1). */
	line: number;
	column: string | null;
	problem: string;
}

/**
 * The objectives the mapped sheet describes, in our import format, and what is
 * wrong with each line. Text columns mapped to one field are joined; a row
 * without a title takes the first line of its objective text.
 */
export function sheetToPlan(
	table: readonly (readonly string[])[],
	mapping: readonly ColumnTarget[],
	plan: PlanExport['plan'],
	firstNumber: number
): { plan: PlanExport; problems: SheetProblem[] } {
	const [headers = [], ...rows] = table;
	const problems: SheetProblem[] = [];
	const fields = new Map(templateFields(plan.taxonomyVersion).map((f) => [f.key, f]));
	const mapped = new Set(mapping);
	if (!mapped.has('title') && !mapped.has('field:objectives'))
		problems.push({ line: 1, column: null, problem: 'title-column-required' });
	if (
		new Set(mapping.filter((m) => m !== 'ignore' && !m.startsWith('field:'))).size !==
		mapping.filter((m) => m !== 'ignore' && !m.startsWith('field:')).length
	)
		problems.push({ line: 1, column: null, problem: 'column-mapped-twice' });
	if (rows.length > MAX_SHEET_ROWS)
		problems.push({ line: 1, column: null, problem: 'too-many-rows' });
	const objectives: ExportedObjective[] = [];
	let next = firstNumber;
	rows.forEach((row, i) => {
		const line = i + 2;
		if (row.every((c) => c.trim() === '')) return;
		const values: Record<string, FieldValue> = {};
		const verbatim: Record<string, string> = {};
		let title = '';
		let number: number | null = null;
		let policyArea: string | null = null;
		let macroAreas: string[] = [];
		mapping.forEach((target, c) => {
			const cell = (row[c] ?? '').trim();
			const column = headers[c] ?? `#${c + 1}`;
			if (target === 'ignore' || cell === '') return;
			if (target === 'title') title = cell;
			else if (target === 'number') {
				number = /^\d{1,4}$/.test(cell) ? Number(cell) : null;
				if (number === null) problems.push({ line, column, problem: 'invalid-number' });
			} else if (target === 'policyArea') policyArea = cell;
			else if (target === 'macroAreas')
				macroAreas = cell
					.split(/[\s,;]+/)
					.map((c) => c.replace(/\W/g, '').toUpperCase())
					.filter(Boolean);
			else {
				const field = fields.get(target.slice(6))!;
				const previous = values[field.key];
				if (isTextType(field.type))
					values[field.key] = typeof previous === 'string' ? `${previous}\n${cell}` : cell;
				else {
					// A choice in its printed words (Sì, SI*, Obiettivo innovativo.) keeps them as verbatim.
					const read = readChoice(plan.taxonomyVersion, field, cell);
					values[field.key] = read.value;
					if (read.printed !== undefined) verbatim[field.key] = read.printed;
				}
			}
		});
		const objectiveText = values.objectives;
		if (!title && typeof objectiveText === 'string')
			title = objectiveText.split('\n')[0]!.slice(0, 300);
		if (!title) {
			problems.push({ line, column: null, problem: 'title-missing' });
			return;
		}
		objectives.push({
			number: number ?? next,
			title,
			policyArea,
			fields: values,
			verbatim,
			macroAreas,
			keyPoints: {},
			leps: [],
			indicators: [],
			status: 'draft',
			approvedAt: null
		});
		next = Math.max(next, (number ?? next) + 1);
	});
	if (rows.length > 0 && objectives.length === 0 && problems.length === 0)
		problems.push({ line: 1, column: null, problem: 'no-rows' });
	return {
		plan: { format: EXPORT_FORMAT, version: 1, plan, policyAreas: [], objectives },
		problems
	};
}
