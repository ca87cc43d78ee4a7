import { describe, expect, it } from 'vitest';
import { rankLabel, scoreLabel } from './vote-labels';

describe('scoreLabel', () => {
	it.each([
		['dot', 3, '3 punti'],
		['dot', 1, '1 punto'],
		['dot', 0, '0 punti'],
		['rank', 1, '1 punto Borda'],
		['rank', 7, '7 punti Borda'],
		['score', 7.5, 'somma delle medie 7,5']
	] as const)('%s %d reads "%s"', (method, score, text) => {
		expect(scoreLabel(method, score)).toBe(text);
	});
});

describe('rankLabel', () => {
	it.each([
		[1, false, '1° posto'],
		[2, true, '2° posto (pari merito)']
	] as const)('[V11] rank %d, tied %s, reads "%s"', (rank, tied, text) => {
		expect(rankLabel(rank, tied)).toBe(text);
	});
});
