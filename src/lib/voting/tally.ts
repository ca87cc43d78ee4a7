import type { Sector } from '$lib/directory/organization-types';
import type { Ballot, RoundOptions } from './voting';

/**
 * Counting a round (SPEC V6-V8). Pure: ballots in, the aggregate out. Every
 * result is ordered best first and marks ties, so the facilitator can run a
 * run-off between tied items.
 */
export interface CountedBallot {
	ballot: Ballot;
	/** Public bodies or third sector; null when the voter's organisation is unknown. */
	sector: Sector | null;
}

export interface RankedItem {
	targetId: string;
	/** Dot total, Borda points, or the sum of the two criteria's averages. */
	score: number;
	/** Competition rank (SPEC V11): 1 + the number of items scoring strictly more, so ties share it ("1, 1, 3"). */
	rank: number;
	/** Same score as a neighbour: a tie. */
	tied: boolean;
	bySector: Record<'public' | 'third_sector' | 'unknown', number>;
}

export interface ScoreItem {
	targetId: string;
	averages: [number, number];
	votes: number;
	/** Quadrant of the 2×2 matrix: high/low on each criterion, against the scale's midpoint. */
	quadrant: 'high-high' | 'high-low' | 'low-high' | 'low-low';
}

export interface Tally {
	ranking: RankedItem[];
	/** Score rounds: per-criterion averages for the 2×2 plot. */
	matrix?: ScoreItem[];
	/** Rank rounds: the item that beats every other in head-to-head majorities, if any. */
	condorcetWinner?: string | null;
	ballots: number;
}

const zero = () => ({ public: 0, third_sector: 0, unknown: 0 });

/** Orders items best first and marks ties; `overall` replaces the sum of sectors when given. */
function rankItems(
	totals: Map<string, RankedItem['bySector']>,
	overall?: Map<string, number>
): RankedItem[] {
	const items = [...totals].map(([targetId, bySector]) => ({
		targetId,
		score: round2(
			overall?.get(targetId) ?? bySector.public + bySector.third_sector + bySector.unknown
		),
		rank: 0,
		tied: false,
		bySector: {
			public: round2(bySector.public),
			third_sector: round2(bySector.third_sector),
			unknown: round2(bySector.unknown)
		}
	}));
	items.sort((a, b) => b.score - a.score || a.targetId.localeCompare(b.targetId));
	const ranks = competitionRanks(items.map((x) => x.score));
	for (let i = 0; i < items.length; i++) {
		const same = (j: number) => items[j] !== undefined && items[j]!.score === items[i]!.score;
		items[i]!.tied = same(i - 1) || same(i + 1);
		items[i]!.rank = ranks[i]!;
	}
	return items;
}

/**
 * V11, the one ranking rule: standard competition ranking over scores sorted best
 * first — equal scores share a rank and the next rank skips ("1, 1, 3").
 */
