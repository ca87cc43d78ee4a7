import * as Y from 'yjs';
import { typedText } from '$lib/forms/plain-text';
import {
	ENTRY_KEY,
	entriesOf,
	isPlainValue,
	isType,
	isValue,
	refuse,
	textLengthAfter,
	valueOf,
	type Entry,
	type Refused,
	type RootPolicy
} from '$lib/sync/policy';
import type { Insert, Path, Removal } from '$lib/sync/effects';
import {
	canCluster,
	canCreateCardDirectly,
	canEditCard,
	CARD_TEXT_MAX,
	cardKinds,
	CLUSTER_TITLE_MAX,
	clusteringFields,
	MAX_CARDS_PER_BOARD,
	MAX_CLUSTERS_PER_BOARD,
	TARGET_MAX,
	type CardField
} from './board';
import { Root } from './board-doc';
import type { BoardWriteContext } from './board-write-context';

/**
 * The rules of the `cards` root (SPEC B4-B6, B9, B10, B13) over an update's
 * effects. A card id is never used twice: putting a new map at a key that held
 * a card would replace someone's card and take its ownership.
 *
 * Merges and splits (B6) are judged as the shapes board-doc.ts writes, across
 * the entries of one update: `mergeCards` creates a card whose `mergedFrom`
 * lists at least two cards on the board, visible, and sets each one's
 * `mergedInto` to it; `splitCard` deletes a merged card and clears the
 * `mergedInto` of the originals it holds. Nothing else writes those two keys,
 * and a card goes only to its author while collecting (B5), to a facilitator
 * (B3), or as the split of a merged card: nobody else can remove or hide a card.
 */
export const cardPolicy: RootPolicy<BoardWriteContext> = (effects, ctx) => {
	const entries = entriesOf(effects);
	let created = 0;
	for (const entry of entries.values()) {
		if (!ENTRY_KEY.test(entry.key)) return refuse('unknown-location', `no card ${entry.key}`);
		const refused = entry.put
			? checkNewCard(entry, ctx, entries)
			: checkCardChange(entry, ctx, entries);
		if (refused) return refused;
		if (entry.put) created++;
		if (textLengthAfter(ctx.doc, [Root.cards, entry.key, 'text'], effects) > CARD_TEXT_MAX)
			return refuse('bad-value', `card text over ${CARD_TEXT_MAX} characters`);
	}
	return created ? checkCardCounts(created, ctx) : null;
};

type Entries = ReadonlyMap<string, Entry>;

function checkNewCard(entry: Entry, ctx: BoardWriteContext, entries: Entries): Refused | null {
	const { writer, settings } = ctx;
	const put = entry.put!;
	if (put.reused) return refuse('not-allowed', `card id ${entry.key} is taken`);
	if (!isType(put.content, Y.Map)) return refuse('bad-value', 'a card is a map');
	const merged = writesTo(entry, 'mergedFrom');
	const allowed = merged ? canCluster(writer, settings) : canCreateCardDirectly(writer, settings);
	if (!allowed) return refuse('not-allowed', 'you cannot add cards now');
	// Every item written under authorId, not just the first: the last one written is the
	// one that stays, and a deleted item there leaves a card with no author.
	const authors = fieldInserts(entry, 'authorId');
	if (authors.some((a) => !isPlainValue(a.content, (v) => typeof v === 'string')))
		return refuse('bad-value', 'a card must name its own author');
	if (
		writer.role !== 'facilitator' &&
		(authors.length === 0 || authors.some((a) => valueOf(a) !== writer.participantId))
	)
		return refuse('bad-value', 'a card must name its own author');
	if (writesTo(entry, 'mergedInto'))
		return refuse('not-allowed', 'a new card is not inside a merged card');
	for (const insert of entry.inserts) {
		const refused = checkFieldInsert(insert, ctx);
		if (refused) return refused;
	}
	return merged ? checkMergedCard(entry, ctx, entries) : null;
}

