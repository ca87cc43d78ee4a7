import { checkBallot, type BallotProblem } from './ballot';
import type { Ballot, RoundOptions } from './voting';

/**
 * Editing a ballot in the browser, one step at a time, always producing a whole
 * new ballot (the server replaces the stored one with it, V2). Pure: the voting
 * view and the paper-ballot form share these steps, and before sending a step
 * the page asks `checkStep`, the server's own rule, so it never offers a change
 * the server would refuse.
 */
export function emptyBallot(method: RoundOptions['method']): Ballot {
	if (method === 'dot') return { allocations: [] };
	if (method === 'score') return { scores: [] };
	return { ranking: [] };
}

export function dotsOn(ballot: Ballot, targetId: string): number {
	if (!('allocations' in ballot)) return 0;
	return ballot.allocations.find((a) => a.targetId === targetId)?.points ?? 0;
}

/** The ballot with `delta` dots more (or fewer) on one item; items at zero leave the ballot. */
export function addDots(ballot: Ballot, targetId: string, delta: number): Ballot {
	const allocations = 'allocations' in ballot ? ballot.allocations : [];
	const points = Math.max(0, dotsOn(ballot, targetId) + delta);
	const others = allocations.filter((a) => a.targetId !== targetId);
	const index = allocations.findIndex((a) => a.targetId === targetId);
	if (points === 0) return { allocations: others };
	const next = [...others];
	next.splice(index < 0 ? next.length : index, 0, { targetId, points });
	return { allocations: next };
}

export function scoreOf(ballot: Ballot, targetId: string, criterion: string): number | null {
	if (!('scores' in ballot)) return null;
	return (
		ballot.scores.find((s) => s.targetId === targetId && s.criterion === criterion)?.value ?? null
	);
}

export function setScore(
	ballot: Ballot,
	targetId: string,
	score: { criterion: string; value: number }
): Ballot {
	const scores = 'scores' in ballot ? ballot.scores : [];
	const others = scores.filter(
		(s) => !(s.targetId === targetId && s.criterion === score.criterion)
	);
	return { scores: [...others, { targetId, ...score }] };
}

export function rankingOf(ballot: Ballot): string[] {
	return 'ranking' in ballot ? ballot.ranking : [];
}

/** Adds an item at the end of the ranking, or takes it out. */
export function toggleRanked(ballot: Ballot, targetId: string): Ballot {
	const ranking = rankingOf(ballot);
	return {
		ranking: ranking.includes(targetId)
			? ranking.filter((t) => t !== targetId)
			: [...ranking, targetId]
	};
}

/** Moves a ranked item one place up (-1) or down (+1); unchanged at either end. */
export function moveRanked(ballot: Ballot, targetId: string, delta: -1 | 1): Ballot {
	const ranking = [...rankingOf(ballot)];
	const from = ranking.indexOf(targetId);
	const to = from + delta;
	if (from < 0 || to < 0 || to >= ranking.length) return { ranking };
	[ranking[from], ranking[to]] = [ranking[to]!, ranking[from]!];
	return { ranking };
}

/** What the server would say about this ballot (V2), or null when it would store it. */
export function checkStep(
	options: RoundOptions,
	targets: readonly { id: string }[],
	ballot: Ballot
): BallotProblem | null {
	return checkBallot(options, new Set(targets.map((t) => t.id)), ballot);
}

/** How far along a ballot is: dots placed, items scored on both criteria, items ranked. */
export function ballotProgress(
	options: RoundOptions,
	ballot: Ballot,
	targetCount: number
): { used: number; of: number } {
	if ('allocations' in ballot)
		return { used: ballot.allocations.reduce((n, a) => n + a.points, 0), of: options.budget };
	if ('ranking' in ballot) return { used: ballot.ranking.length, of: options.topK };
	const complete = new Map<string, number>();
	for (const s of ballot.scores) complete.set(s.targetId, (complete.get(s.targetId) ?? 0) + 1);
	return { used: [...complete.values()].filter((n) => n >= 2).length, of: targetCount };
}
