import { nameKey } from '$lib/forms/name-key';
import { templateFields, type TemplateField } from '$lib/objectives/objective-template';

/**
 * How a spreadsheet is laid out, as far as the import can guess it (SPEC PO6a):
 * which row is the header, what each column holds and where it should go. Real
 * files put the plan's name and an empty row above the header, and name their
 * columns in their own words; every guess is only a proposal the UdP confirms.
 */

/** A row of the file that has any text, with its number as the spreadsheet shows it (1-based). */
export interface SheetRow {
	row: number;
	cells: string[];
}

/** Where a column goes: nowhere, a part of the objective, or a field of the plan's template. */
export type ColumnTarget =
	'ignore' | 'number' | 'title' | 'policyArea' | 'macroAreas' | `field:${string}`;

export const objectiveParts = ['ignore', 'number', 'title', 'policyArea', 'macroAreas'] as const;

/** How many rows the header is looked for in, and offered from: title blocks are short. */
export const HEADER_SEARCH_ROWS = 10;
const SAMPLES = 3;
const SAMPLE_LENGTH = 80;

/** The rows with text, numbered as in the file, every row as wide as the widest. */
export function sheetRows(table: readonly (readonly string[])[]): SheetRow[] {
	const width = table.reduce((w, r) => Math.max(w, r.length), 0);
	return table.flatMap((cells, i) =>
		cells.some((c) => c.trim() !== '')
			? [{ row: i + 1, cells: [...cells, ...Array<string>(width - cells.length).fill('')] }]
			: []
	);
}

const simple = (text: string) => nameKey(text).replace(/\s+/g, ' ');

/** A cell a header would hold: short, one line, not a number or an amount. */
const labelLike = (cell: string) =>
	cell.length <= 120 && !cell.includes('\n') && !/^[\d\s.,€%/-]+$/.test(cell);

/**
 * The header row: among the first rows with text, the first whose cells all look like
 * labels and that names a column we know; else the first whose cells all look like
 * labels, filling at least two columns (a title row fills one); else the first row.
 */
export function guessHeaderRow(rows: readonly SheetRow[], version: string): number {
	const head = rows.slice(0, HEADER_SEARCH_ROWS);
	const width = head.reduce((w, r) => Math.max(w, r.cells.filter((c) => c.trim()).length), 0);
	const labels = head.filter((r) => {
		const filled = r.cells.map((c) => c.trim()).filter(Boolean);
		return filled.length >= Math.min(2, width) && filled.every(labelLike);
	});
	const known = labels.find((r) => guessMapping(r.cells, version).some((t) => t !== 'ignore'));
	return (known ?? labels[0] ?? rows[0])?.row ?? 1;
}

/** Header words real plans use, for each cycle, and the target each means. */
const common: [RegExp, ColumnTarget][] = [
	[/^(n|num|numero|n obiettivo)$/, 'number'],
	[/^(titolo|titolo obiettivo|titolo dell obiettivo|denominazione)$/, 'title'],
	[/^(area|area di policy|area di intervento|area tematica|aree di policy)$/, 'policyArea'],
	[/^macro ?aree?( di intervento)?$/, 'macroAreas'],
	[/^(target|destinatari|beneficiari)$/, 'field:target'],
	[
		/^(risorse|risorse economiche|budget|risorse economiche preventivate)$/,
		'field:budgetedResources'
	],
	[/^(personale|personale dedicato|risorse di personale( dedicate)?)$/, 'field:dedicatedStaff'],
	[/^risultati( attesi)?$/, 'field:expectedResults']
];
const byVersion: Record<string, [RegExp, ColumnTarget][]> = {
	'2025-2027': [
		[/^obiettiv[oi]$/, 'field:objectives'],
		[/^(azion[ei]( programmate)?|interventi)$/, 'field:plannedActions'],
		[/^(tempistiche|tempi|modalita|modalita di attuazione)$/, 'field:deliveryModes'],
		[/^(impatto|impatto sociale)$/, 'field:expectedSocialImpact'],
		[/^(bisogni|aree di bisogno)$/, 'field:needAreas']
	],
	'2021-2023': [
		[/^(obiettiv[oi]|descrizione|descrizione obiettivo)$/, 'field:description'],
		[
			/^(azion[ei]|modalita|modalita di erogazione|indicatori di processo)$/,
			'field:deliveryAndProcessIndicators'
		],
		[/^(tipologia|tipologia di obiettivo|innovativo)$/, 'field:objectiveKind'],
		[/^(impatto)$/, 'field:impact'],
		[/^(bisogni|bisogni a cui risponde)$/, 'field:needsAddressed']
	]
};

