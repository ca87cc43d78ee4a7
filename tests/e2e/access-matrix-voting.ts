import { expect, type APIRequestContext } from '@playwright/test';

/**
 * The voting routes' rows of the access matrix (SPEC V3, V5): who may read
 * rounds and results, who may vote, and who drives a round. "own", "sitsIn" and
 * "other" are the access matrix's three kinds of tavolo; each board gets an
 * open round on a card of its own before the matrix runs.
 */
export type Variant = 'own' | 'sitsIn' | 'other';
type Outcome = 'ok' | 'login' | 'denied' | 'redirect' | 'missing';
/** anonymous, admin, facilitator, participant, observer */
export type Row = [Outcome, Outcome, Outcome, Outcome, Outcome];
export interface VotingCase {
	path: string;
	expect: Row;
	/** Allowed requests would change the round: test refusals only. */
	refusalsOnly?: boolean;
}
export type Rounds = Record<Variant, number>;
export const noRounds: Rounds = { own: 999_999, sitsIn: 999_999, other: 999_999 };

const adminOnly: Row = ['login', 'ok', 'denied', 'denied', 'denied'];
/** Everyone on the board may read; observers of "sitsIn" too, its plain members not. */
const readers: Record<Variant, Row> = {
	own: ['login', 'ok', 'ok', 'ok', 'ok'],
	sitsIn: ['login', 'ok', 'ok', 'denied', 'ok'],
	other: adminOnly
};
/** Facilitators of the tavolo and the UdP. */
const drivers: Record<Variant, Row> = {
	own: ['login', 'ok', 'ok', 'denied', 'denied'],
	sitsIn: ['login', 'ok', 'denied', 'denied', 'denied'],
	other: adminOnly
};
/** Participants only: facilitators (the UdP included) do not vote unless the round says so. */
const voters: Record<Variant, Row> = {
	own: ['login', 'denied', 'denied', 'ok', 'denied'],
	sitsIn: ['login', 'denied', 'ok', 'denied', 'denied'],
	other: ['login', 'denied', 'denied', 'denied', 'denied']
};
const variants: Variant[] = ['own', 'sitsIn', 'other'];

function each(rows: Record<Variant, Row>, path: (v: Variant) => string, refusalsOnly = false) {
	return variants.map((v) => ({ path: path(v), expect: rows[v], refusalsOnly }));
}

export function votingCases(
	boards: Record<Variant, { boardId: string }>,
	rounds: Rounds
): Record<string, VotingCase[]> {
	const board = (v: Variant) => `/api/boards/${boards[v].boardId}`;
	const round = (v: Variant) => `/api/rounds/${rounds[v]}`;
	return {
		'GET /api/boards/[boardId]/rounds': each(readers, (v) => `${board(v)}/rounds`),
		'POST /api/boards/[boardId]/rounds': each(drivers, (v) => `${board(v)}/rounds`),
		'GET /api/boards/[boardId]/priorities': each(readers, (v) => `${board(v)}/priorities`),
		'POST /api/boards/[boardId]/priorities': each(drivers, (v) => `${board(v)}/priorities`),
		'DELETE /api/boards/[boardId]/priorities': each(drivers, (v) => `${board(v)}/priorities`),
		'GET /api/rounds/[roundId]': [
			...each(readers, round),
			{ path: '/api/rounds/999999', expect: ['login', 'missing', 'missing', 'missing', 'missing'] }
		],
		'GET /api/rounds/[roundId]/ballot': each(voters, (v) => `${round(v)}/ballot`),
		'PUT /api/rounds/[roundId]/ballot': each(voters, (v) => `${round(v)}/ballot`),
		'POST /api/rounds/[roundId]/done': each(voters, (v) => `${round(v)}/done`),
		'GET /api/rounds/[roundId]/results': each(readers, (v) => `${round(v)}/results`),
		'POST /api/rounds/[roundId]/paper-ballots': each(drivers, (v) => `${round(v)}/paper-ballots`),
		'POST /api/rounds/[roundId]/status/[action]': each(
			drivers,
			(v) => `${round(v)}/status/close`,
			true
		)
	};
}

/** As the UdP: a card and an open dot round on each board. */
export async function openRounds(
	admin: APIRequestContext,
	boards: Record<Variant, { boardId: string }>
): Promise<Rounds> {
	const rounds = { ...noRounds };
	for (const v of variants) {
		const base = `/api/boards/${boards[v].boardId}`;
		const card = await admin.post(`${base}/cards`, {
			data: { kind: 'need', text: 'Scheda per la matrice degli accessi' }
		});
		expect(card.status()).toBe(201);
		const opened = await admin.post(`${base}/rounds`, {
			data: { method: 'dot', targets: 'cards' }
		});
		expect(opened.status()).toBe(201);
		rounds[v] = ((await opened.json()) as { roundId: number }).roundId;
	}
	return rounds;
}
