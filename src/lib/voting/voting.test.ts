import { describe, expect, it } from 'vitest';
import { competitionRanks, condorcetWinner, tally, type CountedBallot } from './tally';
import {
	checkBallot,
	remainingBudget,
	roundInput,
	voterKey,
	type Ballot,
	type RoundOptions
} from './voting';

const options = (o: Partial<RoundOptions> & Pick<RoundOptions, 'method'>): RoundOptions => {
	const { targetIds: _t, runOffOf: _r, ...parsed } = roundInput.parse({ targets: 'cards', ...o });
	return parsed;
};
const targets = new Set(['a', 'b', 'c', 'd']);
const dots = options({ method: 'dot', budget: 5, cap: 3 });

describe('[V2] ballots are checked whole', () => {
	it.each<[string, Ballot, string | null]>([
		[
			'a ballot within budget and cap',
			{
				allocations: [
					{ targetId: 'a', points: 3 },
					{ targetId: 'b', points: 2 }
				]
			},
			null
		],
		[
			'over the budget',
			{
				allocations: [
					{ targetId: 'a', points: 3 },
					{ targetId: 'b', points: 3 }
				]
			},
			'over-budget'
		],
		['over the cap on one item', { allocations: [{ targetId: 'a', points: 4 }] }, 'over-cap'],
		[
			'a target outside the round',
			{ allocations: [{ targetId: 'z', points: 1 }] },
			'unknown-target'
		],
		[
			'the same target twice (to dodge the cap)',
			{
				allocations: [
					{ targetId: 'a', points: 2 },
					{ targetId: 'a', points: 2 }
				]
			},
			'duplicate'
		],
		['another method’s shape', { ranking: ['a'] }, 'wrong-method']
	])('dots: %s', (_, ballot, problem) => {
		expect(checkBallot(dots, targets, ballot)).toBe(problem);
	});

	it('scores stay on the scale and on the round’s two criteria', () => {
		const score = options({ method: 'score', criteria: ['impatto', 'fattibilità'], scale: 5 });
		expect(
			checkBallot(score, targets, { scores: [{ targetId: 'a', criterion: 'impatto', value: 5 }] })
		).toBeNull();
		expect(
			checkBallot(score, targets, { scores: [{ targetId: 'a', criterion: 'impatto', value: 6 }] })
		).toBe('out-of-scale');
		expect(
			checkBallot(score, targets, { scores: [{ targetId: 'a', criterion: 'costo', value: 3 }] })
		).toBe('unknown-criterion');
	});

	it('rankings hold at most K distinct items', () => {
		const rank = options({ method: 'rank', topK: 2 });
		expect(checkBallot(rank, targets, { ranking: ['a', 'b'] })).toBeNull();
		expect(checkBallot(rank, targets, { ranking: ['a', 'b', 'c'] })).toBe('too-long');
		expect(checkBallot(rank, targets, { ranking: ['a', 'a'] })).toBe('duplicate');
	});

	it('a cap above the budget is refused when the round is set up', () => {
		expect(
			roundInput.safeParse({ method: 'dot', targets: 'cards', budget: 3, cap: 5 }).success
		).toBe(false);
	});

	it('a score round on the same criterion twice is refused, whatever the case or accents', () => {
		for (const criteria of [
			['a', 'a'],
			['Urgenza', 'urgenza'],
			['fattibilità', 'Fattibilita']
		]) {
			const parsed = roundInput.safeParse({ method: 'score', targets: 'cards', criteria });
			expect(parsed.success, criteria.join(' / ')).toBe(false);
		}
	});
});

describe('[V3-V4] budget and voice', () => {
	it('shows the dots still to place', () => {
		expect(remainingBudget(dots, null)).toBe(5);
		expect(remainingBudget(dots, { allocations: [{ targetId: 'a', points: 2 }] })).toBe(3);
	});

	it('one voice per organisation shares a key among its people', () => {
		expect(voterKey('organization', 'p1', '12')).toBe(voterKey('organization', 'p2', '12'));
		expect(voterKey('person', 'p1', '12')).not.toBe(voterKey('person', 'p2', '12'));
		expect(voterKey('organization', 'p1', null)).toBe('person:p1');
	});
});

const counted = (
	ballot: Ballot,
	sector: CountedBallot['sector'] = 'third_sector'
): CountedBallot => ({ ballot, sector });

