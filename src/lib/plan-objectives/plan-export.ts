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
