import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setArchived } from '$lib/plan-objectives/objective-archive-commands.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import type { ExportedObjective } from '$lib/plan-objectives/plan-export';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import {
	addAmbito,
	addPlan,
	addObjectives,
	monitoredIndicators,
	monitoredObjective
} from '$lib/server/db/test-fixtures';
import { recordMeasurement, saveEvaluation } from './monitoring-commands.server';
import { measurementInput } from './monitoring-input';
import {
	monitoringOfPeriod,
	objectiveMonitoring,
	objectivesWithIndicators,
	planEvaluation
} from './monitoring-read.server';
import { indicatorMeasurements, objectiveEvaluations } from './monitoring.schema';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const indicators: ExportedObjective['indicators'] = [
	...monitoredIndicators,
	{ level: 'processo', kind: 'protocol', description: 'Protocollo firmato' }
];

function planWithTwo() {
	const planId = addPlan(t.db, addAmbito(t.db));
	addObjectives(t.db, planId, [
		monitoredObjective(1, 'Casa', indicators),
		monitoredObjective(2, 'Lavoro', indicators)
	]);
	const [casa, lavoro] = objectivesWithIndicators(t.db, planId);
	return { planId, casa: casa!, lavoro: lavoro! };
}

const actor = { userId: null, now: 100 };
const body = (b: Record<string, unknown>) => measurementInput.parse(b);
const count = () => t.db.select().from(indicatorMeasurements).all().length;

describe('[M8] measurements', () => {
	it('store one per indicator and period, a repeat replacing it and keeping the earlier in history', () => {
		const { planId, casa } = planWithTwo();
		const ref = { planId, objectiveId: casa.id };
		const families = casa.indicators[0]!.id;
		const first = recordMeasurement(
			t.db,
			ref,
			body({ indicatorId: families, period: '2026-S1', value: 45 }),
			actor
		);
		expect(first).toMatchObject({ ok: true, value: { replaced: false } });
		const again = recordMeasurement(
			t.db,
			ref,
			body({ indicatorId: families, period: '2026-S1', value: 50, note: 'Corretto' }),
			{ userId: null, now: 200 }
		);
		expect(again).toMatchObject({ ok: true, value: { replaced: true } });
		const rows = t.db.select().from(indicatorMeasurements).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ value: 50, note: 'Corretto', enteredAt: 200 });
		expect(rows[0]!.history).toEqual([
			{
				value: 45,
				numerator: null,
				denominator: null,
				note: '',
				source: '',
				enteredBy: null,
				enteredAt: 100
			}
		]);
	});

	it('[M3] takes a ratio as a percentage or as its two counts', () => {
		const { planId, casa } = planWithTwo();
		const ratio = casa.indicators[1]!.id;
		const ref = { planId, objectiveId: casa.id };
		expect(
			recordMeasurement(
				t.db,
				ref,
				body({ indicatorId: ratio, period: '2025-S2', numerator: 5, denominator: 20 }),
				actor
			).ok
		).toBe(true);
		expect(t.db.select().from(indicatorMeasurements).get()).toMatchObject({
			value: 25,
			numerator: 5,
			denominator: 20
		});
	});

	it.each([
		[{ indicatorId: 'i00000000', period: '2026-S1', value: 1 }, 'unknown-indicator'],
		[{ period: '2024-S2', value: 1 }, 'period-outside-plan'],
		[{ period: '2026-S3', value: 1 }, 'period-malformed'],
		[{ period: '2026-S1' }, 'value-required'],
		[{ period: '2026-S1', value: null }, 'value-required'],
		[{ period: '2026-S1', numerator: 1, denominator: 2 }, 'ratio-parts-not-ratio']
	])('refuses %o as %s and saves nothing', (b, reason) => {
		const { planId, casa } = planWithTwo();
		const input = body({ indicatorId: casa.indicators[0]!.id, ...b });
		expect(recordMeasurement(t.db, { planId, objectiveId: casa.id }, input, actor)).toMatchObject({
			ok: false,
			reason
		});
		expect(count()).toBe(0);
	});

	it.each([
		[1, { value: 5, numerator: 1, denominator: 2 }, 'value-and-ratio-parts'],
		[1, { numerator: 1 }, 'ratio-parts-incomplete'],
		[1, { numerator: 1, denominator: 0 }, 'denominator-zero'],
		[2, {}, 'note-required']
	])('refuses on indicator %i %o as %s', (n, b, reason) => {
		const { planId, casa } = planWithTwo();
		const input = body({ indicatorId: casa.indicators[n]!.id, period: '2026-S1', ...b });
		expect(recordMeasurement(t.db, { planId, objectiveId: casa.id }, input, actor)).toMatchObject({
			reason
		});
		expect(count()).toBe(0);
	});

	it('[M3] keeps a value to six decimals: a rate from a spreadsheet rounded, 5e-324 is 0', () => {
		const value = (v: number) =>
			measurementInput.parse({ indicatorId: 'i', period: '2026-S1', value: v }).value;
		expect([5e-324, 1 / 3, -1e-7, 12.5, 0.1 + 0.2].map(value)).toEqual([0, 0.333333, 0, 12.5, 0.3]);
	});

	it('[M3] lets a protocol carry a note without a number', () => {
		const { planId, casa } = planWithTwo();
		const input = body({
			indicatorId: casa.indicators[2]!.id,
			period: '2026-S1',
			note: 'Firmato a marzo'
		});
		expect(recordMeasurement(t.db, { planId, objectiveId: casa.id }, input, actor).ok).toBe(true);
	});

	it('[M9] refuses an objective of another plan or an archived one', () => {
		const { planId, casa } = planWithTwo();
		const other = addPlan(t.db, addAmbito(t.db, 'Altro'));
		const input = body({ indicatorId: casa.indicators[0]!.id, period: '2026-S1', value: 1 });
		expect(
			recordMeasurement(t.db, { planId: other, objectiveId: casa.id }, input, actor)
		).toMatchObject({
			reason: 'unknown-objective'
		});
		setArchived(t.db, { planId, objectiveId: casa.id }, true, actor);
		expect(recordMeasurement(t.db, { planId, objectiveId: casa.id }, input, actor)).toMatchObject({
			reason: 'unknown-objective'
		});
		expect(count()).toBe(0);
	});
});

