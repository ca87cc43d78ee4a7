import * as Y from 'yjs';
import { Root } from '$lib/board/board-doc';
import { checkWrittenBound, type BoardWriteContext } from '$lib/board/board-write-context';
import type { Insert, Path } from '$lib/sync/effects';
import {
	ENTRY_KEY,
	entriesOf,
	isType,
	refuse,
	textLengthAfter,
	valueOf,
	type Entry,
	type Refused,
	type RootEffects,
	type RootPolicy
} from '$lib/sync/policy';
import {
	contentMatches,
	expectedContent,
	mayChangeComment,
	mayComment,
	mayEditObjectivePart,
	MAX_COMMENTS_PER_BOARD,
	MAX_COMMENTS_PER_PARTICIPANT,
	MAX_COMMENTS_WRITTEN_PER_PARTICIPANT,
	OBJECTIVE_TEXT_MAX,
	partOf,
	validCommentValue,
	validFieldValue,
	validPartValue,
	type ObjectiveRuleContext
} from './objective-rules';

/**
 * The `objectives` root (SPEC O1): facilitators create cards and shape them;
 * participants write, while drafting and unlocked, only the parts the
 * facilitator opened. An objective id is never used twice.
 */
export const objectivePolicy: RootPolicy<BoardWriteContext> = (effects, ctx) => {
	const rules = ruleContext(ctx);
	const facilitator = ctx.writer.role === 'facilitator';
	for (const entry of entriesOf(effects).values()) {
		if (!ENTRY_KEY.test(entry.key)) return refuse('unknown-location', `no card ${entry.key}`);
		if (entry.put) {
			if (entry.put.reused) return refuse('not-allowed', `objective id ${entry.key} is taken`);
			if (!facilitator) return refuse('not-allowed', 'only facilitators create objective cards');
		}
		if (entry.removed && !facilitator)
			return refuse('not-allowed', 'only facilitators remove objective cards');
		for (const insert of entry.put ? [entry.put, ...entry.inserts] : entry.inserts) {
			const refused = checkInsert(insert, entry, rules);
			if (refused) return refused;
		}
		for (const { path } of entry.removals) {
			const kind = expectedContent([...path]);
			const shared =
				(kind === 'chars' || kind === 'value') &&
				mayEditObjectivePart(rules, partOf([...path]) ?? '');
			if (!shared) return refuse('not-allowed', 'this field is not open to participants now');
		}
	}
	return checkTextLengths(effects, ctx);
};

function checkInsert(insert: Insert, entry: Entry, rules: ObjectiveRuleContext): Refused | null {
	const path = [...insert.path];
	const kind = expectedContent(path);
	if (!kind) return refuse('unknown-location', `no place for ${path.join('/')}`);
	if (!contentMatches(kind, insert.content)) return bad(path, 'has the wrong kind of content');
	if (kind === 'value' && !(insert.content instanceof Y.ContentDeleted)) {
		const value = valueOf(insert);
		const valid =
			path[2] === 'fields' ? validFieldValue(path[3]!, value) : validPartValue(path[2]!, value);
		if (!valid) return bad(path, 'has a value that is not allowed');
	}
	if (entry.put || rules.writer.role === 'facilitator') return null;
	if (kind === 'map' || kind === 'text' || path[2] === 'sources' || path[2] === 'createdAt')
		return refuse('not-allowed', 'the structure of an objective card is the facilitator’s');
	if (!mayEditObjectivePart(rules, partOf(path) ?? ''))
		return refuse('not-allowed', 'this field is not open to participants now');
	return null;
}

function checkTextLengths(effects: RootEffects, ctx: BoardWriteContext): Refused | null {
	const texts = new Map<string, Path>();
	for (const { path } of [...effects.inserts, ...effects.removals])
		if (path.at(-1) === '#') texts.set(path.slice(0, -1).join('/'), path.slice(0, -1));
	for (const path of texts.values())
		if (textLengthAfter(ctx.doc, path, effects) > OBJECTIVE_TEXT_MAX)
			return refuse('bad-value', `text over ${OBJECTIVE_TEXT_MAX} characters`);
	return null;
}

/**
 * The `comments` root (SPEC O4, B13): comments follow the lock and the phase —
 * participants write them while drafting on an unlocked board; each in their
 * own name; the author edits, the author or a facilitator resolves or removes.
 * Their number is bounded per participant and per board.
 */
