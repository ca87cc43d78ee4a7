import { describe, expect, it } from 'vitest';
import { editFromInput, editsAtSelection, fitText } from './text-edit';

describe('[O6] editFromInput: the splice one input made', () => {
	const cases = [
		{
			name: 'a character typed among equal ones lands at the caret, not after them',
			before: 'aab',
			after: 'aaab',
			hint: { start: 0, caret: 1 },
			edit: { index: 0, remove: 0, insert: 'a' }
		},
		{
			name: 'the same text with the caret in the middle',
			before: 'aab',
			after: 'aaab',
			hint: { start: 1, caret: 2 },
			edit: { index: 1, remove: 0, insert: 'a' }
		},
		{
			name: 'backspace removes the character before the caret',
			before: 'aab',
			after: 'ab',
			hint: { start: 2, caret: 1 },
			edit: { index: 1, remove: 1, insert: '' }
		},
		{
			name: 'delete removes the character after the caret',
			before: 'abcd',
			after: 'abd',
			hint: { start: 2, caret: 2 },
			edit: { index: 2, remove: 1, insert: '' }
		},
		{
			name: 'typing over a selection replaces it',
			before: 'uno due tre',
			after: 'uno 2 tre',
			hint: { start: 4, caret: 5 },
			edit: { index: 4, remove: 3, insert: '2' }
		},
		{
			name: 'without a hint: first and last differing characters',
			before: 'abcdef',
			after: 'abXYef',
			hint: undefined,
			edit: { index: 2, remove: 2, insert: 'XY' }
		},
		{
			name: 'never cuts a surrogate pair (two emoji sharing their first half)',
			before: 'a😀b',
			after: 'a😁b',
			hint: undefined,
			edit: { index: 1, remove: 2, insert: '😁' }
		}
	];
	for (const c of cases)
		it(c.name, () => expect(editFromInput(c.before, c.after, c.hint)).toEqual(c.edit));

	it('finds nothing when nothing changed', () =>
		expect(editFromInput('same', 'same', { start: 4, caret: 4 })).toBeNull());

	it('trusts the selection only for edits made there', () => {
		expect(editsAtSelection('insertText')).toBe(true);
		expect(editsAtSelection('deleteContentBackward')).toBe(true);
		expect(editsAtSelection('insertFromDrop')).toBe(false);
		expect(editsAtSelection('historyUndo')).toBe(false);
	});
});

describe('fitText', () => {
	it('keeps what fits and never half an emoji', () => {
		expect(fitText('abc', 5)).toBe('abc');
		expect(fitText('abc', 2)).toBe('ab');
		expect(fitText('a😀', 2)).toBe('a');
		expect(fitText('abc', -1)).toBe('');
	});
});
