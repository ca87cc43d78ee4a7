import * as Y from 'yjs';
import { typedText } from '$lib/forms/plain-text';
import { editFromInput, editsAtSelection, fitText, type EditHint } from './text-edit';

/**
 * A textarea or a one-line input bound live to a Y.Text (issue 13).
 *
 * Each local edit becomes one insert/delete at the caret, never a rewrite of the
 * whole value, so what I type is tied to the characters I typed it after. Each
 * remote edit replaces the field's value and puts my caret and selection back
 * where they were through Yjs relative positions, anchored to the character
 * left of the caret: text someone else inserts exactly at my caret goes after
 * it, and my next keystroke still follows my own last one. Together the two
 * keep two people typing at one place from interleaving their words.
 *
 * Checked y-textarea (npm) first: it diffs the whole value on every input and
 * anchors the caret to the character on its right, which is the interleaving
 * this module exists to prevent; it cannot strip control characters either.
 */

/** What the binding needs of the field; an HTMLTextAreaElement or HTMLInputElement fits. */
export interface TextField {
	value: string;
	readonly selectionStart: number | null;
	readonly selectionEnd: number | null;
	setSelectionRange(start: number, end: number): void;
	scrollTop: number;
	readonly ownerDocument: { readonly activeElement: unknown };
	addEventListener(type: 'beforeinput' | 'input', listener: (event: Event) => void): void;
	removeEventListener(type: 'beforeinput' | 'input', listener: (event: Event) => void): void;
}

export interface BindingOptions {
	/** Asked before every local edit; when false the edit is undone (SPEC O1). */
	mayWrite(): boolean;
	/** The server's bound on the text (O5): an insert that would pass it is cut. */
	maxLength: number;
}

interface Anchors {
	start: Y.RelativePosition;
	end: Y.RelativePosition;
}

/**
 * Binds `field` to `text` until the returned function is called. The field
 * shows the text at once. Inserted text loses its control characters
 * (forms/plain-text.ts), as the server refuses them.
 */
export function bindText(text: Y.Text, field: TextField, options: BindingOptions): () => void {
	const doc = text.doc;
	if (!doc) throw new Error('bindText: the text is not in a document');
	const origin = Symbol('text-binding');
	let shown = '';
	let hint: { start: number } | null = null;
	let anchors: Anchors | null = null;

	const focused = () => field.ownerDocument.activeElement === field;
	const show = (start: number, end: number) => {
		const scroll = field.scrollTop;
		shown = asShown(text.toString());
		if (field.value !== shown) field.value = shown;
		if (focused()) field.setSelectionRange(start, end);
		field.scrollTop = scroll;
	};
	// Bound again to a fresh copy of the board, a focused field keeps its caret.
	show(
		Math.min(field.selectionStart ?? 0, text.length),
		Math.min(field.selectionEnd ?? 0, text.length)
	);

	// Before any change to the document, remember my selection as positions in the
	// text; a field without focus shows no caret, so it has none to keep.
	const remember = (tr: Y.Transaction) => {
		anchors = tr.origin !== origin && focused() ? anchorsOf(text, field) : null;
	};
	const follow = (_event: Y.YTextEvent, tr: Y.Transaction) => {
		if (tr.origin === origin) return;
		const start = anchors && Y.createAbsolutePositionFromRelativePosition(anchors.start, doc);
		const end = anchors && Y.createAbsolutePositionFromRelativePosition(anchors.end, doc);
		const length = text.length;
		show(Math.min(start?.index ?? length, length), Math.min(end?.index ?? length, length));
	};

	const beforeInput = (event: Event) => {
		if (!options.mayWrite()) {
			event.preventDefault();
			return;
		}
		const type = (event as InputEvent).inputType ?? '';
		hint = editsAtSelection(type) ? { start: field.selectionStart ?? 0 } : null;
	};
	const input = () => {
		const caret = field.selectionEnd ?? field.value.length;
		const where: EditHint | undefined = hint ? { start: hint.start, caret } : undefined;
		hint = null;
		const edit = editFromInput(shown, field.value, where);
		if (!edit) return;
		if (!options.mayWrite()) return show(edit.index, edit.index);
		const room = options.maxLength - (text.length - edit.remove);
		const insert = fitText(typedText(edit.insert), room);
		doc.transact(() => {
			unifyLineEnds(text);
			if (edit.remove > 0) text.delete(edit.index, edit.remove);
			if (insert) text.insert(edit.index, insert);
		}, origin);
		if (insert === edit.insert) shown = field.value;
		else show(edit.index + insert.length, edit.index + insert.length);
	};

	doc.on('beforeTransaction', remember);
	text.observe(follow);
	field.addEventListener('beforeinput', beforeInput);
	field.addEventListener('input', input);
	return () => {
		doc.off('beforeTransaction', remember);
		text.unobserve(follow);
		field.removeEventListener('beforeinput', beforeInput);
		field.removeEventListener('input', input);
	};
}

/** A textarea shows every line end as "\n", whatever the text holds. */
const asShown = (value: string) => value.replace(/\r\n?/g, '\n');

/**
 * Makes the text hold line ends as its textarea shows them, so the field's
 * indices are the text's: before the first edit of a text that came in with
 * "\r\n" (a form post), each "\r" goes, one character at a time.
 */
function unifyLineEnds(text: Y.Text): void {
	const value = text.toString();
	for (let i = value.lastIndexOf('\r'); i >= 0; i = value.lastIndexOf('\r', i - 1)) {
		text.delete(i, 1);
		if (value[i + 1] !== '\n') text.insert(i, '\n');
		if (i === 0) break;
	}
}

/**
 * A caret sticks to the character on its left (assoc -1), so remote text typed
 * at it lands after it. A selection's start sticks to its first character, so
 * text typed just before a selection stays outside it.
 */
function anchorsOf(text: Y.Text, field: TextField): Anchors {
	const length = text.length;
	const end = Math.min(field.selectionEnd ?? length, length);
	const start = Math.min(field.selectionStart ?? end, end);
	return {
		start: Y.createRelativePositionFromTypeIndex(text, start, start < end ? 0 : -1),
		end: Y.createRelativePositionFromTypeIndex(text, end, -1)
	};
}
