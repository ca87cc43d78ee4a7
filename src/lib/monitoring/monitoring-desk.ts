import type { MonitoringCadence } from '$lib/plan/monitoring-cadence';
import { periodOrder } from './monitoring';

/**
 * Pure rules of the UdP's monitoring desk (SPEC M20–M23): the period it opens on, the
 * numbers a cell may hold, a pasted column, and what a period still misses. Used by the
 * page in the browser and by the server that reads the form and the XLSX template.
 */

/**
 * [M20] The period the desk opens on: the period of `today` (`YYYY-MM-DD`, the Ambito's
 * day) in the plan's cadence (M14), clamped to the plan's periods — the first before the
 * plan starts, the last after it ends. Null for a plan with no periods.
 */
export function defaultPeriod(
	periods: readonly string[],
	today: string,
	cadence: MonitoringCadence = 'semester'
): string | null {
	const first = periods[0];
	const last = periods.at(-1);
	if (!first || !last) return null;
	const year = today.slice(0, 4);
	const month = Number(today.slice(5, 7));
	const current =
		cadence === 'year'
			? year
			: cadence === 'quarter'
				? `${year}-Q${Math.ceil(month / 3)}`
				: `${year}-S${month <= 6 ? 1 : 2}`;
	if (periods.includes(current)) return current;
	return periodOrder(current, first) < 0 ? first : last;
}

export type CellNumber = { ok: true; value: number | null } | { ok: false };

const italian = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const pointDecimal = /^[+-]?\d+\.(?:\d{1,2}|\d{4,})$/;

/**
 * [M21] A number as the UdP types or pastes it: Italian spelling (`1.234,5`: `.` groups
 * thousands, `,` is the decimal mark), a trailing `%` allowed (`45%` is 45, a ratio being
 * entered in percent), spaces ignored. A point followed by other than three digits is a
 * decimal point (`2.5`, as a sheet in English copies it); `1.234` is Italian, 1234. Empty
 * is no number (`value: null`); anything else is refused rather than guessed.
 */
export function cellNumber(text: string): CellNumber {
	const bare = text.replace(/[\s\u00a0]/g, '').replace(/%$/, '');
	if (bare === '') return text.trim() === '' ? { ok: true, value: null } : { ok: false };
	if (italian.test(bare))
		return { ok: true, value: Number(bare.replace(/\./g, '').replace(',', '.')) };
	if (pointDecimal.test(bare)) return { ok: true, value: Number(bare) };
	return { ok: false };
}

/** Lines of a paste at most: a plan has a few hundred indicators, a paste of more is a mistake. */
export const MAX_PASTED_LINES = 500;

/**
 * [M22] The cells of a column copied from a spreadsheet: one per line (the first cell of
 * a line when it holds several, tab-separated), or the cells of a single line when a row
 * was copied. The newline a spreadsheet adds after the last line is not a cell.
 */
export function pastedColumn(text: string): string[] {
	const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
	const cells = lines.length === 1 ? lines[0]!.split('\t') : lines.map((l) => l.split('\t')[0]!);
	return cells.slice(0, MAX_PASTED_LINES).map((c) => c.trim());
}

export interface DeskObjective {
	id: number;
	indicators: readonly { id: string }[];
	missing: readonly string[];
}

/** [M23] How many indicators a period asks for, how many are measured in it and how many miss. */
export function deskSummary(objectives: readonly DeskObjective[]) {
	const perObjective = objectives.map((o) => ({
		id: o.id,
		indicators: o.indicators.length,
		missing: o.missing.length,
		measured: o.indicators.length - o.missing.length
	}));
	const sum = (key: 'indicators' | 'missing' | 'measured') =>
		perObjective.reduce((total, o) => total + o[key], 0);
	return {
		indicators: sum('indicators'),
		measured: sum('measured'),
		missing: sum('missing'),
		perObjective
	};
}

/** The form field of one indicator's cell in the desk's grid: `value:12:i1a2b3c4d`. */
export const deskField = (field: DeskCell, objectiveId: number, indicatorId: string): string =>
	`${field}:${objectiveId}:${indicatorId}`;

export const deskCells = ['value', 'numerator', 'denominator', 'note', 'source'] as const;
export type DeskCell = (typeof deskCells)[number];
