/**
 * What one input event did to a text field, as a single splice (issue 13). Pure:
 * no DOM, no Yjs; text-binding.ts turns the splice into a Y.Text insert/delete.
 *
 * Two texts alone do not say where an edit happened when the characters around
 * it repeat ("aa" → "aaa": which "a" is new?). The wrong answer gives the same
 * text locally but ties the new character to someone else's neighbour in the
 * CRDT, and then two people typing at one place interleave. The caret says
 * where: the field's selection before the edit and its caret after it.
 */
export interface TextEdit {
	index: number;
	remove: number;
	insert: string;
}

/** Where an edit happened: the selection start before it, the caret after it. */
export interface EditHint {
	start: number;
	caret: number;
}

/**
 * Input types that start at the selection and leave the caret after what they
 * inserted (https://w3c.github.io/input-events/#interface-InputEvent-Attributes).
 * Drops, spell-check replacements and undo land elsewhere: those get no hint.
 */
const AT_SELECTION = new Set([
	'insertText',
	'insertLineBreak',
	'insertParagraph',
	'insertFromPaste',
	'insertCompositionText',
	'deleteByCut',
	'deleteContentBackward',
	'deleteContentForward',
	'deleteWordBackward',
	'deleteWordForward',
	'deleteSoftLineBackward',
	'deleteSoftLineForward',
	'deleteHardLineBackward',
	'deleteHardLineForward'
]);

export function editsAtSelection(inputType: string): boolean {
	return AT_SELECTION.has(inputType);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The splice that turns `before` into `after`, or null when they are equal.
 * With a hint the splice starts no later than the selection did and ends no
 * earlier than the caret; without one, at the first and last differing
 * characters. A surrogate pair is never cut: the server refuses half of one.
 */
export function editFromInput(before: string, after: string, hint?: EditHint): TextEdit | null {
	if (before === after) return null;
	const common = (limit: number, at: (s: string, i: number) => string | undefined) => {
		let n = 0;
		while (n < limit && at(before, n) === at(after, n)) n++;
		return n;
	};
	const fromStart = (s: string, i: number) => s[i];
	const fromEnd = (s: string, i: number) => s[s.length - 1 - i];
	const shorter = Math.min(before.length, after.length);
	let head: number;
	let tail: number;
	if (hint) {
		tail = common(clamp(after.length - hint.caret, 0, shorter), fromEnd);
		head = common(clamp(hint.start, 0, shorter - tail), fromStart);
	} else {
		head = common(shorter, fromStart);
		tail = common(shorter - head, fromEnd);
	}
	if (head > 0 && isHighSurrogate(after.charCodeAt(head - 1))) head--;
	if (tail > 0 && isLowSurrogate(after.charCodeAt(after.length - tail))) tail--;
	return {
		index: head,
		remove: before.length - head - tail,
		insert: after.slice(head, after.length - tail)
	};
}

/** At most `room` UTF-16 units of `text`, without cutting a surrogate pair. */
export function fitText(text: string, room: number): string {
	if (text.length <= room) return text;
	if (room <= 0) return '';
	const end = isHighSurrogate(text.charCodeAt(room - 1)) ? room - 1 : room;
	return text.slice(0, end);
}

function clamp(n: number, low: number, high: number): number {
	return Math.max(low, Math.min(high, n));
}
