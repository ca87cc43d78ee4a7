import type { ConsistencyIssue } from './consistency';
import type { CommentView } from './objective-doc';
import type { BoardMeta } from '$lib/board/board-doc';
import type { Writer } from '$lib/board/board';
import { openableProps, type ObjectiveRuleContext } from './objective-rules';
import {
	IndicatorKind,
	IndicatorLevel,
	objectiveFields,
	type Indicator,
	type TemplateField
} from './objective-template';

/**
 * What the objective-card screens show, computed from plain data: which control
 * each template field gets, comment threads and counts, the i18n key of a
 * consistency warning, and the edits of sets, punti chiave and indicators.
 * Pure: no Yjs, no DOM.
 */
export type FieldControl = 'text' | 'radio' | 'select' | 'checkboxes';

/** Long text as a textarea; SI/NO as radios; short enums as radios, longer ones as a select. */
export function controlOf(field: TemplateField): FieldControl {
	if (field.type === 'enumSet') return 'checkboxes';
	if (field.type === 'siNo' || field.type === 'siNoNd') return 'radio';
	if (field.type === 'enum') return (field.values?.length ?? 0) <= 3 ? 'radio' : 'select';
	return 'text';
}

/** The values a non-text field may take, as the server accepts them (validFieldValue). */
export function choicesOf(field: TemplateField): string[] {
	if (field.type === 'siNo') return ['SI', 'NO'];
	if (field.type === 'siNoNd') return ['SI', 'NO', 'n/d'];
	return field.values ?? [];
}

/** The server's rule context (O1) from what the board's document shows. */
export function ruleContext(
	writer: Writer,
	meta: Pick<BoardMeta, 'phase' | 'locked' | 'openFields'>
): ObjectiveRuleContext {
	return { writer, phase: meta.phase, locked: meta.locked, openFields: new Set(meta.openFields) };
}

/** Everything the facilitator can open to participants: the 21 fields, then the card's parts. */
export const openableParts: readonly string[] = [
	...objectiveFields.map((f) => f.key),
	...openableProps
];

export interface CommentThread {
	comment: CommentView;
	replies: CommentView[];
}

/** The threads on one field of one card, oldest first; replies to a missing comment start their own. */
export function commentThreads(
	comments: readonly CommentView[],
	objectiveId: string,
	field: string
): CommentThread[] {
	const here = comments.filter((c) => c.objectiveId === objectiveId && c.field === field);
	const ids = new Set(here.map((c) => c.id));
	return here
		.filter((c) => c.parentId === null || !ids.has(c.parentId))
		.map((comment) => ({
			comment,
			replies: here.filter((r) => r.parentId === comment.id)
		}));
}

/** How many comments a field has, and how many of its threads are still open. */
export function commentCount(threads: readonly CommentThread[]): { total: number; open: number } {
	return {
		total: threads.reduce((n, t) => n + 1 + t.replies.length, 0),
		open: threads.filter((t) => !t.comment.resolved).length
	};
}

/** The catalogue key and parameters of a consistency warning ("objective_issue_…"). */
export function issueMessage(issue: ConsistencyIssue): {
	key: string;
	params: Record<string, string | number>;
} {
	const { code, ...params } = issue;
	return { key: `objective_issue_${code.replaceAll('-', '_')}`, params };
}

/** A set with one value added or taken out, keeping the order of `order` when given. */
export function toggle(
	list: readonly string[],
	value: string,
	on: boolean,
	order?: readonly string[]
): string[] {
	const next = on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
	return order ? order.filter((v) => next.includes(v)) : next;
}

/** Punti chiave with one ticked or unticked; an area left with none disappears. */
export function toggleKeyPoint(
	keyPoints: Readonly<Record<string, readonly string[]>>,
	area: string,
	point: string,
	on: boolean,
	order?: readonly string[]
): Record<string, string[]> {
	const next: Record<string, string[]> = {};
	for (const [a, points] of Object.entries(keyPoints)) next[a] = [...points];
	const points = toggle(next[area] ?? [], point, on, order);
	if (points.length) next[area] = points;
	else delete next[area];
	return next;
}

/** The macro-areas whose punti chiave are shown: the chosen ones, and any with points still ticked. */
export function keyPointAreas(
	areas: readonly { code: string }[],
	chosen: readonly string[],
	keyPoints: Readonly<Record<string, readonly string[]>>
): string[] {
	return areas
		.map((a) => a.code)
		.filter((code) => chosen.includes(code) || (keyPoints[code]?.length ?? 0) > 0);
}

export const indicatorLevels = IndicatorLevel;
export const indicatorKinds = IndicatorKind;

export function blankIndicator(): Indicator {
	return { level: 'output', kind: 'count', description: '', baseline: '', target: '' };
}

/** An indicator changed; numerator and denominator belong to ratios only. */
export function patchIndicator(
	list: readonly Indicator[],
	index: number,
	patch: Partial<Indicator>
): Indicator[] {
	return list.map((indicator, i) => {
		if (i !== index) return indicator;
		const next: Indicator = { ...indicator, ...patch };
		if (next.kind === 'ratio') {
			next.numerator ??= '';
			next.denominator ??= '';
		} else {
			delete next.numerator;
			delete next.denominator;
		}
		return next;
	});
}

export function removeIndicator(list: readonly Indicator[], index: number): Indicator[] {
	return list.filter((_, i) => i !== index);
}

/** The plan's regional taxonomy as the card editor offers it: macro-areas with punti chiave, LEPS. */
export interface ObjectiveTaxonomy {
	macroAreas: { code: string; label: string; keyPoints: string[] }[];
	leps: string[];
}
