import { call } from '$lib/board/board-api';

/** The outcome's HTTP API as the board calls it: submit a version, list the versions. */
export interface OutcomeVersion {
	outcomeId: number;
	version: number;
	submittedAt: string;
}

export function outcomeApi(meetingId: number) {
	const base = `/api/meetings/${meetingId}/outcome`;
	return {
		versions: () => call<OutcomeVersion[]>(base),
		submit: () => call<{ outcomeId: number; version: number }>(base, {})
	};
}
