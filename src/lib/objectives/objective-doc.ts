import * as Y from 'yjs';
import { replaceText, Root } from '$lib/board/board-doc';
import { isTextField } from './objective-rules';
import {
	objectiveFields,
	type FieldValue,
	type Indicator,
	type ObjectiveDraft
} from './objective-template';

/**
 * Objective cards and comments in the board document (docs/BOARD.md):
 *
 *   objectives: Y.Map<id, Y.Map>  title (Y.Text), sources, fields (Y.Map: a Y.Text
 *                                 per text field, a value per flag/enum/set),
 *                                 macroAreas, keyPoints, leps, indicators, createdAt
 *   comments:   Y.Map<id, Y.Map>  objectiveId, field, parentId, text, authorId,
 *                                 createdAt, resolved
 *
 * Every text field exists from the start, so a participant never has to create
 * a type: they only type into the texts the facilitator opened.
 */
export interface ObjectiveSource {
	type: 'card' | 'cluster';
	id: string;
	label: string;
}

export interface ObjectiveView extends ObjectiveDraft {
	id: string;
	sources: ObjectiveSource[];
	createdAt: number;
}

export interface CommentView {
	id: string;
	objectiveId: string;
	field: string;
	parentId: string | null;
	text: string;
	authorId: string;
	createdAt: number;
	resolved: boolean;
}

const objectivesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.objectives);
const commentsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.comments);

export function createObjective(
	doc: Y.Doc,
	o: { id: string; title: string; sources: ObjectiveSource[]; needAreas: string; createdAt: number }
): void {
	doc.transact(() => {
		const card = new Y.Map<unknown>();
		objectivesOf(doc).set(o.id, card);
		card.set('title', new Y.Text(o.title));
		card.set('sources', o.sources);
		const fields = new Y.Map<unknown>();
		card.set('fields', fields);
		for (const f of objectiveFields) {
			if (isTextField(f.key))
				fields.set(f.key, new Y.Text(f.key === 'needAreas' ? o.needAreas : ''));
		}
		card.set('macroAreas', []);
		card.set('keyPoints', {});
		card.set('leps', []);
		card.set('indicators', []);
		card.set('createdAt', o.createdAt);
	});
}

function objective(doc: Y.Doc, id: string) {
	return objectivesOf(doc).get(id);
}

/**
 * The shared text of a card's title (`key` "title") or of one of its text
 * fields, for a textarea to bind to (text-binding.ts); null when the card or
 * the field is not there.
 */
export function objectiveText(doc: Y.Doc, id: string, key: string): Y.Text | null {
	const card = objective(doc, id);
	const text =
		key === 'title'
			? card?.get('title')
			: (card?.get('fields') as Y.Map<unknown> | undefined)?.get(key);
	return text instanceof Y.Text ? text : null;
}

/**
 * Writes a whole text field (or the title) with the fewest operations: for
 * imports, the server and tests. Typing goes through text-binding.ts, which
 * writes each edit at the caret.
 */
export function setObjectiveText(doc: Y.Doc, id: string, key: string, next: string): void {
	const text = objectiveText(doc, id, key);
	if (text) replaceText(text, next);
}

/** Sets a flag, an enumeration or a set of the template. */
export function setObjectiveValue(doc: Y.Doc, id: string, key: string, value: FieldValue): void {
	const fields = objective(doc, id)?.get('fields');
	if (fields instanceof Y.Map) fields.set(key, value);
}

/** Sets macro-areas, punti chiave, LEPS or indicators (each written as a whole). */
export function setObjectivePart(
	doc: Y.Doc,
	id: string,
	part: 'macroAreas' | 'keyPoints' | 'leps' | 'indicators',
	value: unknown
): void {
	objective(doc, id)?.set(part, value);
}

export function deleteObjective(doc: Y.Doc, id: string): void {
	objectivesOf(doc).delete(id);
}

function readFields(fields: unknown): Record<string, FieldValue> {
	const out: Record<string, FieldValue> = {};
	if (!(fields instanceof Y.Map)) return out;
	for (const f of objectiveFields) {
		const v = fields.get(f.key);
		out[f.key] = v instanceof Y.Text ? v.toString() : v === undefined ? null : (v as FieldValue);
	}
	return out;
}

export function readObjectives(doc: Y.Doc): ObjectiveView[] {
	return [...objectivesOf(doc).entries()]
		.map(([id, m]) => ({
			id,
			title: m.get('title') instanceof Y.Text ? (m.get('title') as Y.Text).toString() : '',
			sources: (m.get('sources') as ObjectiveSource[] | undefined) ?? [],
			fields: readFields(m.get('fields')),
			macroAreas: (m.get('macroAreas') as string[] | undefined) ?? [],
			keyPoints: (m.get('keyPoints') as Record<string, string[]> | undefined) ?? {},
			leps: (m.get('leps') as string[] | undefined) ?? [],
			indicators: (m.get('indicators') as Indicator[] | undefined) ?? [],
			createdAt: (m.get('createdAt') as number | undefined) ?? 0
		}))
		.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function addComment(doc: Y.Doc, c: Omit<CommentView, 'resolved'>): void {
	doc.transact(() => {
		const m = new Y.Map<unknown>();
		commentsOf(doc).set(c.id, m);
		for (const [key, value] of Object.entries(c)) if (key !== 'id') m.set(key, value);
		m.set('resolved', false);
	});
}

export function resolveComment(doc: Y.Doc, id: string, resolved: boolean): void {
	commentsOf(doc).get(id)?.set('resolved', resolved);
}

export function readComments(doc: Y.Doc): CommentView[] {
	return [...commentsOf(doc).entries()]
		.map(([id, m]) => ({
			id,
			objectiveId: String(m.get('objectiveId') ?? ''),
			field: String(m.get('field') ?? ''),
			parentId: (m.get('parentId') as string | null | undefined) ?? null,
			text: String(m.get('text') ?? ''),
			authorId: String(m.get('authorId') ?? ''),
			createdAt: (m.get('createdAt') as number | undefined) ?? 0,
			resolved: m.get('resolved') === true
		}))
		.sort((a, b) => a.createdAt - b.createdAt);
}
