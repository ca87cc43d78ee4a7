import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, guestByApi, todaysBoardByApi } from './voting-setup';

/**
 * Ballots and cards are answered before SvelteKit by server/live-api.ts when the
 * request is an ordinary one (Accept `*\/*` or `application/json`), and by their
 * SvelteKit route otherwise, through the same `LiveEndpoint`. The same request
 * sent both ways must get the same status and the same body.
 */
type Guest = Awaited<ReturnType<typeof guestByApi>>;
let fac: APIRequestContext;
let boardId: string;
let guest: Guest;

const LIVE = { accept: '*/*' };
/** Still JSON for SvelteKit's negotiation, but not an Accept the live path takes. */
const SVELTEKIT = { accept: 'application/json, text/plain;q=0.5' };

async function both(method: 'post' | 'put', path: string, data: string | Buffer) {
	const answers = [];
	for (const headers of [LIVE, SVELTEKIT]) {
		const response = await guest.request[method](path, {
			data,
			headers: { ...headers, 'content-type': 'application/json' }
		});
		answers.push({ status: response.status(), body: await response.text() });
	}
	return answers;
}

test.beforeAll(async () => {
	fac = await apiAs('facilitator');
	let joinCode: string;
	({ boardId, joinCode } = await todaysBoardByApi(fac));
	guest = await guestByApi(joinCode, 'Lia Doppia', 'Cooperativa Due Strade');
});

test.afterAll(async () => {
	await guest.request.dispose();
	await fac.dispose();
});

test('a card and a ballot get the same answers on the live path and through SvelteKit', async () => {
	const cardsPath = `/api/boards/${boardId}/cards`;
	const refused = [
		'{"kind":',
		Buffer.from([0x7b, 0xff, 0x7d]),
		JSON.stringify({ kind: 'need', text: 'x', target: '', policyAreaId: null, extra: true }),
		JSON.stringify({ kind: 'need', text: '', target: '', policyAreaId: null }),
		JSON.stringify({ kind: 'need', text: 'a\u0007b', target: '', policyAreaId: null }),
		JSON.stringify({ kind: 'need', text: 'x', target: '', policyAreaId: 999999 }),
		'[]'
	];
	for (const data of refused) {
		const [live, svelteKit] = await both('post', cardsPath, data);
		expect(live!.status).toBeGreaterThanOrEqual(400);
		expect(live).toEqual(svelteKit);
	}
	const made = await both(
		'post',
		cardsPath,
		JSON.stringify({ kind: 'need', text: 'Sportello serale', target: '', policyAreaId: null })
	);
	expect(made.map((a) => a.status)).toEqual([201, 201]);
	const [one, two] = made.map((a) => JSON.parse(a.body) as Record<string, unknown>);
	expect(Object.keys(one!).sort()).toEqual(Object.keys(two!).sort());

	const cards = (
		(await (await fac.get(`/api/boards/${boardId}`)).json()) as { cards: { id: string }[] }
	).cards.map((c) => c.id);
	const opened = await fac.post(`/api/boards/${boardId}/rounds`, {
		data: { method: 'dot', targets: 'cards', targetIds: cards.slice(0, 2), budget: 3, cap: 2 }
	});
	expect(opened.status()).toBe(201);
	const { roundId } = (await opened.json()) as { roundId: number };
	const ballotPath = `/api/rounds/${roundId}/ballot`;
	const ballot = (...points: number[]) =>
		JSON.stringify({ allocations: points.map((p, i) => ({ targetId: cards[i], points: p })) });
	for (const data of [
		ballot(2, 1),
		ballot(3),
		ballot(2, 2),
		JSON.stringify({ allocations: [{ targetId: 'nessuna', points: 1 }] }),
		JSON.stringify({ allocations: 'tutti' }),
		'{'
	]) {
		const [live, svelteKit] = await both('put', ballotPath, data);
		expect(live).toEqual(svelteKit);
	}
	await fac.post(`/api/rounds/${roundId}/status/close`);
	const [live, svelteKit] = await both('put', ballotPath, ballot(1));
	expect(live!.status).toBe(409);
	expect(live).toEqual(svelteKit);
	await fac.post(`/api/rounds/${roundId}/status/reveal`);
});
