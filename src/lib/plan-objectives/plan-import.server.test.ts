import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addPlan } from '$lib/server/db/test-fixtures';
import { buildPlanExport } from './plan-export.server';
import { importObjectives } from './plan-import.server';
import { planObjectives } from './plan-objective.schema';
import { macroAreaTotals } from './plan-tables';

const fixture = (name: string) =>
	JSON.parse(
		readFileSync(new URL(`../../../../shared/domain/fixtures/${name}`, import.meta.url), 'utf8')
	);

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

describe('importObjectives from the Seriate fixture', () => {
	it('imports 20 objectives and exports every field verbatim', () => {
		const seriate = fixture('seriate-2025-2027-objectives.json');
		const planId = addPlan(t.db, addAmbito(t.db));
		const result = importObjectives(t.db, planId, seriate, null, 1);
		expect(result).toMatchObject({ ok: true, imported: 20 });
		const exported = buildPlanExport(t.db, planId)!;
		expect(exported.objectives).toHaveLength(20);
		for (const source of seriate.objectives) {
			const out = exported.objectives.find((o) => o.number === source.number)!;
			expect(out.title).toBe(source.title);
			expect(Object.keys(out.verbatim)).toEqual(seriate.meta.fieldOrder);
			for (const key of seriate.meta.fieldOrder)
				expect(out.verbatim[key]).toBe(source.fields[key].verbatim);
			expect(out.macroAreas).toEqual(source.macroAreas);
			expect(out.keyPoints).toEqual(source.keyPoints);
		}
	});

	it('gives the printed totals row of the objectives × macro-areas matrix', () => {
		const planId = addPlan(t.db, addAmbito(t.db));
		importObjectives(t.db, planId, fixture('seriate-2025-2027-objectives.json'), null, 1);
		const totals = macroAreaTotals(buildPlanExport(t.db, planId)!.objectives);
		expect(totals).toEqual({ A: 6, B: 7, D: 6, E: 7, F: 6, G: 9, H: 5, I: 9, J: 9, K: 6, L: 1 });
	});

	it('round-trips: our export imported into an empty plan exports the same plan', () => {
		const first = addPlan(t.db, addAmbito(t.db, 'Primo'));
		importObjectives(t.db, first, fixture('seriate-2025-2027-objectives.json'), null, 1);
		const exported = buildPlanExport(t.db, first)!;
		const second = addPlan(t.db, addAmbito(t.db, 'Secondo'));
		expect(importObjectives(t.db, second, exported, null, 2)).toMatchObject({ ok: true });
		expect(buildPlanExport(t.db, second)).toEqual(exported);
	});

	it('saves nothing when one objective is bad, and reports every problem', () => {
		const seriate = fixture('seriate-2025-2027-objectives.json');
		seriate.objectives[3].macroAreas = ['Z'];
		seriate.objectives[7].fields.needType.normalized = 'sconosciuto';
		const planId = addPlan(t.db, addAmbito(t.db));
		const result = importObjectives(t.db, planId, seriate, null, 1);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => p.objective)).toEqual([4, 8]);
		expect(rowCount(t.db, planObjectives)).toBe(0);
	});

	it('refuses a second import with the same numbers', () => {
		const planId = addPlan(t.db, addAmbito(t.db));
		importObjectives(t.db, planId, fixture('seriate-2025-2027-objectives.json'), null, 1);
		const again = importObjectives(
			t.db,
			planId,
			fixture('seriate-2025-2027-objectives.json'),
			null,
			2
		);
		expect(again.ok).toBe(false);
		expect(rowCount(t.db, planObjectives)).toBe(20);
	});
});

describe('importObjectives from the Valle Trompia fixture', () => {
	it('imports its 34 cards of 14 fields into a plan on the 2021-2023 taxonomy', () => {
		const trompia = fixture('valletrompia-2021-2023-objectives.json');
		const planId = addPlan(t.db, addAmbito(t.db), '2021-2023');
		expect(importObjectives(t.db, planId, trompia, null, 1)).toMatchObject({
			ok: true,
			imported: 34
		});
		const exported = buildPlanExport(t.db, planId)!;
		expect(Object.keys(exported.objectives[0]!.verbatim)).toHaveLength(14);
	});

	it('refuses it in a plan on the 2025-2027 taxonomy', () => {
		const planId = addPlan(t.db, addAmbito(t.db));
		const result = importObjectives(
			t.db,
			planId,
			fixture('valletrompia-2021-2023-objectives.json'),
			null,
			1
		);
		expect(result).toMatchObject({ ok: false });
		expect(rowCount(t.db, planObjectives)).toBe(0);
	});
});
