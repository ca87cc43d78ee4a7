import data20212023 from '$lib/taxonomy/data/2021-2023.json' with { type: 'json' };
import data20252027 from '$lib/taxonomy/data/2025-2027.json' with { type: 'json' };

/**
 * The regional objective template (griglia analitica, DGR XII/2167/2024): 21
 * fields with their Italian labels, types and allowed values, read from the
 * domain reference copied into the taxonomy data.
 */
export const fieldTypes = [
	'richText',
	'shortText',
	'money',
	'siNo',
	'siNoNd',
	'enum',
	'enumSet'
] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface TemplateField {
	position: number;
	key: string;
	label: string;
	type: FieldType;
	values?: string[];
}

/** A field as the taxonomy data writes it; 2021-2023 leaves two labels out. */
interface DataField extends Omit<TemplateField, 'label'> {
	label: string | null;
}

const isStrings = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The `count` fields of a data file's objective template, checked by hand
 * rather than with zod: this module reaches the board page, and zod would add
 * a third of its JavaScript (docs/PERFORMANCE.md, page weight). A file that
 * does not match is a bug of the data, so it throws at load.
 */
function templateOf(data: unknown, count: number): DataField[] {
	const fields = (data as { objectiveTemplate?: { fields?: unknown } }).objectiveTemplate?.fields;
	if (!Array.isArray(fields) || fields.length !== count)
		throw new Error(`objective template: expected ${count} fields`);
	return fields.map((f: Record<string, unknown>, i) => {
		const ok =
			Number.isInteger(f.position) &&
			typeof f.key === 'string' &&
			(typeof f.label === 'string' || f.label === null) &&
			fieldTypes.includes(f.type as FieldType) &&
			(f.values === undefined || isStrings(f.values));
		if (!ok) throw new Error(`objective template: field ${i} is malformed`);
		return f as unknown as DataField;
	});
}

export const objectiveFields: readonly TemplateField[] = templateOf(data20252027, 21).map(
	({ position, key, label, type, values }) => {
		if (label === null) throw new Error(`objective template: field ${key} has no label`);
		return { position, key, label, type, values };
	}
);

/**
 * The older form of the 2021-2023 guidelines (14 fields, Valle Trompia plan), for
 * plans that follow that taxonomy. Its unlabelled fields get the names plans use;
 * its yes/no answers are kept as SI/NO, and "Obiettivo innovativo / in continuità"
 * as INNOVATIVO / IN_CONTINUITA, as the domain reference normalises them.
 */
const fields20212023: readonly TemplateField[] = templateOf(data20212023, 14).map(
	({ position, key, label, type }) => ({
		position,
		key,
		label: label ?? (key === 'title' ? 'Titolo' : 'Tipologia di obiettivo'),
		type,
		values: key === 'objectiveKind' ? ['INNOVATIVO', 'IN_CONTINUITA'] : undefined
	})
);

export const templateVersions = ['2025-2027', '2021-2023'] as const;
export type TemplateVersion = (typeof templateVersions)[number];

/** The objective form of a guideline cycle: 21 fields for 2025-2027, 14 for 2021-2023. */
export function templateFields(version: string): readonly TemplateField[] {
	return version === '2021-2023' ? fields20212023 : objectiveFields;
}

export type FieldKey = string;
/** Text for text fields, one choice for SI/NO and enums, a set for enumSet; null when not given. */
export type FieldValue = string | string[] | null;

export const IndicatorLevel = ['input', 'processo', 'output', 'outcome', 'impatto'] as const;
export const IndicatorKind = ['count', 'ratio', 'increment', 'protocol', 'qualitative'] as const;

export interface Indicator {
	level: (typeof IndicatorLevel)[number];
	kind: (typeof IndicatorKind)[number];
	description: string;
	numerator?: string;
	denominator?: string;
	baseline?: string;
	target?: string;
}

/** An objective as drafted: the template's fields plus its mapping to the regional taxonomy. */
export interface ObjectiveDraft {
	title: string;
	fields: Record<FieldKey, FieldValue>;
	/** Macro-area codes ("A", "F"...). */
	macroAreas: string[];
	/** Punti chiave ticked, by macro-area code. */
	keyPoints: Record<string, string[]>;
	leps: string[];
	indicators: Indicator[];
}

/** Has a field an answer: text that is not blank, a choice, a non-empty set. */
export function isFilled(value: FieldValue | undefined): boolean {
	if (value === null || value === undefined) return false;
	return Array.isArray(value) ? value.length > 0 : value.trim() !== '';
}

/** How complete a card is (issue 6): which of the 21 fields are still empty. */
export function completeness(draft: Pick<ObjectiveDraft, 'fields'>): {
	filled: number;
	total: number;
	missing: TemplateField[];
} {
	const missing = objectiveFields.filter((f) => !isFilled(draft.fields[f.key]));
	return {
		filled: objectiveFields.length - missing.length,
		total: objectiveFields.length,
		missing
	};
}