describe('[M10] the monitoring of a period', () => {
	it('gives the latest value up to the period, its progress, and what is missing', () => {
		const { planId, casa, lavoro } = planWithTwo();
		const [families, ratio] = casa.indicators.map((i) => i.id);
		const ref = { planId, objectiveId: casa.id };
		recordMeasurement(
			t.db,
			ref,
			body({ indicatorId: families, period: '2025-S2', value: 45 }),
			actor
		);
		recordMeasurement(
			t.db,
			ref,
			body({ indicatorId: families, period: '2026-S1', value: 50 }),
			actor
		);
		recordMeasurement(
			t.db,
			ref,
			body({ indicatorId: families, period: '2026-S2', value: 70 }),
			actor
		);
		recordMeasurement(t.db, ref, body({ indicatorId: ratio, period: '2025-S2', value: 20 }), actor);

		const [c, l] = monitoringOfPeriod(t.db, planId, '2026-S1');
		expect(
			c!.indicators.map((i) => [i.latest?.period ?? null, i.latest?.value ?? null, i.progress])
		).toEqual([
			['2026-S1', 50, 50],
			['2025-S2', 20, 50],
			[null, null, null]
		]);
		expect(c!.missing).toEqual([ratio, casa.indicators[2]!.id]);
		expect(l!.missing).toEqual(lavoro.indicators.map((i) => i.id));
	});
});

describe('[M7] evaluation', () => {
	const grid = {
		actionsPlanned: 10,
		actionsDone: 5,
		budgetPlanned: 1000,
		budgetPaid: 1200,
		userEvaluation: 'Non pertinente',
		resourceAdequacy: 'Adeguato',
		notes: null
	};

	it('is saved whole, replaced by the next save, and read back with its bands', () => {
		const { planId, casa } = planWithTwo();
		const saved = saveEvaluation(t.db, { planId, objectiveId: casa.id }, grid, actor);
		expect(saved.ok && saved.value.map((r) => r.value)).toEqual([
			'sufficiente',
			'Non pertinente',
			'Adeguato',
			'sottostimato',
			null
		]);
		saveEvaluation(t.db, { planId, objectiveId: casa.id }, { ...grid, actionsDone: 10 }, actor);
		expect(t.db.select().from(objectiveEvaluations).all()).toHaveLength(1);
		const [c, l] = planEvaluation(t.db, planId);
		expect(c!.grid[0]).toMatchObject({ percent: 100, band: 'ottimo' });
		expect(l!.evaluation).toBeNull();
		expect(l!.grid[0]).toMatchObject({ percent: null, band: null });
	});

	it('refuses an objective of another plan and saves nothing', () => {
		const { casa } = planWithTwo();
		const other = addPlan(t.db, addAmbito(t.db, 'Altro'));
		expect(
			saveEvaluation(t.db, { planId: other, objectiveId: casa.id }, grid, actor)
		).toMatchObject({
			reason: 'unknown-objective'
		});
		expect(t.db.select().from(objectiveEvaluations).all()).toHaveLength(0);
		expect(listPlanObjectives(t.db, other)).toHaveLength(0);
	});
});

describe('[M11] one objective’s monitoring', () => {
	it('gives its newest values and grid, and nothing for an archived objective', () => {
		const { planId, casa } = planWithTwo();
		const ref = { planId, objectiveId: casa.id };
		const families = casa.indicators[0]!.id;
		recordMeasurement(
			t.db,
			ref,
			body({ indicatorId: families, period: '2025-S1', value: 44 }),
			actor
		);
		recordMeasurement(
			t.db,
			ref,
			body({ indicatorId: families, period: '2027-S1', value: 70 }),
			actor
		);
		const read = objectiveMonitoring(
			t.db,
			{ id: planId, period: '2025-2027', monitoringCadence: 'semester' },
			casa.id
		)!;
		expect(read.indicators[0]).toMatchObject({
			latest: { period: '2027-S1', value: 70 },
			progress: 150
		});
		expect(read.evaluated).toBe(false);
		setArchived(t.db, ref, true, actor);
		expect(
			objectiveMonitoring(
				t.db,
				{ id: planId, period: '2025-2027', monitoringCadence: 'semester' },
				casa.id
			)
		).toBeNull();
	});
});
