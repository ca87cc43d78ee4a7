import type { BoardPhase, BoardRole, BoardSettings, CardKind } from './board';
import type { ClusterView } from './board-doc';
import type { CardJson } from './board-view';

/**
 * The board's HTTP API as the browser calls it (docs/API.md): the board as the
 * session may see it, cards through the server, facilitator commands and the
 * moderation queue. Failures come back as values with the HTTP status.
 */
export interface PendingCard {
	id: string;
	kind: CardKind;
	text: string;
	/** waiting: until the reveal; review: in the moderation queue; rejected. */
	status: 'waiting' | 'review' | 'rejected' | 'published';
}

export interface ModerationItem {
	id: string;
	kind: CardKind;
	text: string;
	target: string;
	createdAt: number;
}

/**
 * What the server tells a board's page on its socket (SPEC B16), beside the
 * document: a participant hears their own waiting cards, facilitators the
 * moderation queue, each time it changes.
 */
export type BoardSignal =
	{ topic: 'pending'; cards: PendingCard[] } | { topic: 'moderation'; items: ModerationItem[] };

/** GET /api/boards/:id */
export interface BoardJson {
	boardId: string;
	meetingId: number;
	open: boolean;
	phase: BoardPhase;
	settings: Omit<BoardSettings, 'phase'>;
	timerEndsAt: number | null;
	spotlightCardId: string | null;
	follow: string | null;
	/** The voting round under way, if any (issue 5). */
	roundId: number | null;
	openFields: string[];
	/** Cards one participant may add per phase (B13). */
	cardLimit: number;
	serverNow: number;
	me: { participantId: string; role: BoardRole; name: string };
	joinCode?: string;
	cards: CardJson[];
	clusters: ClusterView[];
	pending: PendingCard[];
	moderation?: ModerationItem[];
}

/** How people join (facilitators only): the code, its link, the link's QR code. */
export interface JoinInfo {
	code: string;
	url: string;
	/** The QR code of `url` as an SVG data URL, for an <img>. */
	qr: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number };

export type BoardCommand =
	| 'phase'
	| 'settings'
	| 'timer'
	| 'spotlight'
	| 'follow'
	| 'reveal'
	| 'close'
	| 'open-fields'
	| 'card-limit';

export interface NewCardInput {
	kind: CardKind;
	text: string;
	target: string;
	policyAreaId: number | null;
}

/** A JSON request to the app's API; POST when there is a body. */
export async function call<T>(url: string, body?: unknown): Promise<ApiResult<T>> {
	try {
		const response = await fetch(url, {
			method: body === undefined ? 'GET' : 'POST',
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			cache: 'no-store'
		});
		if (!response.ok) return { ok: false, status: response.status };
		return { ok: true, value: (await response.json()) as T };
	} catch {
		return { ok: false, status: 0 };
	}
}

export function boardApi(boardId: string) {
	const base = `/api/boards/${encodeURIComponent(boardId)}`;
	return {
		get: () => call<BoardJson>(base),
		submitCard: (input: NewCardInput) =>
			call<{ id: string; pending: boolean }>(`${base}/cards`, input),
		command: (name: BoardCommand, body: Record<string, unknown> = {}) =>
			call<BoardJson>(`${base}/commands/${name}`, body),
		moderation: () => call<ModerationItem[]>(`${base}/moderation`),
		moderate: (pendingId: string, approve: boolean) =>
			call<{ ok: true }>(`${base}/moderation/${encodeURIComponent(pendingId)}`, { approve })
	};
}
export type BoardApi = ReturnType<typeof boardApi>;