describe('[V6] dot totals', () => {
	it('adds dots, splits them by sector and marks ties', () => {
		const result = tally(['a', 'b', 'c'], dots, [
			counted(
				{
					allocations: [
						{ targetId: 'a', points: 3 },
						{ targetId: 'b', points: 2 }
					]
				},
				'public'
			),
			counted({
				allocations: [
					{ targetId: 'b', points: 1 },
					{ targetId: 'c', points: 3 }
				]
			}),
			counted({ allocations: [{ targetId: 'a', points: 1 }] }, null)
		]);
		expect(result.ranking.map((r) => [r.targetId, r.score, r.tied])).toEqual([
			['a', 4, false],
			['b', 3, true],
			['c', 3, true]
		]);
		expect(result.ranking[0]!.bySector).toEqual({ public: 3, third_sector: 0, unknown: 1 });
	});
});

describe('[V7] scores on two criteria', () => {
	it('averages each criterion over the voters who scored the item and places it on the 2×2 matrix', () => {
		const score = options({ method: 'score', criteria: ['importanza', 'urgenza'], scale: 5 });
		const s = (targetId: string, importanza: number, urgenza: number) => [
			{ targetId, criterion: 'importanza', value: importanza },
			{ targetId, criterion: 'urgenza', value: urgenza }
		];
		const result = tally(['a', 'b'], score, [
			counted({ scores: [...s('a', 5, 4), ...s('b', 2, 1)] }, 'public'),
			counted({ scores: [...s('a', 4, 2), ...s('b', 3, 1)] })
		]);
		expect(result.matrix).toEqual([
			{ targetId: 'a', averages: [4.5, 3], votes: 2, quadrant: 'high-high' },
			{ targetId: 'b', averages: [2.5, 1], votes: 2, quadrant: 'low-low' }
		]);
		expect(result.ranking.map((r) => [r.targetId, r.score])).toEqual([
			['a', 7.5],
			['b', 3.5]
		]);
		expect(result.ranking[0]!.bySector).toEqual({ public: 9, third_sector: 6, unknown: 0 });
	});
});

describe('[V8] Borda and Condorcet', () => {
	const rank = options({ method: 'rank', topK: 3 });
	const r = (...ranking: string[]) => counted({ ranking });

	it('gives K points to the first, 1 to the K-th, 0 to the unranked (hand-computed)', () => {
		// 5 voters, top 3 over a, b, c, d.
		const result = tally(['a', 'b', 'c', 'd'], rank, [
			r('a', 'b', 'c'),
			r('a', 'c', 'b'),
			r('b', 'c', 'a'),
			r('b', 'a', 'd'),
			r('c', 'b', 'a')
		]);
		// a: 3+3+1+2+1 = 10; b: 2+1+3+3+2 = 11; c: 1+2+2+0+3 = 8; d: 1.
		expect(result.ranking.map((x) => [x.targetId, x.score])).toEqual([
			['b', 11],
			['a', 10],
			['c', 8],
			['d', 1]
		]);
		// b vs a: b ahead in voters 3, 4, 5 → 3-2; b vs c: 1, 3, 4 → 3-2; b vs d: all → b wins.
		expect(result.condorcetWinner).toBe('b');
	});

	it('finds no Condorcet winner in a cycle, and marks a Borda tie', () => {
		const result = tally(['a', 'b', 'c'], rank, [
			r('a', 'b', 'c'),
			r('b', 'c', 'a'),
			r('c', 'a', 'b')
		]);
		expect(result.condorcetWinner).toBeNull();
		expect(result.ranking.every((x) => x.score === 6 && x.tied)).toBe(true);
	});

	it('a ranked item beats an unranked one head to head', () => {
		expect(condorcetWinner(['a', 'b', 'c'], [['a'], ['a'], ['b']])).toBe('a');
	});
});

describe('[V11] one ranking rule', () => {
	it.each([
		[
			[9, 5, 1],
			[1, 2, 3]
		],
		[
			[4, 4, 1],
			[1, 1, 3]
		],
		[
			[6, 3, 3, 3, 1],
			[1, 2, 2, 2, 5]
		],
		[[], []]
	])('%j ranks as %j', (scores, ranks) => {
		expect(competitionRanks(scores)).toEqual(ranks);
	});
});
