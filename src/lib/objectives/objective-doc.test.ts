import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyDelta } from './live-text';
import {
	createObjective,
	observeObjectiveTexts,
	readObjectives,
	setObjectiveText
} from './objective-doc';

/** Two replicas of a board document, kept in sync as the websocket would. */
function pair() {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'remote'));
	b.on('update', (u: Uint8Array, origin: unknown) => {
		if (origin !== 'remote') Y.applyUpdate(a, u, 'remote');
	});
	createObjective(a, {
		id: 'o1',
		title: 'Solitudine',
		sources: [],
		needAreas: '• Anziani soli la sera',
		createdAt: 1
	});
	return { a, b };
}

describe('observeObjectiveTexts', () => {
	it('reports other people’s edits of a title or a text field, as deltas, and not mine', () => {
		const { a, b } = pair();
		const seen: [string, string, unknown][] = [];
		observeObjectiveTexts(b, (id, key, delta) => seen.push([id, key, delta]));
		setObjectiveText(a, 'o1', 'title', 'Solitudine serale');
		setObjectiveText(a, 'o1', 'objectives', 'Ridurre l’isolamento');
		setObjectiveText(b, 'o1', 'target', 'Anziani soli');
		expect(seen).toEqual([
			['o1', 'title', [{ retain: 10 }, { insert: ' serale' }]],
			['o1', 'objectives', [{ insert: 'Ridurre l’isolamento' }]]
		]);
	});

	it('lets a textarea follow another person’s typing while I type at my caret', () => {
		const { a, b } = pair();
		setObjectiveText(a, 'o1', 'objectives', 'isolamento');
		let screen = { text: 'isolamento', start: 10, end: 10 };
		const stop = observeObjectiveTexts(b, (_id, key, delta) => {
			if (key === 'objectives') screen = applyDelta(screen, delta);
		});
		setObjectiveText(a, 'o1', 'objectives', 'Ridurre isolamento');
		expect(screen).toEqual({ text: 'Ridurre isolamento', start: 18, end: 18 });
		const typed = `${screen.text.slice(0, screen.start)} serale${screen.text.slice(screen.end)}`;
		setObjectiveText(b, 'o1', 'objectives', typed);
		stop();
		expect(readObjectives(a)[0]!.fields.objectives).toBe('Ridurre isolamento serale');
		expect(readObjectives(b)[0]!.fields.objectives).toBe('Ridurre isolamento serale');
	});
});
