import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { demoIds } from './demo-db';
import { apiAs, resetBoard, todaysBoardByApi } from './voting-setup';

/**
 * A person is one participant, over HTTP against the running server (attendance
 * SPEC J6-J8, voting V4, V10): each API context is one browser with its cookie
 * jar, as the join form's browser is.
 */
interface Line {
	id: string;
	name: string;
	organization: string;
	delegate: 'confirmed' | 'member' | null;
}
interface Joined {
	participantId: string;
	rejoined: boolean;
}

let fac: APIRequestContext;
let boardId: string;
let joinCode: string;
let meetingId: number;
const browsers: APIRequestContext[] = [];

async function newBrowser(): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL }
	});
	browsers.push(context);
	return context;
}

async function join(browser: APIRequestContext, name: string, organization = ''): Promise<Joined> {
	const response = await browser.post('/api/join', {
		data: { code: joinCode, name, organization, consent: true }
	});
	expect(response.status()).toBe(200);
	return (await response.json()) as Joined;
}

async function linesNamed(name: string): Promise<Line[]> {
	const response = await fac.get(`/api/meetings/${meetingId}/attendance`);
	expect(response.status()).toBe(200);
	return ((await response.json()) as Line[]).filter((l) => l.name === name);
}

const lineUrl = (id: string) => `/api/meetings/${meetingId}/attendance/${id}`;
const ballotUrl = (roundId: number) => `/api/rounds/${roundId}/ballot`;
const dots = (cards: string[], ...points: number[]) => ({
	allocations: points
		.map((p, i) => ({ targetId: cards[i]!, points: p }))
		.filter((a) => a.points > 0)
});

async function card(browser: APIRequestContext, text: string): Promise<string> {
	const response = await browser.post(`/api/boards/${boardId}/cards`, {
		data: { kind: 'need', text }
	});
	expect(response.status()).toBe(201);
	return ((await response.json()) as { id: string }).id;
}

async function openRound(targetIds: string[], options: Record<string, unknown> = {}) {
	const response = await fac.post(`/api/boards/${boardId}/rounds`, {
		data: { method: 'dot', targets: 'cards', targetIds, budget: 3, cap: 3, ...options }
	});
	expect(response.status()).toBe(201);
	return ((await response.json()) as { roundId: number }).roundId;
}

async function reveal(roundId: number) {
	expect((await fac.post(`/api/rounds/${roundId}/status/reveal`)).status()).toBe(200);
	const results = await fac.get(`/api/rounds/${roundId}/results`);
	return (await results.json()) as { ballots: number };
}

test.beforeAll(async () => {
	fac = await apiAs('facilitator');
	({ boardId, joinCode } = await todaysBoardByApi(fac));
	meetingId = demoIds().todayMeeting;
});

test.afterAll(async () => {
	for (const context of [fac, ...browsers.splice(0)]) await context.dispose();
});

test('[J6] joining twice from one browser gives one line', async () => {
	const browser = await newBrowser();
	const first = await join(browser, 'Ugo Doppio', 'Cooperativa Prova');
	const again = await join(browser, 'ugo doppio', 'Cooperativa Prova');
	expect(again).toMatchObject({ participantId: first.participantId, rejoined: true });
	expect(first.rejoined).toBe(false);
	expect(await linesNamed('Ugo Doppio')).toHaveLength(1);
	// Its session still works: it writes on the board as that one line.
	await card(browser, 'Scritta da Ugo dopo il secondo ingresso');
});

test('[J6] joins sent at once from one device (a double tap) leave one line', async () => {
	const browser = await newBrowser();
	// The join form hands out the device cookie when it opens.
	expect((await browser.get(`/join/${joinCode}`)).status()).toBe(200);
	const answers = await Promise.all(Array.from({ length: 5 }, () => join(browser, 'Vera Tocco')));
	expect(new Set(answers.map((a) => a.participantId)).size).toBe(1);
	expect(await linesNamed('Vera Tocco')).toHaveLength(1);
});