export function competitionRanks(sortedScores: readonly number[]): number[] {
	const ranks: number[] = [];
	sortedScores.forEach((score, i) => {
		ranks.push(i > 0 && sortedScores[i - 1] === score ? ranks[i - 1]! : i + 1);
	});
	return ranks;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function add(
	totals: Map<string, RankedItem['bySector']>,
	targetId: string,
	sector: Sector | null,
	points: number
) {
	const entry = totals.get(targetId);
	if (entry) entry[sector ?? 'unknown'] += points;
}

/** V6: dot voting — the sum of dots per item. */
export function tallyDots(targets: readonly string[], ballots: readonly CountedBallot[]): Tally {
	const totals = new Map(targets.map((t) => [t, zero()]));
	for (const { ballot, sector } of ballots) {
		if ('allocations' in ballot)
			for (const a of ballot.allocations) add(totals, a.targetId, sector, a.points);
	}
	return { ranking: rankItems(totals), ballots: ballots.length };
}

/**
 * V7: scoring on two criteria — the average per criterion over the voters who
 * scored the item, ranked by the sum of the two averages, placed on a 2×2 matrix.
 * The sector breakdown is the same sum computed on each group's ballots.
 */
export function tallyScores(
	targets: readonly string[],
	options: RoundOptions,
	ballots: readonly CountedBallot[]
): Tally {
	const groups = ['all', 'public', 'third_sector', 'unknown'] as const;
	type Acc = { values: [number, number]; counts: [number, number]; voters: Set<number> };
	const acc = new Map(
		targets.map((t) => [
			t,
			Object.fromEntries(
				groups.map((g) => [g, { values: [0, 0], counts: [0, 0], voters: new Set<number>() }])
			) as Record<(typeof groups)[number], Acc>
		])
	);
	ballots.forEach(({ ballot, sector }, voter) => {
		if (!('scores' in ballot)) return;
		for (const s of ballot.scores) {
			const entry = acc.get(s.targetId);
			const c = options.criteria.indexOf(s.criterion);
			if (!entry || c < 0) continue;
			for (const g of ['all', sector ?? 'unknown'] as const) {
				const a = entry[g];
				a.values[c as 0 | 1] += s.value;
				a.counts[c as 0 | 1]++;
				a.voters.add(voter);
			}
		}
	});
	const averages = (a: Acc): [number, number] =>
		[0, 1].map((c) => (a.counts[c] ? round2(a.values[c]! / a.counts[c]!) : 0)) as [number, number];
	const mid = (1 + options.scale) / 2;
	const matrix: ScoreItem[] = [];
	const totals = new Map<string, RankedItem['bySector']>();
	for (const [targetId, entry] of acc) {
		const all = averages(entry.all);
		const quadrant =
			`${all[0] >= mid ? 'high' : 'low'}-${all[1] >= mid ? 'high' : 'low'}` as ScoreItem['quadrant'];
		matrix.push({ targetId, averages: all, votes: entry.all.voters.size, quadrant });
		const sum = (g: Acc) => averages(g).reduce((x, y) => x + y, 0);
		totals.set(targetId, {
			public: sum(entry.public),
			third_sector: sum(entry.third_sector),
			unknown: sum(entry.unknown)
		});
	}
	const ranking = rankItems(
		totals,
		new Map(matrix.map((m) => [m.targetId, m.averages[0] + m.averages[1]]))
	);
	return { ranking, matrix, ballots: ballots.length };
}

/**
 * V8: ranking — Borda count over each voter's top K (first place K points, last
 * ranked 1, unranked 0), and the Condorcet winner: the item preferred to every
 * other by a strict majority of head-to-head comparisons (a ranked item beats an
 * unranked one), or null when there is none.
 */
export function tallyRanks(
	targets: readonly string[],
	options: RoundOptions,
	ballots: readonly CountedBallot[]
): Tally {
	const totals = new Map(targets.map((t) => [t, zero()]));
	const rankings: string[][] = [];
	for (const { ballot, sector } of ballots) {
		if (!('ranking' in ballot)) continue;
		rankings.push(ballot.ranking);
		ballot.ranking.forEach((targetId, i) => add(totals, targetId, sector, options.topK - i));
	}
	return {
		ranking: rankItems(totals),
		condorcetWinner: condorcetWinner(targets, rankings),
		ballots: ballots.length
	};
}

export function condorcetWinner(
	targets: readonly string[],
	rankings: readonly string[][]
): string | null {
	const position = (ranking: readonly string[], t: string) => {
		const i = ranking.indexOf(t);
		return i < 0 ? Infinity : i;
	};
	for (const a of targets) {
		const beatsAll = targets.every((b) => {
			if (a === b) return true;
			let forA = 0;
			let forB = 0;
			for (const r of rankings) {
				const pa = position(r, a);
				const pb = position(r, b);
				if (pa < pb) forA++;
				else if (pb < pa) forB++;
			}
			return forA > forB;
		});
		if (beatsAll) return a;
	}
	return null;
}

export function tally(
	targets: readonly string[],
	options: RoundOptions,
	ballots: readonly CountedBallot[]
): Tally {
	if (options.method === 'dot') return tallyDots(targets, ballots);
	if (options.method === 'score') return tallyScores(targets, options, ballots);
	return tallyRanks(targets, options, ballots);
}
