import { describe, expect, it } from 'vitest';
import {
	addDots,
	ballotProgress,
	checkStep,
	dotsOn,
	emptyBallot,
	moveRanked,
	rankingOf,
	scoreOf,
	setScore,
	toggleRanked
} from './ballot-edit';
import { roundInput, type RoundOptions } from './voting';

const options = (o: Partial<RoundOptions> & Pick<RoundOptions, 'method'>): RoundOptions => {
	const { targetIds: _t, runOffOf: _r, ...parsed } = roundInput.parse({ targets: 'cards', ...o });
	return parsed;
};
const targets = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('[V2] editing a dot ballot step by step', () => {
	const dot = options({ method: 'dot', budget: 4, cap: 2 });

	it('adds and removes dots, dropping items that reach zero', () => {
		let ballot = emptyBallot('dot');
		ballot = addDots(addDots(ballot, 'a', 1), 'b', 1);
		ballot = addDots(ballot, 'a', 1);
		expect(ballot).toEqual({
			allocations: [
				{ targetId: 'a', points: 2 },
				{ targetId: 'b', points: 1 }
			]
		});
		expect(dotsOn(addDots(ballot, 'b', -1), 'b')).toBe(0);
		expect(addDots(ballot, 'b', -1)).toEqual({ allocations: [{ targetId: 'a', points: 2 }] });
		expect(dotsOn(addDots(emptyBallot('dot'), 'c', -1), 'c')).toBe(0);
	});

	it.each([
		[
			'a third dot on one item',
			addDots(addDots(addDots(emptyBallot('dot'), 'a', 1), 'a', 1), 'a', 1),
			'over-cap'
		],
		[
			'a fifth dot in all',
			addDots(addDots(addDots(emptyBallot('dot'), 'a', 2), 'b', 2), 'c', 1),
			'over-budget'
		],
		['an item not on the ballot', addDots(emptyBallot('dot'), 'z', 1), 'unknown-target'],
		['two dots within the rules', addDots(emptyBallot('dot'), 'a', 2), null]
	])('[V2] checkStep: %s → %s', (_name, ballot, problem) => {
		expect(checkStep(dot, targets, ballot)).toBe(problem);
	});

	it('[V3] counts the dots placed against the budget', () => {
		expect(ballotProgress(dot, addDots(emptyBallot('dot'), 'a', 2), 3)).toEqual({ used: 2, of: 4 });
	});
});

describe('[V7] editing a score ballot', () => {
	const score = options({ method: 'score', scale: 5 });

	it('replaces the value of one criterion of one item', () => {
		let ballot = setScore(emptyBallot('score'), 'a', { criterion: 'importanza', value: 4 });
		ballot = setScore(ballot, 'a', { criterion: 'importanza', value: 2 });
		ballot = setScore(ballot, 'a', { criterion: 'urgenza', value: 5 });
		expect(scoreOf(ballot, 'a', 'importanza')).toBe(2);
		expect(scoreOf(ballot, 'b', 'urgenza')).toBeNull();
		expect(checkStep(score, targets, ballot)).toBeNull();
		expect(ballotProgress(score, ballot, 3)).toEqual({ used: 1, of: 3 });
	});

	it('[V2] refuses a value outside the scale', () => {
		const ballot = setScore(emptyBallot('score'), 'a', { criterion: 'urgenza', value: 6 });
		expect(checkStep(score, targets, ballot)).toBe('out-of-scale');
	});
});

describe('[V8] editing a ranking', () => {
	const rank = options({ method: 'rank', topK: 2 });

	it('adds at the end, moves by one place, takes out', () => {
		let ballot = toggleRanked(toggleRanked(emptyBallot('rank'), 'a'), 'b');
		expect(rankingOf(moveRanked(ballot, 'b', -1))).toEqual(['b', 'a']);
		expect(rankingOf(moveRanked(ballot, 'a', -1))).toEqual(['a', 'b']);
		expect(rankingOf(moveRanked(ballot, 'b', 1))).toEqual(['a', 'b']);
		ballot = toggleRanked(ballot, 'a');
		expect(rankingOf(ballot)).toEqual(['b']);
	});

	it('[V2] refuses more than K items', () => {
		const ballot = toggleRanked(toggleRanked(toggleRanked(emptyBallot('rank'), 'a'), 'b'), 'c');
		expect(checkStep(rank, targets, ballot)).toBe('too-long');
		expect(ballotProgress(rank, ballot, 3)).toEqual({ used: 3, of: 2 });
	});
});
