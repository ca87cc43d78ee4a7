import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createObjective, objectiveText, readObjectives, setObjectiveText } from './objective-doc';

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

describe('objectiveText', () => {
	it('gives the shared text of the title or of a text field, and nothing else', () => {
		const { a } = pair();
		expect(objectiveText(a, 'o1', 'title')?.toString()).toBe('Solitudine');
		expect(objectiveText(a, 'o1', 'needAreas')?.toString()).toBe('• Anziani soli la sera');
		expect(objectiveText(a, 'o1', 'needType')).toBeNull();
		expect(objectiveText(a, 'o1', 'nonesiste')).toBeNull();
		expect(objectiveText(a, 'o2', 'title')).toBeNull();
	});

	it('is the text both replicas write: an edit in one reaches the other', () => {
		const { a, b } = pair();
		objectiveText(b, 'o1', 'objectives')!.insert(0, 'Ridurre l’isolamento');
		setObjectiveText(a, 'o1', 'title', 'Solitudine serale');
		expect(readObjectives(a)[0]!.fields.objectives).toBe('Ridurre l’isolamento');
		expect(readObjectives(b)[0]!.title).toBe('Solitudine serale');
	});
});
