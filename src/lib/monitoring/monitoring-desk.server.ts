import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { optionalText } from '$lib/forms/fields';
import { parseForm, type FieldErrors } from '$lib/forms/form-data';
import type { PlanRow } from '$lib/plan/plan-repo.server';
import type { Db } from '$lib/server/db/database';
import { checkPeriod, planPeriods } from './monitoring';
import type { MeasurementRefusal, MeasurementRow } from './monitoring-commands.server';
import { cellNumber, deskField, type DeskCell } from './monitoring-desk';
import { measurementInput } from './monitoring-input';
import { monitoringOfPeriod } from './monitoring-read.server';
import { indicatorMeasurements } from './monitoring.schema';

/**
 * The desk's reads and its form (SPEC M20–M25): the periods of a plan, one period's
 * grid with what was entered and what came before, and the grid's form read into the
 * rows that `recordMeasurements` checks and saves.
 */
type DeskPlan = Pick<PlanRow, 'id' | 'period' | 'monitoringCadence'>;

/** [M1, M14, M20] The plan's periods in its cadence, and whether a text names one. */
export const deskPeriods = (plan: DeskPlan) => planPeriods(plan.period, plan.monitoringCadence);
export const checkDeskPeriod = (text: string, plan: DeskPlan) =>
	checkPeriod(text, plan.period, plan.monitoringCadence);

/** A stored number as the grid's cell shows it, in the Italian spelling the desk reads back. */
const cellText = (n: number | null | undefined) => (n == null ? '' : String(n).replace('.', ','));

/** This period's stored measurements of the plan's objectives, by `objectiveId/indicatorId`. */
function storedOfPeriod(db: Db, objectiveIds: number[], period: string) {
	if (!objectiveIds.length) return new Map<string, typeof indicatorMeasurements.$inferSelect>();
	const rows = db
		.select()
		.from(indicatorMeasurements)
		.where(
			and(
				inArray(indicatorMeasurements.objectiveId, objectiveIds),
				eq(indicatorMeasurements.period, period)
			)
		)
		.all();
	return new Map(rows.map((r) => [`${r.objectiveId}/${r.indicatorId}`, r]));
}

/**
 * [M20, M23] A period's grid for a period already checked: each live objective with its
 * indicators, the value before this period (the latest up to the previous one), the
 * progress now, the cells as stored for this period, and the missing ones (M10).
 */
export function deskView(db: Db, plan: DeskPlan, period: string) {
	const periods = deskPeriods(plan);
	const previous = periods[periods.indexOf(period) - 1];
	const now = monitoringOfPeriod(db, plan.id, period);
	const before = previous ? monitoringOfPeriod(db, plan.id, previous) : [];
	const stored = storedOfPeriod(
		db,
		now.map((o) => o.id),
		period
	);
	return now.map((o) => ({
		...o,
		indicators: o.indicators.map((i) => {
			const earlier = before.find((b) => b.id === o.id)?.indicators.find((b) => b.id === i.id);
			const row = stored.get(`${o.id}/${i.id}`);
			const parts = row?.numerator != null;
			return {
				...i,
				previous: earlier?.latest ?? null,
				cells: {
					value: parts ? '' : cellText(row?.value),
					numerator: cellText(row?.numerator),
					denominator: cellText(row?.denominator),
					note: row?.note ?? '',
					source: row?.source ?? ''
				} satisfies Record<DeskCell, string>
			};
		})
	}));
}

export type DeskView = ReturnType<typeof deskView>;

/** The cells a row of the grid has: numerator and denominator only for a ratio. */
export const rowCells = (kind: string): DeskCell[] =>
	kind === 'ratio'
		? ['value', 'numerator', 'denominator', 'note', 'source']
		: ['value', 'note', 'source'];

/** The grid's form: the period and each cell of each row, every one a text the browser sends. */
function deskSchema(view: DeskView) {
	const shape: Record<string, z.ZodType> = { period: z.string().max(20) };
	for (const o of view)
		for (const i of o.indicators)
			for (const cell of rowCells(i.kind))
				shape[deskField(cell, o.id, i.id)] = optionalText(cell === 'source' ? 500 : 2000);
	return z.strictObject(shape);
}

/** Which cell of its row a command's refusal is about; the others concern the whole form. */
const refusalCell: Partial<Record<MeasurementRefusal, DeskCell>> = {
	'value-required': 'value',
	'note-required': 'note',
	'ratio-parts-not-ratio': 'numerator',
	'ratio-parts-incomplete': 'numerator',
	'value-and-ratio-parts': 'value',
	'denominator-zero': 'denominator'
};

export type DeskForm =
	| { ok: true; rows: MeasurementRow[] }
	| { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/**
 * [M24] The grid's form as measurement rows: a row left wholly empty is not entered; a
 * number cell holds a number as M21 reads it, else `not_a_number` on that cell.
 */
export function readDeskForm(form: FormData, view: DeskView, period: string): DeskForm {
	const parsed = parseForm(deskSchema(view), form);
	if (!parsed.ok) return parsed;
	const data = parsed.data as Record<string, string>;
	const errors: FieldErrors = {};
	const rows: MeasurementRow[] = [];
	for (const o of view)
		for (const i of o.indicators) {
			const cell = (c: DeskCell) => data[deskField(c, o.id, i.id)] ?? '';
			if (rowCells(i.kind).every((c) => cell(c) === '')) continue;
			const number = (c: DeskCell) => {
				const read = cellNumber(cell(c));
				if (!read.ok) errors[deskField(c, o.id, i.id)] = 'not_a_number';
				return read.ok ? read.value : null;
			};
			const [numerator, denominator] = [number('numerator'), number('denominator')];
			const input = measurementInput.safeParse({
				indicatorId: i.id,
				period,
				value: number('value'),
				...(numerator === null ? {} : { numerator }),
				...(denominator === null ? {} : { denominator }),
				note: cell('note'),
				source: cell('source')
			});
			if (!input.success) errors[deskField('value', o.id, i.id)] ??= 'out_of_range';
			else rows.push({ objectiveId: o.id, input: input.data });
		}
	if (Object.keys(errors).length) return { ok: false, errors, values: data };
	return { ok: true, rows };
}

/** [M24] The command's refusals on the cells of their rows, as the grid shows them. */
export function deskRefusals(
	refusals: readonly { index: number; reason: MeasurementRefusal }[],
	rows: readonly MeasurementRow[]
): FieldErrors {
	const errors: FieldErrors = {};
	for (const { index, reason } of refusals) {
		const row = rows[index]!;
		const cell = refusalCell[reason];
		const field = cell ? deskField(cell, row.objectiveId, row.input.indicatorId) : '_form';
		errors[field] ??= reason.replaceAll('-', '_');
	}
	return errors;
}