/**
 * A new merged card (B6), as `mergeCards` makes it: its `mergedFrom`, written
 * once, lists two or more distinct cards on the board, visible (in no merged
 * card), and the same update sets the `mergedInto` of each of them, once, to it.
 */
function checkMergedCard(entry: Entry, ctx: BoardWriteContext, entries: Entries): Refused | null {
	const originals = mergedFromWritten(entry);
	if (!originals) return refuse('bad-value', 'a merged card lists its originals once');
	if (originals.length < 2 || new Set(originals).size !== originals.length)
		return refuse('bad-value', 'a merged card is made of two or more different cards');
	const cards = cardsOf(ctx.doc);
	for (const id of originals) {
		const original = cards.get(id);
		const change = entries.get(id);
		if (!original || change?.put || change?.removed)
			return refuse('not-allowed', `a merge takes cards on the board: no card ${id}`);
		if (mergedIntoOf(original) !== null)
			return refuse('not-allowed', `card ${id} is already inside a merged card`);
		// Its current value (null, or nothing) goes, by overwrite or in the delete set as Yjs
		// writes it; the one value written instead must name the merged card.
		const into = change ? fieldInserts(change, 'mergedInto') : [];
		if (into.length !== 1 || !isPlainValue(into[0]!.content, (v) => v === entry.key))
			return refuse('not-allowed', `a merge puts card ${id} into the merged card`);
	}
	// B4: a participant adds no words outside raccolta; a merged card holds its originals' text.
	if (ctx.writer.role !== 'facilitator' && textWritten(entry) !== mergedText(originals, cards))
		return refuse('bad-value', 'a merged card holds the text of its originals');
	return null;
}

/** The text mergeCards gives a merged card (board-doc.ts). */
function mergedText(originals: readonly string[], cards: Y.Map<Y.Map<unknown>>): string {
	const texts = originals.map((id) => {
		const text = cards.get(id)?.get('text');
		return text instanceof Y.Text ? text.toString() : '';
	});
	return typedText(texts.join(' / ').slice(0, CARD_TEXT_MAX));
}

/** The text a new card's one string holds; null when written otherwise (several items, deleted content). */
function textWritten(entry: Entry): string | null {
	const written = entry.inserts.filter((i) => i.path.length === 4 && i.path[2] === 'text');
	if (written.length === 0) return '';
	const content = written[0]!.content;
	return written.length === 1 && content instanceof Y.ContentString ? content.str : null;
}

function checkCardChange(entry: Entry, ctx: BoardWriteContext, entries: Entries): Refused | null {
	const { writer, settings } = ctx;
	const current = cardsOf(ctx.doc).get(entry.key);
	const owner = ctx.cardOwner(entry.key);
	const mayEdit = canEditCard(writer, settings, owner);
	if (entry.removed) {
		// B3: a facilitator removes any card.
		if (writer.role === 'facilitator') return null;
		if (current && mergedFromOf(current).length > 0) {
			if (!canCluster(writer, settings) && !mayEdit)
				return refuse('not-own-item', 'only its author deletes a card, while collecting');
			return givesBackOriginals(entry.key, current, ctx, entries)
				? null
				: refuse('not-allowed', 'a merged card goes only in a split that gives back its originals');
		}
		return mayEdit
			? null
			: refuse('not-own-item', 'only its author deletes a card, while collecting');
	}
	if (writesTo(entry, 'mergedFrom'))
		return refuse('not-allowed', 'the originals of a card are set only when it is merged');
	if (writesTo(entry, 'mergedInto')) {
		const refused = checkMergedInto(entry, current, ctx, entries);
		if (refused) return refused;
	}
	if (writer.role === 'facilitator') {
		for (const insert of entry.inserts) {
			const refused = checkFieldInsert(insert, ctx);
			if (refused) return refused;
		}
		return null;
	}
	const fields = [
		...entry.inserts.map((i) => ({ path: i.path, insert: i as Insert | null })),
		...entry.removals.map((r) => ({ path: r.path, insert: null }))
	];
	for (const { path, insert } of fields) {
		const field = path[2] as CardField;
		if (insert) {
			const refused = checkFieldInsert(insert, ctx);
			if (refused) return refused;
		}
		if (field === 'authorId') return refuse('not-allowed', 'the author of a card cannot change');
		if (field === 'text' && path.length === 3)
			return refuse('not-allowed', 'the text of a card cannot be replaced');
		if (clusteringFields.includes(field)) {
			if (!canCluster(writer, settings) && !givenBackBySplit(entry, current, ctx, entries))
				return refuse('not-allowed', 'clustering is closed for you');
		} else if (!mayEdit) {
			return refuse('not-allowed', 'you can only edit your own cards while collecting');
		}
	}
	return null;
}

