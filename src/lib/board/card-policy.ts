import * as Y from 'yjs';
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
import type { Insert, Path } from '$lib/sync/effects';
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
	MAX_CLUSTERS_WRITTEN_PER_PARTICIPANT,
	TARGET_MAX,
	type CardField
} from './board';
import { Root } from './board-doc';
import {
	cardsOf,
	checkMergedCard,
	checkMergedInto,
	fieldInserts,
	givenBackBySplit,
	givesBackOriginals,
	mergedFromOf,
	writesTo,
	type Entries
} from './card-merge-rules';
import { checkWrittenBound, type BoardWriteContext } from './board-write-context';

/**
 * The rules of the `cards` root (SPEC B4-B6, B9, B10, B13) over an update's
 * effects. A card id is never used twice: putting a new map at a key that held
 * a card would replace someone's card and take its ownership.
 *
 * Merges and splits (B6) are judged as the shapes board-doc.ts writes, across
 * the entries of one update: `mergeCards` creates a card whose `mergedFrom`
 * lists at least two cards on the board and sets each one's `mergedInto` to it;
 * `splitCard` deletes a merged card and clears the `mergedInto` of the originals
 * it holds. Nothing else writes those two keys,
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
			return givesBackOriginals(entry.key, current, ctx.doc, entries)
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
	if (!created) return null;
	if (ctx.doc.getMap(Root.clusters).size + created > MAX_CLUSTERS_PER_BOARD)
		return refuse('too-many', `a board holds at most ${MAX_CLUSTERS_PER_BOARD} clusters`);
	return checkWrittenBound(
		ctx,
		Root.clusters,
		created,
		MAX_CLUSTERS_WRITTEN_PER_PARTICIPANT,
		'clusters'
	);
};

const clusterRules: Record<string, (v: unknown) => boolean> = {
	title: (v) => typeof v === 'string' && v.length <= CLUSTER_TITLE_MAX,
	createdAt: (v) => typeof v === 'number' && Number.isFinite(v)
};

function bad(path: Path): Refused {
	return refuse('bad-value', `${path.join('/')} has a value that is not allowed`);
}
