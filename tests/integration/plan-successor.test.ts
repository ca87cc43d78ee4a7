import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { successorInput } from '$lib/monitoring/monitoring-input';
import { createSuccessor } from '$lib/monitoring/successor-commands.server';
import { setArchived } from '$lib/plan-objectives/objective-archive-commands.server';
import { importObjectives } from '$lib/plan-objectives/plan-import.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { planObjectiveRevisions, planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import { getPlan, listPolicyAreas } from '$lib/plan/plan-repo.server';
import { plans, policyAreas } from '$lib/plan/plan.schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import {
	addAmbito,
	addObjectives,
	addPlan,
	addPolicyArea,
	exportedObjective,
	macroAreaIds,
	planDocument
} from '$lib/server/db/test-fixtures';

/**
 * [M41–M44] «Crea il piano successivo» on a real SQLite file: a 2021-2023 plan carried
 * into 2025-2027 through the documented mapping table, and every bad input refused with
 * nothing created.
 */
let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const actor = { userId: null, now: Date.parse('2024-10-01T09:00:00Z') };

/** A Valle Trompia-like 2021-2023 plan: C (inclusione attiva) and H objectives, one archived. */
function plan2021() {
	const ambitoId = addAmbito(t.db, 'Ambito di Valle Trompia');
	const planId = addPlan(t.db, ambitoId, '2021-2023');
	const saved = t.db.update(plans).set({ period: '2021-2023' }).where(eq(plans.id, planId)).run();
	expect(saved.changes).toBe(1);
	const codes = macroAreaIds(t.db, '2021-2023');
	addPolicyArea(t.db, planId, 'Inclusione', [codes.get('A')!, codes.get('C')!]);
	addPolicyArea(t.db, planId, 'Lavoro', [codes.get('H')!]);
	const doc = planDocument(
		[
			exportedObjective(1, 'Reti di inclusione attiva', {
				policyArea: 'Inclusione',
				macroAreas: ['C'],
				keyPoints: {
					C: [
						'Facilitare l’accesso alle opportunità di benessere e partecipazione attiva',
						'Sviluppo delle reti'
					]
				},
				fields: { target: 'Giovani adulti', continuityWithPreviousPlan: 'NO', impact: 'Meno NEET' },
				verbatim: { target: '<p>Giovani adulti</p>' },
				indicators: [
					{ level: 'output', kind: 'count', description: 'Percorsi', baseline: '10', target: '30' }
				],
				status: 'approved',
				approvedAt: '2021-06-30'
			}),
			exportedObjective(2, 'Lavoro per i NEET', {
				policyArea: 'Lavoro',
				macroAreas: ['H'],
				keyPoints: { H: ['NEET'] },
				status: 'approved',
				approvedAt: '2021-06-30'
			}),
			exportedObjective(3, 'Archiviato', { macroAreas: ['B'] })
		],
		[
			{ name: 'Inclusione', macroAreas: ['A', 'C'] },
			{ name: 'Lavoro', macroAreas: ['H'] }
		]
	);
	const imported = importObjectives(
		t.db,
		planId,
		{
			...doc,
			plan: { title: 'Piano 2021-2023', period: '2021-2023', taxonomyVersion: '2021-2023' }
		},
		null,
		1
	);
	if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
	const [inclusion, neet, archived] = listPlanObjectives(t.db, planId);
	setArchived(t.db, { planId, objectiveId: archived!.id }, true, actor);
	return { planId, inclusion: inclusion!, neet: neet!, archived: archived! };
}

const body = (b: Record<string, unknown>) =>
	successorInput.parse({
		title: 'Piano di Zona 2025-2027',
		period: '2025-2027',
		taxonomyVersion: '2025-2027',
		...b
	});

const counts = () => ({
	plans: t.db.select().from(plans).all().length,
	objectives: t.db.select().from(planObjectives).all().length,
	areas: t.db.select().from(policyAreas).all().length,
	revisions: t.db.select().from(planObjectiveRevisions).all().length
});

