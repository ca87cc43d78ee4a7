import { consistencyIssues, type ConsistencyIssue } from '$lib/objectives/consistency';
import type { FieldValue } from '$lib/objectives/objective-template';

interface Checked {
	id: number;
	number: number;
	title: string;
	fields: Record<string, FieldValue>;
	macroAreas: string[];
	keyPoints: Record<string, string[]>;
}

/** The objective-card checks run on the whole plan (SPEC PO3): every warning, by objective. */
export function planWarnings(objectives: readonly Checked[]) {
	return objectives.flatMap((o) => {
		const kind = o.fields.objectiveKind;
		const issues: ConsistencyIssue[] = consistencyIssues({
			fields: o.fields,
			macroAreas: o.macroAreas,
			keyPoints: o.keyPoints,
			kind: kind === 'INNOVATIVO' || kind === 'IN_CONTINUITA' ? kind : null
		});
		return issues.map((issue) => ({ objectiveId: o.id, number: o.number, title: o.title, issue }));
	});
}