function labelTarget(fields: readonly TemplateField[], h: string): ColumnTarget | undefined {
	// The 2021-2023 form's own «Titolo» field is not guessed: a "Titolo" column names
	// the objective, and the title fills that field too (sheet-import.ts).
	const f = fields.find((f) => f.key !== 'title' && simple(f.label) === h);
	return f && `field:${f.key}`;
}

const stem = (word: string) => word.slice(0, 6);
const SMALL_WORDS = new Set([
	'di',
	'e',
	'ed',
	'il',
	'la',
	'le',
	'del',
	'della',
	'con',
	'in',
	'per',
	'a'
]);

/**
 * The one field whose label holds every word of the header (by stem, small words aside):
 * "Modalità organizzative" is the field «Modalità organizzative, operative e di erogazione».
 * None when several fields would do, as "Continuità" would.
 */
function closestField(fields: readonly TemplateField[], h: string): ColumnTarget | undefined {
	const words = h.split(' ').filter((w) => w.length > 2 && !SMALL_WORDS.has(w));
	if (words.length === 0 || words.join(' ').length < 6) return undefined;
	const matches = fields.filter((f) => {
		const label = new Set(simple(f.label).split(' ').map(stem));
		return f.key !== 'title' && words.every((w) => label.has(stem(w)));
	});
	return matches.length === 1 ? `field:${matches[0]!.key}` : undefined;
}

/**
 * A first guess for each column, from its header: the template's own labels, the words
 * plans use, then the one label that holds every word of the header. Never a field the
 * plan's template lacks; each target once.
 */
export function guessMapping(headers: readonly string[], version: string): ColumnTarget[] {
	const fields = templateFields(version);
	const synonyms = [...common, ...(byVersion[version] ?? [])];
	const taken = new Set<ColumnTarget>();
	return headers.map((header) => {
		const h = simple(header);
		const guess =
			labelTarget(fields, h) ??
			synonyms.find(([re]) => re.test(h))?.[1] ??
			closestField(fields, h) ??
			'ignore';
		if (guess === 'ignore' || taken.has(guess) || !isTarget(guess, version)) return 'ignore';
		taken.add(guess);
		return guess;
	});
}

export function isTarget(value: string, version: string): value is ColumnTarget {
	if ((objectiveParts as readonly string[]).includes(value)) return true;
	return templateFields(version).some((f) => `field:${f.key}` === value);
}

/** Targets whose cells may be lists of items: rich text, sets of choices, macro-areas. */
export function isListTarget(target: ColumnTarget, version: string): boolean {
	if (target === 'macroAreas') return true;
	const field = templateFields(version).find((f) => `field:${f.key}` === target);
	return field?.type === 'richText' || field?.type === 'enumSet';
}

export interface SheetColumn {
	/** 0-based, as the mapping names it. */
	index: number;
	header: string;
	/** The first values under the header, shortened, so the UdP sees what the column holds. */
	samples: string[];
}

/** Each column's header and first values under it. */
export function sheetColumns(rows: readonly SheetRow[], headerRow: number): SheetColumn[] {
	const header = rows.find((r) => r.row === headerRow)?.cells ?? rows[0]?.cells ?? [];
	const below = rows.filter((r) => r.row > headerRow);
	return header.map((h, index) => ({
		index,
		header: h.trim(),
		samples: below
			.map((r) => (r.cells[index] ?? '').trim())
			.filter(Boolean)
			.slice(0, SAMPLES)
			.map((s) => (s.length > SAMPLE_LENGTH ? `${s.slice(0, SAMPLE_LENGTH - 1)}…` : s))
	}));
}

/** Columns to split by line: those going to a list target whose cells hold several lines. */
export function guessSplit(
	rows: readonly SheetRow[],
	headerRow: number,
	mapping: readonly ColumnTarget[],
	version: string
): number[] {
	return mapping.flatMap((target, c) =>
		isListTarget(target, version) &&
		rows.some((r) => r.row > headerRow && (r.cells[c] ?? '').trim().includes('\n'))
			? [c]
			: []
	);
}
