import type { Indicator } from '$lib/objectives/objective-template';

/**
 * Pure rules of monitoring (SPEC M1–M4): which period a measurement belongs to, an
 * indicator's stable id, the numbers its baseline and target hold, and its progress.
 */

/** A monitoring period: a semester of a year, `2026-S1` (SPEC M1). */
export interface Period {
	year: number;
	semester: 1 | 2;
}

const periodPattern = /^(\d{4})-S([12])$/;

/** `2026-S1` → the period, or null when it is not written that way. */
export function parsePeriod(text: string): Period | null {
	const match = periodPattern.exec(text);
	if (!match) return null;
	return { year: Number(match[1]), semester: match[2] === '1' ? 1 : 2 };
}

/** The plan's years from its period `2025-2027`, or null for another spelling. */
export function planYears(planPeriod: string): { from: number; to: number } | null {
	const match = /^(\d{4})-(\d{4})$/.exec(planPeriod);
	if (!match) return null;
	return { from: Number(match[1]), to: Number(match[2]) };
}

export type PeriodCheck = { ok: true; period: string } | { ok: false; reason: PeriodProblem };
export type PeriodProblem = 'period-malformed' | 'period-outside-plan';

/** [M1] A period is well written and inside the plan's years. */
export function checkPeriod(text: string, planPeriod: string): PeriodCheck {
	const period = parsePeriod(text);
	if (!period) return { ok: false, reason: 'period-malformed' };
	const years = planYears(planPeriod);
	if (!years || period.year < years.from || period.year > years.to)
		return { ok: false, reason: 'period-outside-plan' };
	return { ok: true, period: text };
}

/** [M1] Every semester of the plan, in order: `2025-S1` … `2027-S2`. */
export function planPeriods(planPeriod: string): string[] {
	const years = planYears(planPeriod);
	if (!years) return [];
	const periods: string[] = [];
	for (let y = years.from; y <= years.to; y++) periods.push(`${y}-S1`, `${y}-S2`);
	return periods;
}

/** Periods written `YYYY-Sn` sort as text in time order. */
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
