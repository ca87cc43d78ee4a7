import * as Y from 'yjs';
import { typedText } from '$lib/forms/plain-text';
import type { Insert, Removal } from '$lib/sync/effects';
import { isPlainValue, refuse, valueOf, type Entry, type Refused } from '$lib/sync/policy';
import { canEditCard, mergedCardText, type CardField } from './board';
import { mergedHolder, Root } from './board-doc';
import type { BoardWriteContext } from './board-write-context';

/**
 * Merges and splits (B6) as card-policy.ts judges them: the shapes board-doc.ts
 * writes, across the entries of one update. A merged card is created with the
 * `mergedInto` of its originals set to it; a split deletes it and clears theirs.
 * Nothing else writes those two keys.
 */

export type Entries = ReadonlyMap<string, Entry>;

/**
 * A new merged card (B6), as `mergeCards` makes it: its `mergedFrom`, written
 * once, lists two or more distinct cards on the board, and the same update sets
 * the `mergedInto` of each of them, once, to it. A merged card split meanwhile
 * (SplitTexts) counts as on the board, with the text it had.
 *
 * An original may already be inside another merged card: two people who merge
 * the same card at once both write this shape from what they saw (the property
 * test's find), and refusing the second would close an honest client. The card
 * ends in one of the two, as Yjs settles the key; the other keeps a copy of its
 * text, and splitting it gives back only the originals still inside it.
 */
export function checkMergedCard(
	entry: Entry,
	ctx: BoardWriteContext,
	entries: Entries
): Refused | null {
	const originals = mergedFromWritten(entry);
	if (!originals) return refuse('bad-value', 'a merged card lists its originals once');
	if (originals.length < 2 || new Set(originals).size !== originals.length)
		return refuse('bad-value', 'a merged card is made of two or more different cards');
	const cards = cardsOf(ctx.doc);
	const texts = new Map<string, string>();
	for (const id of originals) {
		const original = cards.get(id);
		const change = entries.get(id);
		const split = original || change ? undefined : ctx.splitText(id);
		if (split !== undefined) {
			// Split while this merge was made: nothing lands in it, its text is the one it had.
			texts.set(id, split);
			continue;
		}
		if (!original || change?.put || change?.removed)
			return refuse('not-allowed', `a merge takes cards on the board: no card ${id}`);
		const text = original.get('text');
		texts.set(id, text instanceof Y.Text ? text.toString() : '');
		// Its current value (null, or nothing) goes, by overwrite or in the delete set as Yjs
		// writes it; the one value written instead must name the merged card.
		const into = change ? fieldInserts(change, 'mergedInto') : [];
		if (into.length !== 1 || !isPlainValue(into[0]!.content, (v) => v === entry.key))
			return refuse('not-allowed', `a merge puts card ${id} into the merged card`);
	}
	// B4: a participant adds no words outside raccolta; a merged card holds its originals' text.
	const merged = typedText(mergedCardText(originals.map((id) => texts.get(id)!)));
	if (ctx.writer.role !== 'facilitator' && textWritten(entry) !== merged)
		return refuse('bad-value', 'a merged card holds the text of its originals');
	return null;
}

/** The text a new card's one string holds; null when written otherwise (several items, deleted content). */
function textWritten(entry: Entry): string | null {
	const written = entry.inserts.filter((i) => i.path.length === 4 && i.path[2] === 'text');
	if (written.length === 0) return '';
	const content = written[0]!.content;
	return written.length === 1 && content instanceof Y.ContentString ? content.str : null;
}

/**
 * `mergedInto` of a card on the board changes in two ways only: a merge sets it,
 * once, to the merged card the same update creates from it (checkMergedCard
 * judges the rest: the merged card must list it); a split clears it (null) as it
 * deletes a merged card that lists the card. That need not be the card that holds
 * it now: someone who split while another merged the card again saw it in the
 * one they split. Clearing a `mergedInto` that names no merged card holding the
 * card only shows the card again.
 */
export function checkMergedInto(
	entry: Entry,
	current: Y.Map<unknown> | undefined,
	ctx: BoardWriteContext,
	entries: Entries
): Refused | null {
	const inserts = fieldInserts(entry, 'mergedInto');
	if (inserts.some((i) => !clearsValue(i.content))) {
		const target = inserts.length === 1 ? valueOf(inserts[0]!) : undefined;
		const merged = typeof target === 'string' ? entries.get(target) : undefined;
		if (!merged?.put || !mergedFromWritten(merged)?.includes(entry.key))
			return refuse('not-allowed', 'a card goes only into a merged card made of it');
		return null;
	}
	if (!holderOf(entry.key, current, ctx) || splitHere(entry.key, ctx, entries)) return null;
	return refuse('not-allowed', 'a card leaves its merged card only when that card is split');
}

