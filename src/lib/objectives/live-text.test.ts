import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDelta, diffAsDelta, rebase } from './live-text';

describe('applyDelta: the caret follows remote edits', () => {
	const cases = [
		{
			name: 'an insertion before the caret moves it right',
			state: { text: 'ciao mondo', start: 7, end: 7 },
			delta: [{ insert: '>> ' }],
			expected: { text: '>> ciao mondo', start: 10, end: 10 }
		},
		{
			name: 'an insertion after the caret leaves it alone',
			state: { text: 'ciao mondo', start: 4, end: 4 },
			delta: [{ retain: 10 }, { insert: '!' }],
			expected: { text: 'ciao mondo!', start: 4, end: 4 }
		},
		{
			name: 'an insertion exactly at the caret goes after it (my typing stays in one piece)',
			state: { text: 'ab', start: 1, end: 1 },
			delta: [{ retain: 1 }, { insert: 'X' }],
			expected: { text: 'aXb', start: 1, end: 1 }
		},
		{
			name: 'a deletion before the caret moves it left',
			state: { text: 'anziani soli', start: 12, end: 12 },
			delta: [{ delete: 8 }],
			expected: { text: 'soli', start: 4, end: 4 }
		},
		{
			name: 'a deletion around the selection collapses it to the deletion point',
			state: { text: 'uno due tre', start: 5, end: 6 },
			delta: [{ retain: 4 }, { delete: 4 }],
			expected: { text: 'uno tre', start: 4, end: 4 }
		},
		{
			name: 'a replacement inside the selection keeps its ends around the new text',
			state: { text: 'uno due tre', start: 3, end: 8 },
			delta: [{ retain: 4 }, { delete: 3 }, { insert: 'quattro' }],
			expected: { text: 'uno quattro tre', start: 3, end: 12 }
		}
	];
	for (const c of cases) {
		it(c.name, () => expect(applyDelta(c.state, c.delta)).toEqual(c.expected));
	}

	it('matches what Yjs does to the same text', () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		text.insert(0, 'Ridurre isolamento');
		let state = { text: text.toString(), start: 8, end: 8 };
		text.observe((e) => (state = applyDelta(state, e.delta as never)));
		doc.transact(() => {
			text.insert(0, 'Obiettivo: ');
			text.insert(text.length, ' degli anziani');
			text.delete(11, 8);
		});
		expect(state.text).toBe(text.toString());
		expect(state).toEqual({ text: 'Obiettivo: isolamento degli anziani', start: 11, end: 11 });
	});
});

describe('diffAsDelta and rebase', () => {
	it('finds the single change between two texts', () => {
		expect(diffAsDelta('abcdef', 'abXYef')).toEqual([
			{ retain: 2 },
			{ delete: 2 },
			{ insert: 'XY' }
		]);
		expect(diffAsDelta('same', 'same')).toEqual([]);
		expect(diffAsDelta('', 'new')).toEqual([{ insert: 'new' }]);
	});

	it('moves the caret through a change seen only as before and after', () => {
		expect(rebase({ text: 'mondo', start: 5, end: 5 }, 'ciao mondo')).toEqual({
			text: 'ciao mondo',
			start: 10,
			end: 10
		});
	});
});
