import { formatNumber, message } from '$lib/i18n/messages';
import { m } from '$lib/paraglide/messages';
import type { ScoreItem } from './tally';
import type { RoundOptions } from './voting';

/**
 * The reader's words for voting codes: the server's refusal reasons (the one
 * reason → message table of this feature), methods and matrix quadrants.
 */
const reasons = new Set([
	'over-budget',
	'over-cap',
	'unknown-target',
	'duplicate',
	'unknown-criterion',
	'out-of-scale',
	'too-long',
	'wrong-method',
	'round-closed',
	'not-present',
	'not-a-voter',
	'not-delegate',
	'no-targets',
	'invalid-input',
	'invalid-transition',
	'not-revealed',
	'network'
]);

/** A refusal reason ("over-cap") as a sentence; an unknown one gets a general sentence. */
export function problemMessage(reason: string): string {
	const key = reasons.has(reason) ? reason.replaceAll('-', '_') : 'other';
	return message(`vote_error_${key}`);
}

/** A competition rank (SPEC V11) as the reader sees it: "1° posto", "2° posto (pari merito)". */
export function rankLabel(rank: number, tied: boolean): string {
	return tied ? m.rank_place_tied({ rank }) : m.rank_place({ rank });
}

export function methodLabel(method: RoundOptions['method']): string {
	return message(`vote_method_${method}`);
}

/** "importanza alta · urgenza bassa" for a quadrant of the 2×2 matrix. */
export function quadrantLabel(quadrant: ScoreItem['quadrant'], criteria: [string, string]): string {
	const [first, second] = quadrant.split('-') as ['high' | 'low', 'high' | 'low'];
	return message('vote_quadrant', {
		first: criteria[0],
		firstLevel: message(`vote_level_${first}`),
		second: criteria[1],
		secondLevel: message(`vote_level_${second}`)
	});
}

/** An item's result as read beside its bar: "3 punti", "1 punto", "somma delle medie 7,5". */
export function scoreLabel(method: RoundOptions['method'], score: number): string {
	const one = method !== 'score' && score === 1 ? '_one' : '';
	return message(`vote_score_${method}${one}`, { score: formatNumber(score) });
}