/** Whether the update deletes a merged card that lists the card among its originals. */
function splitHere(key: string, ctx: BoardWriteContext, entries: Entries): boolean {
	const cards = cardsOf(ctx.doc);
	for (const entry of entries.values()) {
		const card = entry.removed ? cards.get(entry.key) : undefined;
		if (card && mergedFromOf(card).includes(key)) return true;
	}
	return false;
}

/** The merged card that holds a card, as the update finds it (`mergedHolder`). */
function holderOf(
	key: string,
	current: Y.Map<unknown> | undefined,
	ctx: BoardWriteContext
): { id: string; card: Y.Map<unknown> } | null {
	return current ? mergedHolder(ctx.doc, key, current) : null;
}

/**
 * A merged card is deleted only as `splitCard` does it: every original it
 * still holds (in its `mergedFrom`, with `mergedInto` naming it) gets its
 * `mergedInto` cleared in the same update, unless that original goes too (its
 * own removal is judged on its own).
 */
export function givesBackOriginals(
	mergedId: string,
	merged: Y.Map<unknown>,
	doc: Y.Doc,
	entries: Entries
): boolean {
	const cards = cardsOf(doc);
	for (const id of mergedFromOf(merged)) {
		const original = cards.get(id);
		if (!original || mergedIntoOf(original) !== mergedId) continue;
		const change = entries.get(id);
		if (change?.removed) continue;
		if (!change || !clearsMergedInto(change)) return false;
	}
	return true;
}

/** The merged cards the update removes in a split (every original still inside given back). */
export function splitsIn(doc: Y.Doc, entries: Entries): { id: string; card: Y.Map<unknown> }[] {
	const cards = cardsOf(doc);
	return [...entries.values()].flatMap((entry) => {
		const card = entry.removed ? cards.get(entry.key) : undefined;
		return card &&
			mergedFromOf(card).length > 0 &&
			givesBackOriginals(entry.key, card, doc, entries)
			? [{ id: entry.key, card }]
			: [];
	});
}

/**
 * An original that a split by someone who may delete its merged card gives back
 * (its author while collecting: deleting a merged card splits it, board-doc.ts):
 * `splitCard` clears its `mergedInto` and puts it in the merged card's cluster,
 * and nothing else of it changes.
 */
export function givenBackBySplit(
	entry: Entry,
	current: Y.Map<unknown> | undefined,
	ctx: BoardWriteContext,
	entries: Entries
): boolean {
	const holder = holderOf(entry.key, current, ctx);
	if (!holder || !entries.get(holder.id)?.removed) return false;
	if (!canEditCard(ctx.writer, ctx.settings, ctx.cardOwner(holder.id))) return false;
	const written = [...entry.inserts.map((i) => i.path), ...entry.removals.map((r) => r.path)];
	if (written.some((path) => path.length !== 3 || !['mergedInto', 'clusterId'].includes(path[2]!)))
		return false;
	const cluster = fieldInserts(entry, 'clusterId');
	return (
		clearsMergedInto(entry) &&
		cluster.every((i) =>
			isPlainValue(i.content, (v) => v === (holder.card.get('clusterId') ?? null))
		)
	);
}

/** The update leaves the card's `mergedInto` empty: every item it writes there is null or deleted. */
function clearsMergedInto(entry: Entry): boolean {
	const inserts = fieldInserts(entry, 'mergedInto');
	const removals = fieldRemovals(entry, 'mergedInto');
	if (inserts.length === 0 && removals.length === 0) return false;
	return inserts.every((i) => clearsValue(i.content));
}

function clearsValue(content: Insert['content']): boolean {
	return content instanceof Y.ContentDeleted || isPlainValue(content, (v) => v === null);
}

/** The originals a new merged card lists: one plain list, written once; null otherwise. */
function mergedFromWritten(entry: Entry): string[] | null {
	const inserts = fieldInserts(entry, 'mergedFrom');
	if (inserts.length !== 1 || fieldRemovals(entry, 'mergedFrom').length > 0) return null;
	const value = valueOf(inserts[0]!);
	return Array.isArray(value) && value.every((x) => typeof x === 'string') ? value : null;
}

export function fieldInserts(entry: Entry, field: CardField): Insert[] {
	return entry.inserts.filter((i) => i.path.length === 3 && i.path[2] === field);
}

function fieldRemovals(entry: Entry, field: CardField): Removal[] {
	return entry.removals.filter((r) => r.path.length === 3 && r.path[2] === field);
}

export function writesTo(entry: Entry, field: CardField): boolean {
	return fieldInserts(entry, field).length > 0 || fieldRemovals(entry, field).length > 0;
}

export const cardsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.cards);

/** The merged card a card is inside, as the board reads it (board-doc.ts); null when visible. */
function mergedIntoOf(card: Y.Map<unknown>): string | null {
	const into = card.get('mergedInto');
	return typeof into === 'string' && into !== '' ? into : null;
}

export function mergedFromOf(card: Y.Map<unknown>): string[] {
	const from = card.get('mergedFrom');
	return Array.isArray(from) ? from.filter((x): x is string => typeof x === 'string') : [];
}
