import type { Indicator } from '$lib/objectives/objective-template';
import { objectiveFields } from '$lib/objectives/objective-template';
import type { OutcomeChange, OutcomeNeed, OutcomePackage } from './outcome';

/**
 * The outcome package as people read it (SPEC E1, E2): values as text and each
 * change of the diff named by its card and its field's template label. Pure.
 */
export type ChangeSubject =
	| { kind: 'objective' }
	| { kind: 'field'; key: string; label: string }
	| { kind: 'part'; part: string }
	| { kind: 'priority' | 'unchosen'; label: string };

export interface ReadableChange {
	/** The card's title (after the change, or before it when the card went away); null outside cards. */
	objective: string | null;
	subject: ChangeSubject;
	change: 'added' | 'removed' | 'changed';
	before: string;
	after: string;
}

const fieldLabels = new Map(objectiveFields.map((f) => [f.key, f.label]));

function indicatorText(i: Indicator): string {
	const ratio = i.kind === 'ratio' ? ` (${i.numerator ?? ''} / ${i.denominator ?? ''})` : '';
	const span = i.baseline || i.target ? ` [${i.baseline ?? ''} → ${i.target ?? ''}]` : '';
	return `${i.level}, ${i.kind}: ${i.description}${ratio}${span}`;
}

/** A value of the package as one line of text; empty for no value. */
export function formatValue(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value))
		return value
			.map((v) =>
				typeof v === 'object' && v !== null && 'kind' in v
					? indicatorText(v as Indicator)
					: formatValue(v)
			)
			.join('; ');
	if (typeof value === 'object')
		return Object.entries(value as Record<string, unknown>)
			.map(([k, v]) => `${k}: ${formatValue(v)}`)
			.join(' · ');
	return '';
}

type Packages = Pick<OutcomePackage, 'objectives' | 'priorities' | 'unchosen'>;

function needLabel(key: string, ...lists: OutcomeNeed[][]): string {
	const found = lists.flat().find((n) => `${n.type}:${n.id}` === key);
	return found?.label || key;
}

/** Every change between two versions, in the diff's order, as people read it. */
export function describeChanges(
	changes: readonly OutcomeChange[],
	current: Packages,
	previous: Packages | null
): ReadableChange[] {
	const titles = new Map<string, string>();
	for (const o of [...(previous?.objectives ?? []), ...current.objectives])
		titles.set(o.id, o.title);
	const needs = [
		current.priorities,
		current.unchosen,
		previous?.priorities ?? [],
		previous?.unchosen ?? []
	];
	return changes.map((c) => {
		const [root, id = '', part, key] = c.path.split('/');
		const change = c.before === null ? 'added' : c.after === null ? 'removed' : 'changed';
		const base = { change, before: formatValue(c.before), after: formatValue(c.after) } as const;
		if (root === 'priorities' || root === 'unchosen') {
			const kind = root === 'priorities' ? 'priority' : 'unchosen';
			return { ...base, objective: null, subject: { kind, label: needLabel(id, ...needs) } };
		}
		const objective = titles.get(id) ?? id;
		if (part === undefined) return { ...base, objective, subject: { kind: 'objective' } };
		if (part === 'fields' && key)
			return {
				...base,
				objective,
				subject: { kind: 'field', key, label: fieldLabels.get(key) ?? key }
			};
		return { ...base, objective, subject: { kind: 'part', part } };
	});
}
