import { call } from '$lib/board/board-api';
import type { OutcomeChange, OutcomePackage } from './outcome';

/** The outcome's HTTP API as the board calls it: submit a version, list the versions, read one. */
export interface OutcomeVersion {
	outcomeId: number;
	version: number;
	submittedAt: string;
}

/** One stored version as GET /api/outcomes/:outcomeId returns it (docs/API.md). */
export type OutcomeRecord = OutcomePackage & {
	outcomeId: number;
	meetingId: number;
	version: number;
	submittedAt: string;
	changesSincePrevious: { version: number; changes: OutcomeChange[] } | null;
};

export function outcomeApi(meetingId: number) {
	const base = `/api/meetings/${meetingId}/outcome`;
	return {
		versions: () => call<OutcomeVersion[]>(base),
		submit: () => call<{ outcomeId: number; version: number }>(base, {}),
		get: (outcomeId: number) => call<OutcomeRecord>(`/api/outcomes/${outcomeId}`)
	};
}
