/**
 * Keeping a textarea's caret where it was while other people write in the same
 * text (issue 6). A remote change arrives as a Yjs delta; the textarea's value
 * and selection move through it the way the document did. Pure: no DOM, no Yjs.
 */
export type TextDelta = readonly { insert?: string; delete?: number; retain?: number }[];

export interface TextState {
	text: string;
	start: number;
	end: number;
}

/**
 * Applies a delta to a text and its selection. Text inserted exactly at the
 * caret goes after it, so what I am typing stays in one piece.
 */
export function applyDelta(state: TextState, delta: TextDelta): TextState {
	let { text, start, end } = state;
	let index = 0;
	for (const op of delta) {
		if (op.retain !== undefined) {
			index += op.retain;
		} else if (op.insert !== undefined) {
			const n = op.insert.length;
			text = text.slice(0, index) + op.insert + text.slice(index);
			if (start > index) start += n;
			if (end > index) end += n;
			index += n;
		} else if (op.delete !== undefined) {
			const n = Math.min(op.delete, text.length - index);
			text = text.slice(0, index) + text.slice(index + n);
			start = start > index ? Math.max(index, start - n) : start;
			end = end > index ? Math.max(index, end - n) : end;
		}
	}
	return { text, start: Math.min(start, text.length), end: Math.min(end, text.length) };
}

/** The one contiguous change that turns `before` into `after` (common prefix and suffix kept). */
export function diffAsDelta(before: string, after: string): TextDelta {
	let start = 0;
	while (start < before.length && start < after.length && before[start] === after[start]) start++;
	let tail = 0;
	while (
		tail < before.length - start &&
		tail < after.length - start &&
		before[before.length - 1 - tail] === after[after.length - 1 - tail]
	)
		tail++;
	const removed = before.length - start - tail;
	const inserted = after.slice(start, after.length - tail);
	if (removed === 0 && !inserted) return [];
	return [
		...(start > 0 ? [{ retain: start }] : []),
		...(removed > 0 ? [{ delete: removed }] : []),
		...(inserted ? [{ insert: inserted }] : [])
	];
}

/**
 * Brings a textarea to a new value when no delta is at hand (a fresh copy of the
 * board after a reconnection): the best guess of where the caret belongs.
 */
export function rebase(state: TextState, next: string): TextState {
	return applyDelta(state, diffAsDelta(state.text, next));
}
