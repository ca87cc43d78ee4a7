import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setArchived } from '$lib/plan-objectives/objective-archive-commands.server';
import type { ExportedObjective } from '$lib/plan-objectives/plan-export';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addPlan, addObjectives, exportedObjective } from '$lib/server/db/test-fixtures';
import { accountabilityCsv } from './decidim-accountability.server';
import { DECIDIM_COLUMNS } from './decidim-accountability';
import { recordMeasurement } from './monitoring-commands.server';
import { measurementInput } from './monitoring-input';
import { objectivesWithIndicators } from './monitoring-read.server';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const indicators: ExportedObjective['indicators'] = [
	{ level: 'output', kind: 'count', description: 'Famiglie', baseline: '40', target: '60' },
	{ level: 'outcome', kind: 'ratio', description: 'Rientri', baseline: '30%', target: '10%' }
];

const objective = (number: number, title: string) =>
	exportedObjective(number, title, { indicators, status: 'approved', approvedAt: '2025-12-15' });

function seededPlan() {
	const planId = addPlan(t.db, addAmbito(t.db));
	addObjectives(t.db, planId, [
		objective(1, 'Casa'),
		objective(2, '=HYPERLINK("http://x")'),
		objective(3, 'Archiviato')
	]);
	return { planId, objectives: objectivesWithIndicators(t.db, planId) };
}

function measure(planId: number, objectiveId: number, indicatorId: string, value: number) {
	const input = measurementInput.parse({ indicatorId, period: '2026-S1', value });
	const done = recordMeasurement(t.db, { planId, objectiveId }, input, { userId: null, now: 1 });
	expect(done.ok).toBe(true);
}

const parse = (csv: string) => Papa.parse<string[]>(csv, { delimiter: ',' }).data;

describe('[M12] the Decidim Accountability CSV', () => {
	it('has the documented header, one row per live objective, progress 0–100', () => {
		const { planId, objectives } = seededPlan();
		const [casa, formula, archived] = objectives;
		// 40 → 70 of a 40 → 60 target is 150; 30% → 20% of a 30% → 10% target is 50.
		measure(planId, casa!.id, casa!.indicators[0]!.id, 70);
		measure(planId, casa!.id, casa!.indicators[1]!.id, 20);
		measure(planId, formula!.id, formula!.indicators[0]!.id, 45);
		setArchived(t.db, { planId, objectiveId: archived!.id }, true, { userId: null, now: 2 });

		const csv = accountabilityCsv(t.db, planId)!;
		expect(csv.startsWith('id,')).toBe(true);
		const [header, ...rows] = parse(csv);
		expect(header).toEqual([...DECIDIM_COLUMNS]);
		expect(rows).toHaveLength(2);
		const column = (name: string) => DECIDIM_COLUMNS.indexOf(name as never);
		for (const row of rows) {
			const progress = Number(row[column('progress')]);
			expect(Number.isFinite(progress) && progress >= 0 && progress <= 100).toBe(true);
		}
		expect(rows.map((r) => r[column('id')])).toEqual([String(casa!.id), String(formula!.id)]);
		// Mean of 150 and 50 is 100; 25 alone is 25.
		expect(rows.map((r) => r[column('progress')])).toEqual(['100', '25']);
		expect(rows[1]![column('title/it')]).toBe('2. =HYPERLINK("http://x")');
		expect(rows[0]![column('description/it')]).toContain('output: Famiglie — avanzamento 150%');
		expect(rows[0]![column('start_date')]).toBe('2025-01-01');
		expect(rows[0]![column('description/it')]).toMatch(/^Macroaree: A\nStato: approvato\n/);
	});

	it('starts no cell like a formula, whatever the policy area and the title hold', () => {
		const planId = addPlan(t.db, addAmbito(t.db));
		const area = '=SUM(A1:A9)';
		addObjectives(
			t.db,
			planId,
			[{ ...objective(1, '=HYPERLINK("http://x")'), policyArea: area }],
			[{ name: area, macroAreas: ['A'] }]
		);
		const [, row] = parse(accountabilityCsv(t.db, planId)!);
		expect(row![DECIDIM_COLUMNS.indexOf('description/it')]).toContain(`Area di policy: ${area}`);
		for (const cell of row!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
	});

	it('is undefined for an unknown plan', () => {
		expect(accountabilityCsv(t.db, 9999)).toBeUndefined();
	});
});