/**
 * `mergedInto` of a card on the board changes in two ways only: a merge sets it,
 * once, to the merged card the same update creates from it (checkMergedCard
 * judges the rest: the card must be visible, the merged card must list it); a
 * split clears it (null) as it deletes the merged card that holds the card.
 * Clearing a `mergedInto` that names no merged card holding the card only shows
 * the card again.
 */
function checkMergedInto(
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
	const holder = holderOf(entry.key, current, ctx);
	if (!holder || entries.get(holder.id)?.removed) return null;
	return refuse('not-allowed', 'a card leaves its merged card only when that card is split');
}

/** The merged card that holds a card: named by its `mergedInto`, listing it in `mergedFrom`. */
function holderOf(
	key: string,
	current: Y.Map<unknown> | undefined,
	ctx: BoardWriteContext
): { id: string; card: Y.Map<unknown> } | null {
	const id = current ? mergedIntoOf(current) : null;
	const card = id === null ? undefined : cardsOf(ctx.doc).get(id);
	return id !== null && card && mergedFromOf(card).includes(key) ? { id, card } : null;
}

/**
 * A merged card is deleted only as `splitCard` does it: every original it
 * still holds (in its `mergedFrom`, with `mergedInto` naming it) gets its
 * `mergedInto` cleared in the same update, unless that original goes too (its
 * own removal is judged on its own).
 */
function givesBackOriginals(
	mergedId: string,
	merged: Y.Map<unknown>,
	ctx: BoardWriteContext,
	entries: Entries
): boolean {
	const cards = cardsOf(ctx.doc);
	for (const id of mergedFromOf(merged)) {
		const original = cards.get(id);
		if (!original || mergedIntoOf(original) !== mergedId) continue;
		const change = entries.get(id);
		if (change?.removed) continue;
		if (!change || !clearsMergedInto(change)) return false;
	}
	return true;
}

/**
 * An original that a split by someone who may delete its merged card gives back
 * (its author while collecting: deleting a merged card splits it, board-doc.ts):
 * `splitCard` clears its `mergedInto` and puts it in the merged card's cluster,
 * and nothing else of it changes.
 */
function givenBackBySplit(
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

function fieldInserts(entry: Entry, field: CardField): Insert[] {
	return entry.inserts.filter((i) => i.path.length === 3 && i.path[2] === field);
}

function fieldRemovals(entry: Entry, field: CardField): Removal[] {
	return entry.removals.filter((r) => r.path.length === 3 && r.path[2] === field);
}

function writesTo(entry: Entry, field: CardField): boolean {
	return fieldInserts(entry, field).length > 0 || fieldRemovals(entry, field).length > 0;
}

const cardsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.cards);

/** The merged card a card is inside, as the board reads it (board-doc.ts); null when visible. */
function mergedIntoOf(card: Y.Map<unknown>): string | null {
	const into = card.get('mergedInto');
	return typeof into === 'string' && into !== '' ? into : null;
}

function mergedFromOf(card: Y.Map<unknown>): string[] {
	const from = card.get('mergedFrom');
	return Array.isArray(from) ? from.filter((x): x is string => typeof x === 'string') : [];
}

