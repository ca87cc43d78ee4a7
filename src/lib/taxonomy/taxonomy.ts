import { z } from 'zod';
import data20212023 from './data/2021-2023.json';
import data20252027 from './data/2025-2027.json';

/**
 * The regional taxonomy of one guideline cycle, as the product uses it. The data
 * files are verbatim copies of the domain reference (see docs/ARCHITECTURE.md);
 * this module picks out what the app needs and checks its shape once, at start.
 */
export interface TaxonomyVersion {
	id: string;
	label: string;
	source: string;
	macroAreas: { code: string; label: string; keyPoints: string[] }[];
	leps: { name: string; objectives: string[]; indicators: string[] }[];
}

const fileShape = z.object({
	source: z.string(),
	macroAreas: z.array(
		z.object({ code: z.string().min(1), label: z.string().min(1), keyPoints: z.array(z.string()) })
	),
	leps: z
		.array(
			z.object({
				name: z.string(),
				objectives: z.array(z.string()),
				indicators: z.array(z.string())
			})
		)
		.optional()
});

function toVersion(id: string, raw: unknown): TaxonomyVersion {
	const file = fileShape.parse(raw);
	return {
		id,
		label: `Linee di indirizzo ${id}`,
		source: file.source,
		macroAreas: file.macroAreas.map(({ code, label, keyPoints }) => ({ code, label, keyPoints })),
		leps: (file.leps ?? []).map(({ name, objectives, indicators }) => ({
			name,
			objectives,
			indicators
		}))
	};
}

/** Newest first: a new plan follows the first one by default. */
export const taxonomyVersionsData: readonly TaxonomyVersion[] = [
	toVersion('2025-2027', data20252027),
	toVersion('2021-2023', data20212023)
];

export const currentTaxonomyVersionId = '2025-2027';
