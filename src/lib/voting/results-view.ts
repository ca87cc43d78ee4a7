import type { RoundStatus } from './ballot';
import type { RankedItem, ScoreItem } from './tally';
import type { Ballot } from './voting';

/**
 * Shaping a revealed round's aggregate for the page: bar lengths, the tie a
 * run-off settles, the 2×2 plot's coordinates and a named ballot in one line.
 * Pure; the numbers themselves come from the server's tally (V6-V8).
 */
export function barPercent(score: number, ranking: readonly RankedItem[]): number {
	const max = Math.max(0, ...ranking.map((r) => r.score));
	return max > 0 ? Math.round((Math.max(0, score) / max) * 100) : 0;
}

/** The best-placed group of tied items (what a run-off is about), or [] when nothing is tied. */
export function bestTie(ranking: readonly RankedItem[]): string[] {
	const first = ranking.find((r) => r.tied);
	return first ? ranking.filter((r) => r.score === first.score).map((r) => r.targetId) : [];
}

export const quadrants = ['high-high', 'high-low', 'low-high', 'low-low'] as const;

/** Items by quadrant of the 2×2 matrix, best first within each (the plot's text alternative). */
export function byQuadrant(
	matrix: readonly ScoreItem[]
): Record<ScoreItem['quadrant'], ScoreItem[]> {
	const groups = Object.fromEntries(quadrants.map((q) => [q, [] as ScoreItem[]])) as Record<
		ScoreItem['quadrant'],
		ScoreItem[]
	>;
	for (const item of matrix) groups[item.quadrant].push(item);
	for (const q of quadrants)
		groups[q].sort((a, b) => b.averages[0] + b.averages[1] - (a.averages[0] + a.averages[1]));
	return groups;
}

/**
 * Where an item sits on a square plot of `size` with a `margin` for the axes:
 * the first criterion across, the second up, both from 1 to the scale.
 */
export function plotPoint(
	averages: readonly [number, number],
	scale: number,
	box: { size: number; margin: number }
): { x: number; y: number } {
	const span = box.size - 2 * box.margin;
	const at = (v: number) => (Math.min(Math.max(v, 1), scale) - 1) / (scale - 1);
	return {
		x: Math.round(box.margin + at(averages[0]) * span),
		y: Math.round(box.size - box.margin - at(averages[1]) * span)
	};
}

/** A ballot in one line, with the items' labels: "Trasporti 3 · Casa 2", "1. Casa · 2. Trasporti". */
export function ballotSummary(ballot: Ballot, labels: Record<string, string>): string {
	const label = (id: string) => labels[id] ?? id;
	if ('allocations' in ballot)
		return ballot.allocations.map((a) => `${label(a.targetId)} ${a.points}`).join(' · ');
	if ('ranking' in ballot)
		return ballot.ranking.map((id, i) => `${i + 1}. ${label(id)}`).join(' · ');
	const byItem = new Map<string, string[]>();
	for (const s of ballot.scores)
		byItem.set(s.targetId, [...(byItem.get(s.targetId) ?? []), `${s.criterion} ${s.value}`]);
	return [...byItem].map(([id, parts]) => `${label(id)}: ${parts.join(', ')}`).join(' · ');
}

/** A round as the live region watches it: which one is current and how far it got. */
export type RoundMark = { roundId: number; status: RoundStatus } | null;

/**
 * What a change of the current round means to someone following the board
 * (issue 13): a round opened, or its results revealed; null for anything else,
 * the page's first reading of the rounds included (`before` undefined).
 */
export function roundNews(
	before: RoundMark | undefined,
	after: RoundMark
): 'opened' | 'revealed' | null {
	if (before === undefined || !after) return null;
	const same = before?.roundId === after.roundId;
	if (after.status === 'open' && !(same && before.status === 'open')) return 'opened';
	if (after.status === 'revealed' && !(same && before.status === 'revealed')) return 'revealed';
	return null;
}
