import { and, eq, isNull } from 'drizzle-orm';
import type { Indicator } from '$lib/objectives/objective-template';
import { planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import { getPlan } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { evaluationGrid, type GridRow } from './evaluation-grid';
import {
	checkPeriod,
	indicatorIds,
	numericKinds,
	ratioPercent,
	type PeriodProblem
} from './monitoring';
import { indicatorMeasurements, objectiveEvaluations } from './monitoring.schema';
import type { EvaluationBody, MeasurementInput } from './monitoring-input';

/** Who acts and when; `userId` null for a script with no account. */
export interface Actor {
	userId: number | null;
	now: number;
}

/** An objective in the URL: refused as unknown unless it is a live objective of that plan. */
export interface ObjectiveRef {
	planId: number;
	objectiveId: number;
}

/** At most this many replaced entries stay in a measurement's history (SPEC M8): a bound on the row. */
const HISTORY_LIMIT = 50;

export function liveObjective(db: Db, ref: ObjectiveRef) {
	return db
		.select()
		.from(planObjectives)
		.where(
			and(
				eq(planObjectives.id, ref.objectiveId),
				eq(planObjectives.planId, ref.planId),
				isNull(planObjectives.archivedAt)
			)
		)
		.get();
}

export type MeasurementRefusal =
	| 'unknown-objective'
	| 'unknown-indicator'
	| PeriodProblem
	| 'value-required'
	| 'note-required'
	| 'ratio-parts-not-ratio'
	| 'ratio-parts-incomplete'
	| 'value-and-ratio-parts'
	| 'denominator-zero';

type Value = { value: number | null; numerator: number | null; denominator: number | null };

/** [M3] The value a body gives an indicator of this kind, or why it gives none. */
export function measuredValue(
	kind: Indicator['kind'],
	input: Pick<MeasurementInput, 'value' | 'numerator' | 'denominator' | 'note'>
): Result<Value, MeasurementRefusal> {
	const { numerator, denominator } = input;
	const value = input.value ?? null;
	const parts = numerator !== undefined || denominator !== undefined;
	if (parts && kind !== 'ratio') return { ok: false, reason: 'ratio-parts-not-ratio' };
	if (parts && value !== null) return { ok: false, reason: 'value-and-ratio-parts' };
	if (parts) {
		if (numerator === undefined || denominator === undefined)
			return { ok: false, reason: 'ratio-parts-incomplete' };
		const percent = ratioPercent(numerator, denominator);
		if (percent === null) return { ok: false, reason: 'denominator-zero' };
		return { ok: true, value: { value: percent, numerator, denominator } };
	}
	if (value === null && numericKinds.includes(kind)) return { ok: false, reason: 'value-required' };
	if (value === null && input.note === '') return { ok: false, reason: 'note-required' };
	return { ok: true, value: { value, numerator: null, denominator: null } };
}

/** A measurement checked and ready to write: its key and the entry it stores. */
interface CheckedMeasurement {
	objectiveId: number;
	indicatorId: string;
	period: string;
	entry: Value & { note: string; source: string; enteredBy: number | null; enteredAt: number };
}

/** [M1–M3, M9] Every check of one measurement, without writing: the one rule for one row or many. */
function checkMeasurement(
	db: Db,
	ref: ObjectiveRef,
	input: MeasurementInput,
	actor: Actor
): Result<CheckedMeasurement, MeasurementRefusal> {
	const objective = liveObjective(db, ref);
	const plan = getPlan(db, ref.planId);
	if (!objective || !plan) return { ok: false, reason: 'unknown-objective' };
	const index = indicatorIds(objective.indicators).indexOf(input.indicatorId);
	if (index < 0) return { ok: false, reason: 'unknown-indicator' };
	const period = checkPeriod(input.period, plan.period, plan.monitoringCadence);
	if (!period.ok) return period;
	const measured = measuredValue(objective.indicators[index]!.kind, input);
	if (!measured.ok) return measured;
	const entry = {
		...measured.value,
		note: input.note,
		source: input.source,
		enteredBy: actor.userId,
		enteredAt: actor.now
	};
	const key = { objectiveId: objective.id, indicatorId: input.indicatorId, period: period.period };
	return { ok: true, value: { ...key, entry } };
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const keyOf = (m: CheckedMeasurement) =>
	and(
		eq(indicatorMeasurements.objectiveId, m.objectiveId),
		eq(indicatorMeasurements.indicatorId, m.indicatorId),
		eq(indicatorMeasurements.period, m.period)
	);

/** [M8] Inserts the measurement, or replaces the period's one and keeps it in `history`. */
function writeMeasurement(tx: Tx, m: CheckedMeasurement) {
	const earlier = tx.select().from(indicatorMeasurements).where(keyOf(m)).get();
	if (!earlier) {
		const row = tx
			.insert(indicatorMeasurements)
			.values({
				objectiveId: m.objectiveId,
				indicatorId: m.indicatorId,
				period: m.period,
				...m.entry,
				history: []
			})
			.returning({ id: indicatorMeasurements.id })
			.get();
		return { id: row.id, replaced: false };
	}
	const { value, numerator, denominator, note, source, enteredBy, enteredAt } = earlier;
	const replaced = { value, numerator, denominator, note, source, enteredBy, enteredAt };
	const history = [...earlier.history, replaced].slice(-HISTORY_LIMIT);
	tx.update(indicatorMeasurements)
		.set({ ...m.entry, history })
		.where(keyOf(m))
		.run();
	return { id: earlier.id, replaced: true };
}

/**
 * [M1–M3, M8] Records the value of one indicator in one period; a second entry for
 * the same period replaces the first and keeps it in `history`. Refusals save nothing.
 */
export function recordMeasurement(
	db: Db,
	ref: ObjectiveRef,
	input: MeasurementInput,
	actor: Actor
): Result<{ id: number; replaced: boolean }, MeasurementRefusal> {
	const checked = checkMeasurement(db, ref, input, actor);
	if (!checked.ok) return checked;
	return { ok: true, value: db.transaction((tx) => writeMeasurement(tx, checked.value)) };
}

/** One row of a bulk entry: the objective it measures and the measurement as the API takes it. */
export interface MeasurementRow {
	objectiveId: number;
	input: MeasurementInput;
}

export type BulkRecord =
	| { ok: true; saved: number; unchanged: number }
	| { ok: false; refusals: { index: number; reason: MeasurementRefusal }[] };

/** The stored entry says what the row says: saving it again would only grow the history. */
const sameEntry = (a: CheckedMeasurement['entry'], b: typeof indicatorMeasurements.$inferSelect) =>
	a.value === b.value &&
	a.numerator === b.numerator &&
	a.denominator === b.denominator &&
	a.note === b.note &&
	a.source === b.source;

/**
 * [M24] Many measurements of a plan at once (the desk's grid, the XLSX import), all or
 * none: each row passes the one measurement's checks (M1–M3), and when any row is
 * refused nothing is saved and every refusal comes back with its row's index. A row
 * equal to what its period already holds is not written again, so a form or file sent
 * twice leaves the history as it was.
 */
export function recordMeasurements(
	db: Db,
	planId: number,
	rows: readonly MeasurementRow[],
	actor: Actor
): BulkRecord {
	const checked = rows.map((r) =>
		checkMeasurement(db, { planId, objectiveId: r.objectiveId }, r.input, actor)
	);
	const refusals = checked.flatMap((c, index) => (c.ok ? [] : [{ index, reason: c.reason }]));
	if (refusals.length) return { ok: false, refusals };
	const ready = checked.flatMap((c) => (c.ok ? [c.value] : []));
	return db.transaction((tx) => {
		let saved = 0;
		for (const m of ready) {
			const stored = tx.select().from(indicatorMeasurements).where(keyOf(m)).get();
			if (stored && sameEntry(m.entry, stored)) continue;
			writeMeasurement(tx, m);
			saved++;
		}
		return { ok: true as const, saved, unchanged: ready.length - saved };
	});
}

/** [M5–M8] Saves an objective's evaluation whole and answers its grid, bands computed. */
export function saveEvaluation(
	db: Db,
	ref: ObjectiveRef,
	input: EvaluationBody,
	actor: Actor
): Result<GridRow[], 'unknown-objective'> {
	if (!liveObjective(db, ref)) return { ok: false, reason: 'unknown-objective' };
	const row = { ...input, updatedBy: actor.userId, updatedAt: actor.now };
	db.insert(objectiveEvaluations)
		.values({ objectiveId: ref.objectiveId, ...row })
		.onConflictDoUpdate({ target: objectiveEvaluations.objectiveId, set: row })
		.run();
	return { ok: true, value: evaluationGrid(input) };
}