/** The place and value of one write inside a card (B10). */
function checkFieldInsert(insert: Insert, ctx: BoardWriteContext): Refused | null {
	const { path, content } = insert;
	const field = path[2]!;
	if (field === 'text') {
		if (path.length === 3) return isType(content, Y.Text) ? null : bad(path);
		if (path.length === 4 && path[3] === '#')
			return content instanceof Y.ContentString || content instanceof Y.ContentDeleted
				? null
				: refuse('bad-value', 'card text is plain text');
		return refuse('unknown-location', path.join('/'));
	}
	if (path.length !== 3) return refuse('unknown-location', path.join('/'));
	const rule = fieldRules(ctx)[field];
	if (!rule) return refuse('unknown-location', `cards have no field ${field}`);
	// A deleted item is no author and no list of originals (checkNewCard, checkMergedCard).
	const valid = field === 'authorId' || field === 'mergedFrom' ? isPlainValue : isValue;
	return valid(content, rule) ? null : bad(path);
}

function fieldRules(ctx: BoardWriteContext): Record<string, (v: unknown) => boolean> {
	const isId = (v: unknown) => v === null || (typeof v === 'string' && ENTRY_KEY.test(v));
	return {
		kind: (v) => typeof v === 'string' && (cardKinds as string[]).includes(v),
		authorId: (v) =>
			v === ctx.writer.participantId ||
			(ctx.writer.role === 'facilitator' && typeof v === 'string'),
		clusterId: isId,
		mergedInto: isId,
		mergedFrom: (v) =>
			Array.isArray(v) &&
			v.length <= 50 &&
			v.every((x) => typeof x === 'string' && ENTRY_KEY.test(x)),
		target: (v) => typeof v === 'string' && v.length <= TARGET_MAX,
		policyAreaId: (v) => v === null || (typeof v === 'number' && ctx.policyAreaIds.has(v)),
		createdAt: (v) => typeof v === 'number' && Number.isFinite(v)
	};
}

/** B13: cards per participant per phase (the facilitator's own are bounded by the board's total). */
function checkCardCounts(created: number, ctx: BoardWriteContext): Refused | null {
	if (ctx.cardCount + created > MAX_CARDS_PER_BOARD)
		return refuse('too-many', `a board holds at most ${MAX_CARDS_PER_BOARD} cards`);
	const { writer, settings } = ctx;
	if (writer.role === 'facilitator') return null;
	if (ctx.cardsWritten(writer.participantId, settings.phase) + created > settings.cardLimit)
		return refuse('too-many', `at most ${settings.cardLimit} cards each in this phase`);
	return null;
}

/** The `clusters` root (B6, B13): whoever may cluster; titles and dates only. */
export const clusterPolicy: RootPolicy<BoardWriteContext> = (effects, ctx) => {
	if (!canCluster(ctx.writer, ctx.settings))
		return refuse('not-allowed', 'clustering is closed for you');
	let created = 0;
	for (const entry of entriesOf(effects).values()) {
		if (!ENTRY_KEY.test(entry.key)) return refuse('unknown-location', `no cluster ${entry.key}`);
		if (entry.put) {
			if (entry.put.reused) return refuse('not-allowed', `cluster id ${entry.key} is taken`);
			if (!isType(entry.put.content, Y.Map)) return bad(entry.put.path);
			created++;
		}
		for (const { path, content } of entry.inserts) {
			const valid = clusterRules[path[2]!];
			if (path.length !== 3 || !valid) return refuse('unknown-location', path.join('/'));
			if (!isValue(content, valid)) return bad(path);
		}
	}
	// Counted only when the update adds clusters: most updates never touch them.
	if (created && ctx.doc.getMap(Root.clusters).size + created > MAX_CLUSTERS_PER_BOARD)
		return refuse('too-many', `a board holds at most ${MAX_CLUSTERS_PER_BOARD} clusters`);
	return null;
};

const clusterRules: Record<string, (v: unknown) => boolean> = {
	title: (v) => typeof v === 'string' && v.length <= CLUSTER_TITLE_MAX,
	createdAt: (v) => typeof v === 'number' && Number.isFinite(v)
};

function bad(path: Path): Refused {
	return refuse('bad-value', `${path.join('/')} has a value that is not allowed`);
}