test('[J7] [V10] a second browser under the same name is a second line, until the facilitator merges them', async () => {
	await resetBoard(fac, boardId);
	const laptop = await newBrowser();
	const phone = await newBrowser();
	const kept = await join(laptop, 'Mario Doppi', 'Cooperativa Prova');
	const merged = await join(phone, 'Mario Doppi', 'Cooperativa Prova');
	expect(merged.participantId).not.toBe(kept.participantId);
	expect(await linesNamed('Mario Doppi')).toHaveLength(2);

	const cards = [
		await card(laptop, 'Dal portatile di Mario'),
		await card(phone, 'Dal telefono di Mario')
	];
	const roundId = await openRound(cards);
	expect((await laptop.put(ballotUrl(roundId), { data: dots(cards, 1) })).status()).toBe(200);
	expect((await phone.put(ballotUrl(roundId), { data: dots(cards, 0, 2) })).status()).toBe(200);

	const merge = (from: string, data: unknown) => fac.post(`${lineUrl(from)}/merge`, { data });
	const answer = await merge(merged.participantId, { into: kept.participantId });
	expect(answer.status()).toBe(200);
	expect(await answer.json()).toMatchObject({ id: kept.participantId, name: 'Mario Doppi' });
	expect((await linesNamed('Mario Doppi')).map((l) => l.id)).toEqual([kept.participantId]);

	// One ballot, the latest; both browsers now hold the kept line and read it.
	for (const browser of [laptop, phone]) {
		const mine = await browser.get(ballotUrl(roundId));
		expect(mine.status()).toBe(200);
		expect((await mine.json()).ballot).toEqual(dots(cards, 0, 2));
	}
	const boardJson = (await (await laptop.get(`/api/boards/${boardId}`)).json()) as {
		me: { participantId: string };
		cards: { id: string; authorId: string | null }[];
	};
	expect(boardJson.me.participantId).toBe(kept.participantId);
	expect(boardJson.cards.filter((c) => cards.includes(c.id)).map((c) => c.authorId)).toEqual([
		kept.participantId,
		kept.participantId
	]);
	expect((await reveal(roundId)).ballots).toBe(1);

	// Refused, nothing changed.
	const refusals: [string, unknown, number, Record<string, unknown>][] = [
		[merged.participantId, { into: kept.participantId }, 404, { error: 'unknown-line' }],
		[kept.participantId, { into: kept.participantId }, 400, { error: 'same-line' }],
		[kept.participantId, { into: 'pnone' }, 404, { error: 'unknown-line', unknown: ['pnone'] }],
		[kept.participantId, {}, 400, { error: 'invalid-input' }]
	];
	for (const [from, body, status, error] of refusals) {
		const refused = await merge(from, body);
		expect(refused.status(), JSON.stringify(body)).toBe(status);
		expect(await refused.json()).toMatchObject(error);
	}
	expect(await linesNamed('Mario Doppi')).toHaveLength(1);
});

test('[V4] [J8] an outsider typing an organisation’s name can neither read nor change its ballot', async () => {
	await resetBoard(fac, boardId);
	const cards = [await card(fac, 'Voce per le organizzazioni')];
	const delegate = await newBrowser();
	const outsider = await newBrowser();
	const delia = await join(delegate, 'Delia Delegata', 'Associazione Voce Comune');
	await join(outsider, 'Oscar Intruso', 'associazione voce comune ');
	const confirmed = await fac.put(`${lineUrl(delia.participantId)}/delegate`);
	expect(confirmed.status()).toBe(200);
	expect(await confirmed.json()).toMatchObject({ delegate: 'confirmed' });

	const roundId = await openRound(cards, { voice: 'organization' });
	expect((await delegate.put(ballotUrl(roundId), { data: dots(cards, 3) })).status()).toBe(200);
	const refused = [
		await outsider.get(ballotUrl(roundId)),
		await outsider.put(ballotUrl(roundId), { data: dots(cards, 1) }),
		await outsider.post(`/api/rounds/${roundId}/done`, { data: { done: true } })
	];
	for (const answer of refused) {
		expect(answer.status()).toBe(403);
		expect(await answer.json()).toEqual({ error: 'not-delegate' });
	}
	const seen = await (await outsider.get(`/api/rounds/${roundId}`)).json();
	expect(seen).toMatchObject({ mayVote: false, notDelegate: true, mine: null });
	expect((await (await delegate.get(ballotUrl(roundId))).json()).ballot).toEqual(dots(cards, 3));

	// Without the confirmation the delegate is refused too; a line with no organisation has none.
	expect((await fac.delete(`${lineUrl(delia.participantId)}/delegate`)).status()).toBe(200);
	expect((await delegate.get(ballotUrl(roundId))).status()).toBe(403);
	const loner = await join(await newBrowser(), 'Lino Solo');
	const none = await fac.put(`${lineUrl(loner.participantId)}/delegate`);
	expect(none.status()).toBe(409);
	expect(await none.json()).toEqual({ error: 'no-organization' });
	expect((await reveal(roundId)).ballots).toBe(1);
});
