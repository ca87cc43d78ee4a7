import {
	isFilled,
	templateFields,
	type FieldValue,
	type TemplateField
} from './objective-template';

/**
 * The objective template's fields in sections, for an editor a reader can find
 * their way through (O7). The regional grid prints its fields as one table with
 * no headings, so the sections are ours: each is a run of consecutive fields,
 * so the fields keep the template's order and numbering.
 */
export const sectionKeys = [
	'objective',
	'resources',
	'integration',
	'need',
	'approach',
	'results'
] as const;
export type SectionKey = (typeof sectionKeys)[number];

/** The first field of each section, by template version; a section runs to the next one. */
const sectionStarts: Record<string, Partial<Record<SectionKey, string>>> = {
	'2025-2027': {
		objective: 'objectives',
		resources: 'budgetedResources',
		integration: 'crossCuttingIntegrated',
		need: 'needAreas',
		approach: 'objectiveType',
		results: 'deliveryModes'
	},
	// The older form has no fields on the kind of intervention, so no "approach".
	'2021-2023': {
		objective: 'title',
		resources: 'budgetedResources',
		integration: 'crossCuttingIntegrated',
		need: 'needsAddressed',
		results: 'deliveryAndProcessIndicators'
	}
};

export interface ObjectiveSection {
	key: SectionKey;
	fields: readonly TemplateField[];
}

/** The sections of a template version, each with its fields in template order. */
export function objectiveSections(version = '2025-2027'): ObjectiveSection[] {
	const fields = templateFields(version);
	const starts = sectionStarts[version] ?? sectionStarts['2025-2027']!;
	const cuts = sectionKeys
		.filter((key) => starts[key] !== undefined)
		.map((key) => ({ key, at: fields.findIndex((f) => f.key === starts[key]) }));
	if (cuts.some((c) => c.at < 0))
		throw new Error(`A section starts at an unknown field (${version})`);
	return cuts.map(({ key, at }, i) => ({
		key,
		fields: fields.slice(at, cuts[i + 1]?.at ?? fields.length)
	}));
}

/** How many fields of each section are filled: the table of contents' "2/4". */
export function sectionProgress(
	sections: readonly ObjectiveSection[],
	values: Record<string, FieldValue | undefined>
): { key: SectionKey; filled: number; total: number }[] {
	return sections.map(({ key, fields }) => ({
		key,
		filled: fields.filter((f) => isFilled(values[f.key])).length,
		total: fields.length
	}));
}
