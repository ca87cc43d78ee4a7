import * as Y from 'yjs';
import type { Effects } from '$lib/sync/effects';
import { effectsByRoot, entriesOf } from '$lib/sync/policy';
import { Root } from './board-doc';
import { splitsIn } from './card-merge-rules';

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

	/** Called with an accepted update's effects before it is applied, while the cards still stand. */
	note(doc: Y.Doc, effects: Effects): void {
		if (!effects.removals.some((r) => r.path.length === 2 && r.path[0] === Root.cards)) return;
		const cards = effectsByRoot(effects).get(Root.cards)!;
		for (const { id, card } of splitsIn(doc, entriesOf(cards))) {
			const text = card.get('text');
			if (!(text instanceof Y.Text)) continue;
			this.#texts.delete(id);
			this.#texts.set(id, text.toString());
			if (this.#texts.size > this.max) this.#texts.delete(this.#texts.keys().next().value!);
		}
	}
}
