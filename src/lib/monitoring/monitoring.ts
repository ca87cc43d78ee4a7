import type { MonitoringCadence } from '$lib/plan/monitoring-cadence';
import type { Indicator } from '$lib/objectives/objective-template';

/**
 * Pure rules of monitoring (SPEC M1–M4): which period a measurement belongs to, an
 * indicator's stable id, the numbers its baseline and target hold, and its progress.
 */

/**
 * A monitoring period (SPEC M1, M14): a semester `2026-S1`, a quarter `2026-Q3` or a
 * year `2026`, as the plan's cadence says; `part` is the semester or quarter, null for a year.
 */
export interface Period {
	year: number;
	cadence: MonitoringCadence;
	part: number | null;
}

/** [M14] Each cadence's spelling: a letter that names it, so no text is a period of two cadences. */
const periodPatterns: Record<MonitoringCadence, RegExp> = {
	semester: /^(\d{4})-S([12])$/,
	quarter: /^(\d{4})-Q([1-4])$/,
	year: /^(\d{4})$/
};
const partsPerYear: Record<MonitoringCadence, string[]> = {
	semester: ['-S1', '-S2'],
	quarter: ['-Q1', '-Q2', '-Q3', '-Q4'],
	year: ['']
};

/** `2026-S1` → the period, or null when it is not written as the cadence (semester by default) writes it. */
export function parsePeriod(text: string, cadence: MonitoringCadence = 'semester'): Period | null {
	const match = periodPatterns[cadence].exec(text);
	if (!match) return null;
	return { year: Number(match[1]), cadence, part: match[2] ? Number(match[2]) : null };
}

/** The plan's years from its period `2025-2027`, or null for another spelling. */
export function planYears(planPeriod: string): { from: number; to: number } | null {
	const match = /^(\d{4})-(\d{4})$/.exec(planPeriod);
	if (!match) return null;
	return { from: Number(match[1]), to: Number(match[2]) };
}

export type PeriodCheck = { ok: true; period: string } | { ok: false; reason: PeriodProblem };
export type PeriodProblem = 'period-malformed' | 'period-outside-plan';

/**
 * [M1, M14] A period is written as the plan's cadence writes it (semester by default) and
 * lies inside the plan's years.
 */
export function checkPeriod(
	text: string,
	planPeriod: string,
	cadence: MonitoringCadence = 'semester'
): PeriodCheck {
	const period = parsePeriod(text, cadence);
	if (!period) return { ok: false, reason: 'period-malformed' };
	const years = planYears(planPeriod);
	if (!years || period.year < years.from || period.year > years.to)
		return { ok: false, reason: 'period-outside-plan' };
	return { ok: true, period: text };
}

/** [M1, M14] Every period of the plan in order: `2025-S1` … `2027-S2` by default. */
export function planPeriods(planPeriod: string, cadence: MonitoringCadence = 'semester'): string[] {
	const years = planYears(planPeriod);
	if (!years) return [];
	const periods: string[] = [];
	for (let y = years.from; y <= years.to; y++)
		for (const part of partsPerYear[cadence]) periods.push(`${y}${part}`);
	return periods;
}

/** Periods of one cadence (`YYYY-Sn`, `YYYY-Qn`, `YYYY`) sort as text in time order. */
export const periodOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * [M2] An indicator's id, stable while its level and description stay: a hash of
 * them, so adding, removing or reordering the objective's other indicators keeps
 * every measurement with its indicator. A second indicator with the same words
 * gets `-2`, `-3`… in its order.
 */
export function indicatorIds(indicators: readonly Pick<Indicator, 'level' | 'description'>[]) {
	const seen = new Map<string, number>();
	return indicators.map((i) => {
		const base = `i${fnv1a(`${i.level}|${normalizeWords(i.description)}`)}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return n === 1 ? base : `${base}-${n}`;
	});
}

const normalizeWords = (text: string) =>
	text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** FNV-1a, 32 bits, as 8 hex digits: short, the same in browser and server. */
function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}

/** [M3] The kinds whose measurements are numbers; the others may carry only a note. */
export const numericKinds: readonly Indicator['kind'][] = ['count', 'ratio', 'increment'];

/** [M3] A ratio is entered and shown as a percentage; the other kinds have no unit we know. */
export const indicatorUnit = (kind: Indicator['kind']) => (kind === 'ratio' ? '%' : null);

/**
 * [M3] The one number a baseline or target holds ("30%", "1.200", "≥ 50", "2,5 ore"),
 * or null when it holds none or several ("da 10 a 20", "n/d"): then no progress is
 * computed rather than a guessed one. Italian spelling: `.` groups thousands, `,` is
 * the decimal mark.
 */
export function numberIn(text: string | undefined): number | null {
	if (!text) return null;
	const found = text.match(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g);
	if (!found || found.length !== 1) return null;
	return Number(found[0]!.replace(/\./g, '').replace(',', '.'));
}

/** [M3] numerator × 100 / denominator, for a ratio entered as its two counts. */
export function ratioPercent(numerator: number, denominator: number): number | null {
	return denominator > 0 ? (numerator * 100) / denominator : null;
}

/**
 * [M4] Progress from the baseline toward the target, in percent: 0 at the baseline
 * (or worse), 100 at the target, over-achievement kept (150 = half again past it).
 * The direction comes from the two: a target below the baseline means lower is
 * better. Null when a number is missing or target and baseline are equal (no
 * distance to cover). One decimal.
 */
export function progress(
	baseline: number | null,
	target: number | null,
	value: number | null
): number | null {
	if (baseline === null || target === null || value === null) return null;
	if (target === baseline) return null;
	const share = ((value - baseline) * 100) / (target - baseline);
	return Math.max(0, Math.round(share * 10) / 10);
}
