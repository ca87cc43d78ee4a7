import type { Tally } from './tally';
import type { Ballot, RoundInput, RoundOptions, RoundStatus } from './voting';

/**
 * The voting API as the browser calls it (docs/API.md, "Voting"). Failures come
 * back as values with the HTTP status and the server's reason code
 * ("over-budget", "round-closed"…), which the page words through the catalogue.
 */
export interface RoundJson {
	roundId: number;
	boardId: string;
	status: RoundStatus;
	options: RoundOptions;
	targets: { id: string; label: string }[];
	runOffOf: number | null;
	mayVote: boolean;
	/** V4: one voice per organisation, and the visitor is not their organisation's delegate. */
	notDelegate: boolean;
	mine: BallotState | null;
	/** Facilitators only: counts, never totals (V5). */
	progress?: { ballots: number; done: number };
}

/**
 * What the server tells a board's page about its rounds on the socket (SPEC
 * V12): a round's new status, with the results once revealed; the counts, to
 * facilitators only; `voter`: whether this participant may vote changed.
 */
export type RoundSignal =
	| { topic: 'round'; roundId: number; status: RoundStatus; results?: ResultsJson }
	| { topic: 'progress'; roundId: number; ballots: number; done: number }
	| { topic: 'voter' };

export interface BallotState {
	ballot: Ballot;
	remaining: number | null;
	done: boolean;
}

export interface ResultsJson extends Tally {
	roundId: number;
	method: RoundOptions['method'];
	criteria?: [string, string];
	labels: Record<string, string>;
	paperBallots: number;
	named?: { name: string; organization: string; ballot: Ballot; paper: boolean }[];
}

export interface Priority {
	boardId: string;
	targetType: 'card' | 'cluster';
	targetId: string;
	roundId: number | null;
	promotedAt: number;
}

export interface AttendanceEntry {
	id: string;
	name: string;
	organization: string;
}

export type VoteResult<T> = { ok: true; value: T } | { ok: false; status: number; reason: string };

async function call<T>(
	method: 'GET' | 'POST' | 'PUT' | 'DELETE',
	url: string,
	body?: unknown
): Promise<VoteResult<T>> {
	try {
		const response = await fetch(url, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			cache: 'no-store'
		});
		const data: unknown = await response.json().catch(() => null);
		if (response.ok) return { ok: true, value: data as T };
		const reason = (data as { error?: unknown } | null)?.error;
		return { ok: false, status: response.status, reason: typeof reason === 'string' ? reason : '' };
	} catch {
		return { ok: false, status: 0, reason: 'network' };
	}
}

export function votingApi(boardId: string) {
	const board = `/api/boards/${encodeURIComponent(boardId)}`;
	const round = (id: number) => `/api/rounds/${id}`;
	return {
		rounds: () => call<RoundJson[]>('GET', `${board}/rounds`),
		round: (id: number) => call<RoundJson>('GET', round(id)),
		open: (input: RoundInput) => call<{ roundId: number }>('POST', `${board}/rounds`, input),
		putBallot: (id: number, ballot: Ballot) =>
			call<BallotState>('PUT', `${round(id)}/ballot`, ballot),
		ballot: (id: number) => call<BallotState>('GET', `${round(id)}/ballot`),
		done: (id: number, done: boolean) =>
			call<{ done: boolean }>('POST', `${round(id)}/done`, { done }),
		status: (id: number, action: 'close' | 'reopen' | 'reveal') =>
			call<RoundJson>('POST', `${round(id)}/status/${action}`),
		results: (id: number) => call<ResultsJson>('GET', `${round(id)}/results`),
		paperBallot: (id: number, attendanceId: string, ballot: Ballot) =>
			call<BallotState>('POST', `${round(id)}/paper-ballots`, { attendanceId, ballot }),
		priorities: () => call<Priority[]>('GET', `${board}/priorities`),
		promote: (type: Priority['targetType'], id: string, roundId: number | null) =>
			call<Priority[]>('POST', `${board}/priorities`, { type, id, roundId }),
		demote: (type: Priority['targetType'], id: string) =>
			call<Priority[]>('DELETE', `${board}/priorities`, { type, id }),
		attendance: (meetingId: number) =>
			call<AttendanceEntry[]>('GET', `/api/meetings/${meetingId}/attendance`)
	};
}
export type VotingApi = ReturnType<typeof votingApi>;
