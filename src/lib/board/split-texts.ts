import * as Y from 'yjs';
import type { Effects } from '$lib/sync/effects';
import { Root } from './board-doc';

/**
 * The texts of the merged cards the last accepted updates split (B6). Someone
 * who merges a merged card while another splits it writes a merge of a card
 * that is gone, with its text copied: the card policy reads that text here to
 * see the merge is the honest one. Only splits are kept: their words are on the
 * board again in the originals, so taking them into a merge shows nothing a
 * facilitator removed. Bounded: a race lasts one round trip.
 */
export class SplitTexts {
	readonly #texts = new Map<string, string>();

	constructor(private readonly max = 256) {}

	get(cardId: string): string | undefined {
		return this.#texts.get(cardId);
	}

	/** Called with an update's effects before it is applied, while the cards still stand. */
	note(doc: Y.Doc, effects: Effects): void {
		const cards = doc.getMap<Y.Map<unknown>>(Root.cards);
		for (const removal of effects.removals) {
			const [root, id] = removal.path;
			if (removal.path.length !== 2 || root !== Root.cards || !id) continue;
			const card = cards.get(id);
			const from = card?.get('mergedFrom');
			const text = card?.get('text');
			if (!Array.isArray(from) || from.length === 0 || !(text instanceof Y.Text)) continue;
			if (!from.every((original) => givenBack(cards, effects, id, original))) continue;
			this.#texts.delete(id);
			this.#texts.set(id, text.toString());
			if (this.#texts.size > this.max) this.#texts.delete(this.#texts.keys().next().value!);
		}
	}
}

/** Whether an original of a removed merged card shows again: cleared in the update, or not inside it. */
function givenBack(
	cards: Y.Map<Y.Map<unknown>>,
	effects: Effects,
	mergedId: string,
	original: unknown
): boolean {
	if (typeof original !== 'string' || cards.get(original)?.get('mergedInto') !== mergedId)
		return true;
	const at = (path: readonly string[], length: number) =>
		path.length === length && path[0] === Root.cards && path[1] === original;
	return (
		effects.inserts.some((i) => at(i.path, 3) && i.path[2] === 'mergedInto') ||
		effects.removals.some((r) => at(r.path, 2))
	);
}
