import type { FieldValue, Indicator } from '$lib/objectives/objective-template';

/**
 * The plan's objectives as data, in Tavoli's own export format (SPEC PO5): one
 * JSON document that holds everything needed to rebuild the plan's objectives
 * chapter — and that importing into an empty plan turns back into the same plan.
 */
export const EXPORT_FORMAT = 'tavoli-plan-objectives';

export interface ExportedObjective {
	number: number;
	title: string;
	policyArea: string | null;
	fields: Record<string, FieldValue>;
	/** Each field's text as the source printed it, when the objective was imported. */
	verbatim: Record<string, string>;
	macroAreas: string[];
	keyPoints: Record<string, string[]>;
	leps: string[];
	indicators: Indicator[];
	status: 'draft' | 'review' | 'consolidated' | 'approved';
	approvedAt: string | null;
}

export interface PlanExport {
	format: typeof EXPORT_FORMAT;
	version: 1;
	plan: { title: string; period: string; taxonomyVersion: string };
	policyAreas: { name: string; macroAreas: string[] }[];
	objectives: ExportedObjective[];
}

/** Which of the accepted JSON shapes a body is (SPEC PO6). */
export function detectFormat(body: unknown): 'tavoli' | 'fixture-2025' | 'fixture-2021' | null {
	if (typeof body !== 'object' || body === null) return null;
	const b = body as { format?: unknown; meta?: { fieldOrder?: unknown }; objectives?: unknown };
	if (b.format === EXPORT_FORMAT) return 'tavoli';
	if (!Array.isArray(b.objectives) || !Array.isArray(b.meta?.fieldOrder)) return null;
	if (b.meta.fieldOrder.length === 21) return 'fixture-2025';
	if (b.meta.fieldOrder.length === 14) return 'fixture-2021';
	return null;
}

interface FixtureField {
	verbatim?: unknown;
	normalized?: unknown;
	lead?: unknown;
	items?: unknown;
	tail?: unknown;
}

/** Plain text for a printed cell: its bullet items when the source listed them, tags removed otherwise. */
function textOf(field: FixtureField): string {
	const list = (v: unknown) =>
		(Array.isArray(v) ? v : []).map((x) =>
			typeof x === 'string'
				? x
				: typeof x === 'object' && x && 'text' in x
					? String((x as { text: unknown }).text)
					: ''
		);
	if (Array.isArray(field.items)) {
		return [...list(field.lead), ...list(field.items).map((i) => `• ${i}`), ...list(field.tail)]
			.filter(Boolean)
			.join('\n');
	}
	return String(field.verbatim ?? '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A field's value: the normalised answer where the reference normalised it, the text otherwise. */
function valueOf(field: FixtureField, kind: 'text' | 'choice'): FieldValue {
	if (kind === 'text') return textOf(field);
	const n = field.normalized;
	if (n === null) return null;
	if (typeof n === 'string' || Array.isArray(n)) return n as FieldValue;
	if (typeof n === 'object' && n !== null && 'answer' in n)
		return ((n as { answer: unknown }).answer as string | null) ?? null;
	return textOf(field);
}

const choiceKeys = new Set([
	'crossCuttingIntegrated',
	'asstInvolvement',
	'interAmbitoCooperation',
	'continuityWithPreviousPlan',
	'continuityWithRewardedProject',
	'newServiceDefinition',
	'formallyCoDesignedWithThirdSector',
	'thirdSectorNetworkInvolvement',
	'needType',
	'objectiveType',
	'innovativeCareModels',
	'digitalisationAspects',
	'objectiveKind',
	'socialHealthIntegration',
	'coDesignedWithNetwork'
]);

interface FixtureObjective {
	number: number;
	title?: string;
	area?: { normalized?: string; verbatim?: string };
	areaHeading?: { verbatim?: string };
	macroAreas?: string[];
	macroArea?: string;
	keyPoints?: Record<string, string[]>;
	fields: Record<string, FixtureField>;
}

/**
 * The domain reference's fixture files (the Seriate 2025-2027 and Valle Trompia
 * 2021-2023 objectives) as an import in our format. Their printed text is kept
 * verbatim beside the values Tavoli works with.
 */
export function fromFixture(
	body: {
		meta: { plan?: string; fieldOrder: string[] };
		policyAreas?: { normalized?: string; verbatim?: string }[];
		objectives: FixtureObjective[];
	},
	kind: 'fixture-2025' | 'fixture-2021'
): PlanExport {
	const version = kind === 'fixture-2025' ? '2025-2027' : '2021-2023';
	const areaName = (o: FixtureObjective) =>
		o.area?.normalized ?? o.area?.verbatim ?? o.areaHeading?.verbatim ?? null;
	const areas = body.policyAreas?.map((a) => a.normalized ?? a.verbatim ?? '') ?? [
		...new Set(body.objectives.map(areaName).filter((a): a is string => !!a))
	];
	return {
		format: EXPORT_FORMAT,
		version: 1,
		plan: { title: body.meta.plan ?? 'Piano di Zona', period: version, taxonomyVersion: version },
		policyAreas: areas.filter(Boolean).map((name) => ({ name, macroAreas: [] })),
		objectives: body.objectives.map((o) => {
			const fields: Record<string, FieldValue> = {};
			const verbatim: Record<string, string> = {};
			for (const key of body.meta.fieldOrder) {
				const field = o.fields[key];
				if (!field) continue;
				fields[key] = valueOf(field, choiceKeys.has(key) ? 'choice' : 'text');
				if (typeof field.verbatim === 'string') verbatim[key] = field.verbatim;
			}
			const title =
				o.title ?? (typeof fields.title === 'string' ? fields.title : `Obiettivo ${o.number}`);
			return {
				number: o.number,
				title,
				policyArea: areaName(o),
				fields,
				verbatim,
				macroAreas: o.macroAreas ?? (o.macroArea ? [o.macroArea] : []),
				keyPoints: o.keyPoints ?? {},
				leps: [],
				indicators: [],
				status: 'approved',
				approvedAt: null
			};
		})
	};
}
