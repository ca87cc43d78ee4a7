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
			const footnoted = seriate.meta.fieldOrder.filter((k: string) => source.fields[k].footnote);
			expect(Object.keys(out.verbatim).sort()).toEqual(
				[...seriate.meta.fieldOrder, ...footnoted.map((k: string) => `${k}.footnote`)].sort()
			);
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

	it('[PO6] keeps SI* and its footnote on objective 2 through the JSON export and its re-import', () => {
		const first = addPlan(t.db, addAmbito(t.db, 'Primo'));
		importObjectives(t.db, first, fixture('seriate-2025-2027-objectives.json'), null, 1);
		const json = JSON.parse(JSON.stringify(buildPlanExport(t.db, first)));
		const two = json.objectives.find((o: { number: number }) => o.number === 2);
		const note =
			"*Gestione comune degli affidamenti per i 7 ambiti afferenti al Consiglio di Rappresentanza dell'ASST Bergamo Est";
		expect(two.fields.asstInvolvement).toBe('SI');
		expect(two.verbatim.asstInvolvement).toBe('⊙ SI*');
		expect(two.verbatim['asstInvolvement.footnote']).toBe(note);
		expect(two.verbatim['interAmbitoCooperation.footnote']).toBe(note);
		const second = addPlan(t.db, addAmbito(t.db, 'Secondo'));
		expect(importObjectives(t.db, second, json, null, 2)).toMatchObject({ ok: true });
		const again = buildPlanExport(t.db, second)!.objectives.find((o) => o.number === 2)!;
		expect(again.verbatim).toEqual(two.verbatim);
	});

	it('[PO6] refuses a footnote of a field the template lacks', () => {
		const source = addPlan(t.db, addAmbito(t.db, 'Fonte'));
		importObjectives(t.db, source, fixture('seriate-2025-2027-objectives.json'), null, 1);
		const doc = structuredClone(buildPlanExport(t.db, source)!);
		doc.objectives = [{ ...doc.objectives[0]!, number: 99, verbatim: { 'nota.footnote': '*' } }];
		const result = importObjectives(t.db, source, doc, null, 2);
		expect(result).toMatchObject({
			ok: false,
			problems: [{ path: 'objectives[0].verbatim.nota.footnote', problem: 'unknown-field' }]
		});
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

	it('[PO6] adds the areas a cross-cutting answer names to the macro-areas, each once, keeping the text', () => {
		const trompia = fixture('valletrompia-2021-2023-objectives.json');
		const planId = addPlan(t.db, addAmbito(t.db), '2021-2023');
		importObjectives(t.db, planId, trompia, null, 1);
		const byNumber = new Map(buildPlanExport(t.db, planId)!.objectives.map((o) => [o.number, o]));
		// 1: A, and "Sì, è trasversale all'Area … Famiglia, … Anziani, … disabilità, … Inclusione Attiva".
		expect(byNumber.get(1)!.macroAreas).toEqual(['A', 'C', 'E', 'I', 'J']);
		expect(byNumber.get(1)!.fields.crossCuttingIntegrated).toBe('SI');
		expect(byNumber.get(1)!.verbatim.crossCuttingIntegrated).toMatch(/^Sì, è trasversale all’Area/);
		// 12: "trasversale a tutte le aree della programmazione".
		expect(byNumber.get(12)!.macroAreas).toHaveLength(10);
		// 15 names its own macro-area G among the crossing ones: G once.
		expect(byNumber.get(15)!.macroAreas).toEqual(['G', 'H']);
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

/** A body nested `depth` arrays deep, built without recursion. */
function nested(depth: number): unknown {
	let v: unknown = 'x';
	for (let i = 0; i < depth; i++) v = [v];
	return v;
}

/** The bad shapes of issue 12, each put into a valid document of either format. */
const badShapes: [
	string,
	(doc: { objectives: Record<string, unknown>[] } & Record<string, unknown>) => void
][] = [
	['an objective that is a string', (d) => void (d.objectives[1] = 'obiettivo' as never)],
	['an objective that is null', (d) => void (d.objectives[1] = null as never)],
	[
		'an objective nested 100,000 levels deep',
		(d) => void (d.objectives[1] = nested(100_000) as never)
	],
	['fields that are a string', (d) => void (d.objectives[1]!.fields = 'campi')],
	['fields that are a list', (d) => void (d.objectives[1]!.fields = [1, 2])],
	['fields nested 100,000 levels deep', (d) => void (d.objectives[1]!.fields = nested(100_000))],
	['policyAreas that are a string', (d) => void (d.policyAreas = 'aree')],
	['policyAreas holding null', (d) => void (d.policyAreas = [null])],
	['policyAreas nested 100,000 levels deep', (d) => void (d.policyAreas = nested(100_000))]
];

describe('[PO6] the whole document is checked before anything is saved', () => {
	const formats = {
		fixture: () => fixture('seriate-2025-2027-objectives.json'),
		ours: () => {
			const planId = addPlan(t.db, addAmbito(t.db, 'Fonte'));
			importObjectives(t.db, planId, fixture('seriate-2025-2027-objectives.json'), null, 1);
			return structuredClone(buildPlanExport(t.db, planId)!);
		}
	};
	for (const [format, source] of Object.entries(formats))
		for (const [name, spoil] of badShapes)
			it(`refuses ${name} (${format} format) with the problem's path, saving nothing`, () => {
				const doc = source();
				spoil(doc);
				const planId = addPlan(t.db, addAmbito(t.db));
				const before = rowCount(t.db, planObjectives);
				const result = importObjectives(t.db, planId, doc, null, 2);
				expect(result.ok).toBe(false);
				if (result.ok) return;
				expect(result.problems.length).toBeGreaterThan(0);
				for (const p of result.problems) expect(p.path).toMatch(/^(objectives|policyAreas)/);
				expect(rowCount(t.db, planObjectives)).toBe(before);
			});

	const refused = (doc: unknown, version = '2025-2027') => {
		const planId = addPlan(t.db, addAmbito(t.db), version);
		const result = importObjectives(t.db, planId, doc, null, 1);
		expect(rowCount(t.db, planObjectives)).toBe(0);
		return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.problem}`);
	};

	it('refuses an objective whose fields are not an object, instead of importing it empty', () => {
		const doc = fixture('seriate-2025-2027-objectives.json');
		doc.objectives[2].fields = 'n/d';
		expect(refused(doc)).toEqual(['objectives[2].fields: invalid-type record']);
	});

	it('refuses a meta.fieldOrder naming a key the template lacks, instead of dropping the field', () => {
		const doc = fixture('seriate-2025-2027-objectives.json');
		doc.meta.fieldOrder[4] = 'personale';
		expect(refused(doc)).toEqual([
			'meta.fieldOrder[4]: unknown-field personale',
			'meta.fieldOrder: missing-field dedicatedStaff'
		]);
	});

	it('refuses a printed text that is an object, instead of storing "[object Object]"', () => {
		const doc = fixture('seriate-2025-2027-objectives.json');
		doc.objectives[0].fields.target.verbatim = { testo: 'Famiglie' };
		expect(refused(doc)).toEqual(['objectives[0].fields.target.verbatim: invalid-type string']);
	});

	it('names every key the format does not have', () => {
		const doc = fixture('seriate-2025-2027-objectives.json');
		doc.objectives[0].colore = 'rosso';
		doc.objectives[1].fields.target.nota = 'x';
		expect(refused(doc)).toEqual([
			'objectives[0].colore: unknown-key colore',
			'objectives[1].fields.target.nota: unknown-key nota'
		]);
	});

	it('refuses text nobody types, as the edge does', () => {
		const doc = fixture('seriate-2025-2027-objectives.json');
		doc.objectives[0].title = 'Titolo\u0000';
		expect(refused(doc)).toEqual(['objectives[0].title: invalid-text']);
	});

	it('checks 2021-2023 choices against the template too', () => {
		const doc = fixture('valletrompia-2021-2023-objectives.json');
		doc.objectives[0].fields.socialHealthIntegration.normalized = 'FORSE';
		doc.objectives[1].fields.objectiveKind.normalized = 'QUALSIASI';
		expect(refused(doc, '2021-2023')).toEqual([
			'objectives[0].fields.socialHealthIntegration: invalid-value',
			'objectives[1].fields.objectiveKind: invalid-value'
		]);
	});

	it('refuses unknown LEPS and punti chiave, approval without a date, impossible dates, blank titles', () => {
		const source = addPlan(t.db, addAmbito(t.db, 'Fonte'));
		importObjectives(t.db, source, fixture('seriate-2025-2027-objectives.json'), null, 1);
		const doc = structuredClone(buildPlanExport(t.db, source)!);
		t.db.delete(planObjectives).run();
		doc.objectives[0]!.leps = ['LEPS inventato'];
		doc.objectives[1]!.keyPoints = { A: ['punto inventato'] };
		doc.objectives[2]!.status = 'approved';
		doc.objectives[3]!.status = 'approved';
		doc.objectives[3]!.approvedAt = '2024-02-30';
		doc.objectives[4]!.title = '   ';
		expect(refused(doc)).toEqual([
			'objectives[3].approvedAt: invalid-date',
			'objectives[4].title: missing'
		]);
		doc.objectives[3]!.approvedAt = '2024-02-29';
		doc.objectives[4]!.title = 'Titolo';
		expect(refused(doc)).toEqual([
			'objectives[0].leps: unknown-leps LEPS inventato',
			'objectives[1].keyPoints.A: unknown-key-point punto inventato',
			'objectives[2].approvedAt: approval-date-required'
		]);
	});

	it('stores the fixture objectives as consolidato: the reference gives no approval date', () => {
		const planId = addPlan(t.db, addAmbito(t.db));
		importObjectives(t.db, planId, fixture('seriate-2025-2027-objectives.json'), null, 1);
		const statuses = new Set(buildPlanExport(t.db, planId)!.objectives.map((o) => o.status));
		expect([...statuses]).toEqual(['consolidated']);
	});
});
