import { call } from '$lib/board/board-api';

/**
 * The HTTP side of objective drafting as the browser calls it (docs/API.md): the
 * board's priorities and "Crea scheda obiettivo". Failures come back as values.
 */
export interface Priority {
	boardId: string;
	targetType: 'card' | 'cluster';
	targetId: string;
	roundId: number | null;
	promotedAt: number;
}

export function objectiveApi(boardId: string) {
	const base = `/api/boards/${encodeURIComponent(boardId)}`;
	return {
		priorities: () => call<Priority[]>(`${base}/priorities`),
		create: (source: { type: 'card' | 'cluster'; id: string }) =>
			call<{ objectiveId: string }>(`${base}/objectives`, source)
	};
}
