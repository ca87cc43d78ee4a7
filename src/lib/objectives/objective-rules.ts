import * as Y from 'yjs';
import type { BoardPhase, Writer } from '$lib/board/board';
import { objectiveFields, type FieldType } from './objective-template';

/**
 * Who may write what in the board's objective cards and comments (SPEC O1, O4).
 * Facilitators write everything; participants write, while drafting and
 * unlocked, only the fields the facilitator opened to them — and there they
 * share the text with everyone else, so deleting another's characters is fine.
 * Comments: anyone but observers adds them; their author edits them; the author
 * or a facilitator resolves or deletes them.
 */
export interface ObjectiveRuleContext {
	writer: Writer;
	phase: BoardPhase;
	locked: boolean;
	openFields: ReadonlySet<string>;
}

type Content = Y.Item['content'];

export const objectiveProps = [
	'title',
	'sources',
	'fields',
	'macroAreas',
	'keyPoints',
	'leps',
	'indicators',
	'createdAt'
] as const;
/** Parts of a card besides the template's fields that the facilitator can open too. */
export const openableProps = ['title', 'macroAreas', 'keyPoints', 'leps', 'indicators'] as const;
export const OBJECTIVE_TEXT_MAX = 5000;
export const COMMENT_TEXT_MAX = 1000;

/**
 * B13: comments on a board's objective cards, counted as an update would leave
 * the board. An honest participant leaves a handful in a drafting session, a
 * busy one a few dozen; a script wrote 18,000 (22 MB) in ten seconds, and every
 * newcomer must load them. Facilitators are bounded only by the board's total,
 * as with cards. Past either the socket closes (4429).
 */
export const MAX_COMMENTS_PER_PARTICIPANT = 200;
/** Ten each for the largest plenary we plan for; at 1,000 characters, ~2 MB: what 5,000 cards weigh. */
export const MAX_COMMENTS_PER_BOARD = 2000;
/**
 * Comments a participant writes over a board's life, removed ones included:
 * Yjs keeps every removed comment's item, so writing and removing in a loop
 * would grow the document without end while the live count stays low.
 */
export const MAX_COMMENTS_WRITTEN_PER_PARTICIPANT = 2 * MAX_COMMENTS_PER_PARTICIPANT;

const fieldTypes = new Map(objectiveFields.map((f) => [f.key, f]));
const textTypes: ReadonlySet<FieldType> = new Set(['richText', 'shortText', 'money']);

export function isTextField(key: string): boolean {
	const field = fieldTypes.get(key);
	return field !== undefined && textTypes.has(field.type);
}

/** May the writer change this part of an existing objective card? */
export function mayEditObjectivePart(r: ObjectiveRuleContext, part: string): boolean {
	if (r.writer.role === 'facilitator') return true;
	return (
		r.writer.role === 'participant' && r.phase === 'draft' && !r.locked && r.openFields.has(part)
	);
}

/** The value a template field may take when it is not text: SI/NO, the enums, a set. */
export function validFieldValue(key: string, value: unknown): boolean {
	const field = fieldTypes.get(key);
	if (!field || textTypes.has(field.type)) return false;
	if (value === null) return true;
	const allowed =
		field.type === 'siNo'
			? ['SI', 'NO']
			: field.type === 'siNoNd'
				? ['SI', 'NO', 'n/d']
				: (field.values ?? []);
	if (field.type === 'enumSet')
		return (
			Array.isArray(value) &&
			value.length <= allowed.length &&
			value.every((v) => allowed.includes(v as string)) &&
			new Set(value).size === value.length
		);
	return typeof value === 'string' && allowed.includes(value);
}

const strings = (v: unknown, max: number) =>
	Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string' && x.length <= 300);

/** Shape of the non-field parts of a card (values written as a whole). */
export function validPartValue(part: string, value: unknown): boolean {
	switch (part) {
		case 'sources':
			return Array.isArray(value) && value.length <= 100;
		case 'macroAreas':
		case 'leps':
			return strings(value, 20);
		case 'keyPoints':
			return (
				typeof value === 'object' &&
				value !== null &&
				!Array.isArray(value) &&
				Object.values(value).every((v) => strings(v, 30))
			);
		case 'indicators':
			return (
				Array.isArray(value) &&
				value.length <= 40 &&
				value.every((i) => typeof i === 'object' && i !== null && JSON.stringify(i).length <= 2000)
			);
		case 'createdAt':
			return typeof value === 'number';
		default:
			return false;
	}
}

export function expectedContent(path: string[]): 'map' | 'text' | 'chars' | 'value' | null {
	const [, , part, key, inner] = path;
	if (part === undefined) return 'map';
	if (part === 'title')
		return path.length === 3 ? 'text' : path.length === 4 && key === '#' ? 'chars' : null;
	if (part === 'fields') {
		if (path.length === 3) return 'map';
		if (!key || !fieldTypes.has(key)) return null;
		if (isTextField(key))
			return path.length === 4 ? 'text' : path.length === 5 && inner === '#' ? 'chars' : null;
		return path.length === 4 ? 'value' : null;
	}
	return (objectiveProps as readonly string[]).includes(part) && path.length === 3 ? 'value' : null;
}

/** The part a path belongs to for opening rules: a field key, or a card part. */
export function partOf(path: string[]): string | undefined {
	return path[2] === 'fields' ? path[3] : path[2];
}

export function contentMatches(
	kind: ReturnType<typeof expectedContent>,
	content: Content
): boolean {
	if (content instanceof Y.ContentDeleted) return true;
	if (kind === 'map') return content instanceof Y.ContentType && content.type instanceof Y.Map;
	if (kind === 'text') return content instanceof Y.ContentType && content.type instanceof Y.Text;
	if (kind === 'chars') return content instanceof Y.ContentString;
	if (kind === 'value') return content instanceof Y.ContentAny && content.arr.length === 1;
	return false;
}

export const commentProps = [
	'objectiveId',
	'field',
	'parentId',
	'text',
	'authorId',
	'createdAt',
	'resolved'
] as const;

export function validCommentValue(prop: string, value: unknown, writer: Writer): boolean {
	switch (prop) {
		case 'objectiveId':
			return typeof value === 'string' && value.length <= 40;
		case 'field':
			return (
				typeof value === 'string' &&
				(fieldTypes.has(value) || (openableProps as readonly string[]).includes(value))
			);
		case 'parentId':
			return value === null || (typeof value === 'string' && value.length <= 40);
		case 'text':
			return (
				typeof value === 'string' && value.trim().length > 0 && value.length <= COMMENT_TEXT_MAX
			);
		case 'authorId':
			return value === writer.participantId;
		case 'createdAt':
			return typeof value === 'number';
		case 'resolved':
			return typeof value === 'boolean';
		default:
			return false;
	}
}

/**
 * O4: comments follow the lock and the phase — participants write them while
 * drafting on an unlocked board; facilitators at any time; observers never.
 */
export function mayComment(writer: Writer, s: { phase: BoardPhase; locked: boolean }): boolean {
	if (writer.role === 'facilitator') return true;
	return writer.role === 'participant' && s.phase === 'draft' && !s.locked;
}

/** Comments: anyone but observers adds them; the author edits the text; author or facilitator resolves or deletes. */
export function mayChangeComment(
	writer: Writer,
	author: string | null,
	prop: string | undefined
): boolean {
	if (writer.role === 'observer') return false;
	if (writer.role === 'facilitator') return prop === undefined || prop === 'resolved';
	return (
		author === writer.participantId &&
		(prop === undefined || prop === 'text' || prop === 'resolved')
	);
}