export const commentPolicy: RootPolicy<BoardWriteContext> = (effects, ctx) => {
	const { writer } = ctx;
	if (!mayComment(writer, ctx.settings))
		return refuse('not-allowed', 'comments are closed now (phase or lock)');
	let created = 0;
	/** Comments put, live or removed in the same update: every one stays in the document. */
	let written = 0;
	const removedAuthors: (string | null)[] = [];
	for (const entry of entriesOf(effects).values()) {
		if (!ENTRY_KEY.test(entry.key)) return refuse('unknown-location', `no comment ${entry.key}`);
		const author = entry.put ? writer.participantId : commentAuthor(ctx.doc, entry.key);
		if (entry.put) {
			if (entry.put.reused) return refuse('not-allowed', `comment id ${entry.key} is taken`);
			if (!isType(entry.put.content, Y.Map)) return bad(entry.put.path, 'is not a comment');
			// A comment that stays must keep its author (not one set and dropped in the
			// same update): comments are counted by author (B13).
			const live = !(entry.put.content instanceof Y.ContentDeleted);
			const named = entry.inserts.some(
				(i) =>
					i.path.length === 3 &&
					i.path[2] === 'authorId' &&
					(!live || !(i.content instanceof Y.ContentDeleted))
			);
			if (!named) return refuse('bad-value', 'a comment names its author');
			if (live) created++;
			written++;
		}
		if (entry.removed) {
			if (!mayChangeComment(writer, author, undefined))
				return refuse('not-own-item', 'only its author or a facilitator removes a comment');
			removedAuthors.push(author);
		}
		for (const insert of entry.inserts) {
			const [, , prop] = insert.path;
			if (insert.path.length !== 3) return refuse('unknown-location', insert.path.join('/'));
			if (
				!(insert.content instanceof Y.ContentDeleted) &&
				!validCommentValue(prop!, valueOf(insert), writer)
			)
				return bad(insert.path, 'has a value that is not allowed');
			if (!entry.put && !mayChangeComment(writer, author, prop))
				return refuse('not-allowed', 'only its author changes a comment');
		}
		for (const { path } of entry.removals)
			if (!mayChangeComment(writer, author, path[2]))
				return refuse('not-own-item', 'only its author changes a comment');
	}
	// Counted only when the update adds comments: editing, resolving or removing never adds.
	if (!written) return null;
	return (
		(created ? checkCommentCounts(created, removedAuthors, ctx) : null) ??
		checkWrittenBound(ctx, Root.comments, written, MAX_COMMENTS_WRITTEN_PER_PARTICIPANT, 'comments')
	);
};

/**
 * B13: the comments the board would hold after the update, in all and by the
 * writer (facilitators are bounded by the board's total only, as with cards).
 * Counting the result, not the update, so small updates add up to the same.
 */
function checkCommentCounts(
	created: number,
	removedAuthors: (string | null)[],
	ctx: BoardWriteContext
): Refused | null {
	const { participantId, role } = ctx.writer;
	let total = created - removedAuthors.length;
	let own = created - removedAuthors.filter((a) => a === participantId).length;
	for (const comment of ctx.doc.getMap<unknown>(Root.comments).values()) {
		total++;
		if (comment instanceof Y.Map && comment.get('authorId') === participantId) own++;
	}
	if (total > MAX_COMMENTS_PER_BOARD)
		return refuse('too-many', `a board holds at most ${MAX_COMMENTS_PER_BOARD} comments`);
	if (role !== 'facilitator' && own > MAX_COMMENTS_PER_PARTICIPANT)
		return refuse('too-many', `at most ${MAX_COMMENTS_PER_PARTICIPANT} comments each on a board`);
	return null;
}

function ruleContext(ctx: BoardWriteContext): ObjectiveRuleContext {
	const { phase, locked, openFields } = ctx.settings;
	return { writer: ctx.writer, phase, locked, openFields: new Set(openFields) };
}

function commentAuthor(doc: Y.Doc, id: string): string | null {
	const author = doc.getMap<Y.Map<unknown>>(Root.comments).get(id)?.get('authorId');
	return typeof author === 'string' ? author : null;
}

function bad(path: Path, what: string): Refused {
	return refuse('bad-value', `${path.join('/')} ${what}`);
}