describe('[M41–M44] the next plan from a 2021-2023 plan', () => {
	it('carries the chosen objectives as drafts in continuità, linked to their predecessors', () => {
		const { planId, inclusion, neet } = plan2021();
		const done = createSuccessor(
			t.db,
			getPlan(t.db, planId)!,
			body({ objectiveIds: [neet.id, inclusion.id] }),
			actor
		);
		if (!done.ok) throw new Error(done.reason);
		expect(done.value.carried).toBe(2);
		const next = getPlan(t.db, done.value.id)!;
		expect(next).toMatchObject({
			predecessorId: planId,
			ambitoId: getPlan(t.db, planId)!.ambitoId,
			taxonomyVersionId: '2025-2027',
			status: 'drafting',
			period: '2025-2027'
		});
		const [first, second] = listPlanObjectives(t.db, next.id);
		expect([first!.number, first!.title, first!.predecessorId]).toEqual([
			1,
			'Reti di inclusione attiva',
			inclusion.id
		]);
		expect([second!.number, second!.predecessorId]).toEqual([2, neet.id]);
		expect(first).toMatchObject({ status: 'draft', approvedAt: null, template: '2025-2027' });
		// [M42] same-key text fields kept with their verbatim; continuity answered SI; 2021-only fields dropped.
		expect(first!.fields).toEqual({ target: 'Giovani adulti', continuityWithPreviousPlan: 'SI' });
		expect(first!.verbatim).toEqual({ target: '<p>Giovani adulti</p>' });
		expect(first!.indicators).toEqual(inclusion.indicators);
		expect(first!.policyArea).toBe('Inclusione');
	});

	it('maps C into A and the renamed punti chiave, and leaves the open one for the UdP', () => {
		const { planId, inclusion, neet } = plan2021();
		const done = createSuccessor(
			t.db,
			getPlan(t.db, planId)!,
			body({ objectiveIds: [inclusion.id, neet.id] }),
			actor
		);
		if (!done.ok) throw new Error(done.reason);
		const [first, second] = listPlanObjectives(t.db, done.value.id);
		expect(first!.macroAreas).toEqual(['A']);
		expect(first!.keyPoints).toEqual({
			A: ["Facilitare l'accesso alle opportunità di benessere e partecipazione attiva"]
		});
		expect(second!.macroAreas).toEqual(['H']);
		expect(second!.keyPoints).toEqual({ H: ['Interventi a favore dei NEET'] });
		const open = {
			kind: 'keyPoint',
			oldCode: 'Sviluppo delle reti',
			macroArea: 'C',
			candidates: [
				'A|Rafforzamento delle reti sociali',
				'A|Allargamento della rete e co-programmazione'
			]
		};
		expect(done.value.needsMapping).toEqual([
			{
				...open,
				objectiveId: first!.id,
				predecessorId: inclusion.id,
				number: 1,
				title: first!.title
			}
		]);
		expect(first!.pendingMapping).toEqual([open]);
		expect(second!.pendingMapping).toEqual([]);
		// [M44] the policy areas come along; «Inclusione» had A and C: now A once.
		expect(
			listPolicyAreas(t.db, done.value.id).map((a) => [a.name, a.macroAreas.map((m) => m.code)])
		).toEqual([
			['Inclusione', ['A']],
			['Lavoro', ['H']]
		]);
	});

	it('keeps the previous plan as it was', () => {
		const { planId, inclusion } = plan2021();
		const before = listPlanObjectives(t.db, planId);
		createSuccessor(t.db, getPlan(t.db, planId)!, body({ objectiveIds: [inclusion.id] }), actor);
		expect(listPlanObjectives(t.db, planId)).toEqual(before);
	});
});

describe('[M41] bad input creates nothing', () => {
	it.each([
		['an archived objective', 'archived', 'unknown-objective'],
		['an objective of another plan', 'foreign', 'unknown-objective'],
		['an objective that does not exist', 'missing', 'unknown-objective'],
		['an unknown taxonomy version', 'taxonomy', 'unknown-taxonomy'],
		['a period that does not follow', 'period', 'period-not-after'],
		['a period that overlaps the plan’s', 'overlap', 'period-not-after']
	])('refuses %s', (_, kind, reason) => {
		const { planId, inclusion, archived } = plan2021();
		const other = addPlan(t.db, addAmbito(t.db, 'Altro'));
		addObjectives(t.db, other, [exportedObjective(1, 'Altrui')]);
		const foreign = listPlanObjectives(t.db, other)[0]!.id;
		const ids = { archived: archived.id, foreign, missing: 999_999 } as Record<string, number>;
		const before = counts();
		const done = createSuccessor(
			t.db,
			getPlan(t.db, planId)!,
			body({
				objectiveIds: [inclusion.id, ...(ids[kind] ? [ids[kind]] : [])],
				...(kind === 'taxonomy' ? { taxonomyVersion: '2099-2101' } : {}),
				...(kind === 'period' ? { period: '2020-2022' } : {}),
				...(kind === 'overlap' ? { period: '2022-2024' } : {})
			}),
			actor
		);
		expect(done).toMatchObject({ ok: false, reason });
		if (ids[kind]) expect(done).toMatchObject({ unknown: [String(ids[kind])] });
		expect(counts()).toEqual(before);
	});

	it.each([
		['no objectives', { objectiveIds: [] }],
		['a repeated objective', { objectiveIds: [1, 1] }],
		['a malformed period', { period: '2025-2026' }],
		['a period that is not years', { period: 'prossimo' }],
		['an empty title', { title: '  ' }],
		['an unknown key', { extra: 1 }],
		['ids that are not numbers', { objectiveIds: ['1'] }]
	])('the schema refuses %s', (_, b) => {
		expect(
			successorInput.safeParse({
				title: 'Piano',
				period: '2025-2027',
				taxonomyVersion: '2025-2027',
				objectiveIds: [1],
				...b
			}).success
		).toBe(false);
	});
});
