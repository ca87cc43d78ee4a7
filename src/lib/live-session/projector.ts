import type { CardView } from '$lib/board/board-doc';
import type { ObjectiveView } from '$lib/objectives/objective-doc';
import type { FieldValue, TemplateField } from '$lib/objectives/objective-template';

/**
 * What the projector shows, computed from plain data (issue 13): the cards of
 * the current page, grouped as the board groups them; the objective card being
 * drafted; the filled fields of a card; the type size that fits. Pure: no Yjs,
 * no DOM.
 */

/** The smallest type the projector uses, in CSS pixels: readable from the back of a room. */
export const MIN_TYPE_PX = 18;

/** How long a page of cards stays up when they do not all fit at the smallest type. */
export const PAGE_MS = 15_000;

export interface CardSection {
	id: string;
	title: string;
	cards: CardView[];
	/** Its first cards were on the page before. */
	continued?: boolean;
}

/**
 * The sections from the `start`-th card on (counting through the sections in
 * order): a section cut by the page break keeps its title, marked continued.
 */
export function sectionsFrom(sections: readonly CardSection[], start: number): CardSection[] {
	const out: CardSection[] = [];
	let skipped = 0;
	for (const section of sections) {
		const [begin, end] = [skipped, skipped + section.cards.length];
		skipped = end;
		// An empty cluster belongs to the page where its place in the order falls.
		if (end < start || (end === start && begin < start)) continue;
		const from = Math.max(0, start - begin);
		out.push({ ...section, cards: section.cards.slice(from), continued: from > 0 });
	}
	return out;
}

/** Where the next page starts: after the cards shown, or back at the first when all were seen. */
export function nextStart(start: number, shown: number, total: number): number {
	const next = start + Math.max(1, shown);
	return next >= total ? 0 : next;
}

/**
 * The largest whole size in [min, max] for which `fits` holds, by bisection
 * (fitting is monotonic: smaller type never takes more room); null when even
 * `min` does not fit.
 */
export function largestFitting(min: number, max: number, fits: (px: number) => boolean) {
	if (!fits(min)) return null;
	let [low, high] = [min, max];
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (fits(mid)) low = mid;
		else high = mid - 1;
	}
	return low;
}

const fingerprint = (o: ObjectiveView) => JSON.stringify(o);

/**
 * The objective card someone is writing: of those new or changed between two
 * reads of the document, the most recently created; null when none changed.
 */
export function changedObjective(
	before: readonly ObjectiveView[],
	after: readonly ObjectiveView[]
): string | null {
	const old = new Map(before.map((o) => [o.id, fingerprint(o)]));
	const changed = after.filter((o) => old.get(o.id) !== fingerprint(o));
	return newestObjective(changed)?.id ?? null;
}

export function newestObjective<T extends Pick<ObjectiveView, 'createdAt'>>(
	list: readonly T[]
): T | null {
	return list.reduce<T | null>((a, b) => (a && a.createdAt > b.createdAt ? a : b), null);
}

/** A field's value as one line of text, or '' when it has none. */
export function fieldText(value: FieldValue | undefined): string {
	if (value === null || value === undefined) return '';
	return Array.isArray(value) ? value.join(', ') : value.trim();
}

/** The template fields of a card that have a value, in template order, and those still empty. */
export function splitFields(
	objective: Pick<ObjectiveView, 'fields'>,
	fields: readonly TemplateField[]
): { filled: { field: TemplateField; text: string }[]; empty: TemplateField[] } {
	const filled: { field: TemplateField; text: string }[] = [];
	const empty: TemplateField[] = [];
	for (const field of fields) {
		const text = fieldText(objective.fields[field.key]);
		if (text) filled.push({ field, text });
		else empty.push(field);
	}
	return { filled, empty };
}
