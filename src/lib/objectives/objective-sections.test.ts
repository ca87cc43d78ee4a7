import { describe, expect, it } from 'vitest';
import type { PresenceEntry } from '$lib/board/board-live';
import { fieldCursor, writersIn } from './objective-presence';
import { objectiveSections, sectionProgress } from './objective-sections';
import { templateFields, templateVersions } from './objective-template';

describe('[O7] the template in sections', () => {
	it.each(templateVersions)('%s: every field is in exactly one section, in template order', (v) => {
		const keys = objectiveSections(v).flatMap((s) => s.fields.map((f) => f.key));
		expect(keys).toEqual(templateFields(v).map((f) => f.key));
		expect(new Set(keys).size).toBe(keys.length);
	});

	it.each(templateVersions)('%s: no section is empty', (v) => {
		for (const section of objectiveSections(v)) expect(section.fields.length).toBeGreaterThan(0);
	});

	it('2025-2027: 21 fields in six sections', () => {
		const sections = objectiveSections('2025-2027');
		expect(sections.map((s) => [s.key, s.fields.length])).toEqual([
			['objective', 3],
			['resources', 2],
			['integration', 8],
			['need', 2],
			['approach', 3],
			['results', 3]
		]);
	});

	it('2021-2023: 14 fields, no section on the kind of intervention', () => {
		const sections = objectiveSections('2021-2023');
		expect(sections.map((s) => s.key)).toEqual([
			'objective',
			'resources',
			'integration',
			'need',
			'results'
		]);
		expect(sections.reduce((n, s) => n + s.fields.length, 0)).toBe(14);
	});

	it('counts the filled fields of each section; blanks and empty sets are not filled', () => {
		const progress = sectionProgress(objectiveSections('2025-2027'), {
			objectives: 'Sostenere i caregiver',
			plannedActions: '   ',
			needAreas: 'Famiglie con anziani',
			needType: 'NUOVO BISOGNO',
			objectiveType: [],
			innovativeCareModels: 'n/d',
			crossCuttingIntegrated: null
		});
		expect(progress).toEqual([
			{ key: 'objective', filled: 1, total: 3 },
			{ key: 'resources', filled: 0, total: 2 },
			{ key: 'integration', filled: 0, total: 8 },
			{ key: 'need', filled: 2, total: 2 },
			{ key: 'approach', filled: 1, total: 3 },
			{ key: 'results', filled: 0, total: 3 }
		]);
	});
});

describe('[O8] who is writing in a field', () => {
	const person = (id: string, name: string, cursor: string | null): PresenceEntry => ({
		id,
		name,
		organization: '',
		role: 'participant',
		typing: false,
		cursor
	});

	it('names the others whose focus is in the field, never me', () => {
		const here = fieldCursor('obj1', 'needAreas');
		const presence = [
			person('p1', 'Maria Rossi', here),
			person('me', 'Io', here),
			person('p2', 'Luca Bianchi', fieldCursor('obj1', 'target')),
			person('p3', 'Anna Verdi', 'card123'),
			person('p4', 'Sara Neri', null)
		];
		expect(writersIn(presence, 'me', 'obj1', 'needAreas')).toEqual(['Maria Rossi']);
		expect(writersIn(presence, 'me', 'obj2', 'needAreas')).toEqual([]);
	});

	it('the longest field key of a card fits the 60 characters the server passes', () => {
		const longest = Math.max(...templateFields('2025-2027').map((f) => f.key.length));
		expect(fieldCursor('x'.repeat(16), 'k'.repeat(longest)).length).toBeLessThanOrEqual(60);
	});
});
