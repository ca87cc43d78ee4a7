import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import {
	listMacroAreas,
	listTaxonomyVersions,
	loadTaxonomy,
	ensureTaxonomies
} from './taxonomy-repo.server';
import { keyPoints, leps, macroAreas, taxonomyVersions } from './taxonomy.schema';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const counts = () =>
	[taxonomyVersions, macroAreas, keyPoints, leps].map((table) => rowCount(t.db, table));

describe('ensureTaxonomies', () => {
	it('loads both versions once and leaves them alone on later calls', () => {
		const first = counts();
		expect(first[0]).toBe(2);
		expect(first[1]).toBe(21);
		const ids = listMacroAreas(t.db, '2025-2027').map((m) => m.id);
		ensureTaxonomies(t.db);
		ensureTaxonomies(t.db);
		expect(counts()).toEqual(first);
		expect(listMacroAreas(t.db, '2025-2027').map((m) => m.id)).toEqual(ids);
	});

	it('lists the versions newest cycle last, by id', () => {
		expect(listTaxonomyVersions(t.db).map((v) => [v.id, v.label])).toEqual([
			['2021-2023', 'Linee di indirizzo 2021-2023'],
			['2025-2027', 'Linee di indirizzo 2025-2027']
		]);
	});
});

describe('loadTaxonomy', () => {
	it('gives 2025-2027 its 11 macro-areas in order and its 5 LEPS', () => {
		const taxonomy = loadTaxonomy(t.db, '2025-2027')!;
		expect(taxonomy.macroAreas.map((m) => m.code)).toEqual('ABDEFGHIJKL'.split(''));
		expect(taxonomy.leps).toHaveLength(5);
		for (const l of taxonomy.leps) {
			expect(l.objectives.length).toBeGreaterThan(0);
			expect(l.indicators.length).toBeGreaterThan(0);
		}
		expect(taxonomy.macroAreas.find((m) => m.code === 'L')?.keyPoints).toEqual([]);
		expect(taxonomy.macroAreas.find((m) => m.code === 'A')?.keyPoints.length).toBeGreaterThan(0);
	});

	it('gives 2021-2023 its 10 macro-areas A-J', () => {
		expect(listMacroAreas(t.db, '2021-2023').map((m) => m.code)).toEqual('ABCDEFGHIJ'.split(''));
	});

	it('answers undefined for an unknown version', () => {
		expect(loadTaxonomy(t.db, '1999-2001')).toBeUndefined();
	});
});
