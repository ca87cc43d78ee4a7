import { expect, test, type APIRequestContext } from '@playwright/test';
import { Root } from '../../src/lib/board/board-doc';
import { demoIds } from './demo-db';
import { apiAs, guestByApi, todaysBoardByApi } from './voting-setup';
import { socketSees } from './voting-socket';

/**
 * The voting API against the running server (SPEC V2-V5, V9): whole ballots
 * under concurrency, replays and forged bodies, foreign sessions, secrecy of
 * totals over HTTP and over the sync socket, organisation voices, paper ballots.
 */
type Guest = Awaited<ReturnType<typeof guestByApi>>;
let fac: APIRequestContext;
let boardId: string;
let joinCode: string;
let anna: Guest;
let bruno: Guest;
let cards: string[] = [];

const dots = (...points: number[]) => ({
	allocations: points
		.map((p, i) => ({ targetId: cards[i]!, points: p }))
		.filter((a) => a.points > 0)
});
const ballotUrl = (roundId: number) => `/api/rounds/${roundId}/ballot`;

async function openRound(options: Record<string, unknown> = {}): Promise<number> {
	const response = await fac.post(`/api/boards/${boardId}/rounds`, {
		data: { method: 'dot', targets: 'cards', targetIds: cards, ...options }
	});
	expect(response.status()).toBe(201);
	return ((await response.json()) as { roundId: number }).roundId;
}

async function setStatus(roundId: number, action: 'close' | 'reopen' | 'reveal') {
	expect((await fac.post(`/api/rounds/${roundId}/status/${action}`)).status()).toBe(200);
}

async function results(roundId: number) {
	const response = await fac.get(`/api/rounds/${roundId}/results`);
	expect(response.status()).toBe(200);
	return (await response.json()) as {
		ballots: number;
		paperBallots: number;
		ranking: { targetId: string; score: number }[];
		named?: { name: string; ballot: unknown; paper: boolean }[];
	};
}

test.beforeAll(async () => {
	fac = await apiAs('facilitator');
	({ boardId, joinCode } = await todaysBoardByApi(fac));
	anna = await guestByApi(joinCode, 'Anna Voto', 'Cooperativa Il Sole');
	bruno = await guestByApi(joinCode, 'Bruno Voto', 'Comune di Pedrengo');
	cards = [];
	for (const text of [
		'Trasporto serale',
		'Badanti di quartiere',
		'Sportello unico',
		'Orti sociali'
	]) {
		const r = await anna.request.post(`/api/boards/${boardId}/cards`, {
			data: { kind: 'need', text: `${text} (prova di voto)` }
		});
		expect(r.status()).toBe(201);
		cards.push(((await r.json()) as { id: string }).id);
	}
});

test.afterAll(async () => {
	for (const context of [fac, anna.request, bruno.request]) await context.dispose();
});

test('[V2] fifty concurrent whole ballots never leave one voter over budget or cap', async () => {
	const roundId = await openRound({ budget: 5, cap: 3, anonymous: false });
	const ballots = Array.from({ length: 50 }, (_, i) =>
		dots(...cards.map((_, j) => (i + j * i) % 5))
	);
	const valid = (b: ReturnType<typeof dots>) =>
		b.allocations.every((a) => a.points <= 3) &&
		b.allocations.reduce((n, a) => n + a.points, 0) <= 5;
	expect(ballots.filter(valid).length).toBeGreaterThan(0);
	expect(ballots.filter((b) => !valid(b)).length).toBeGreaterThan(0);
	const answers = await Promise.all(
		ballots.map((data) => anna.request.put(ballotUrl(roundId), { data }))
	);
	answers.forEach((answer, i) => expect(answer.status()).toBe(valid(ballots[i]!) ? 200 : 400));

	const stored = (await (await anna.request.get(ballotUrl(roundId))).json()) as {
		ballot: ReturnType<typeof dots>;
		remaining: number;
	};
	const total = stored.ballot.allocations.reduce((n, a) => n + a.points, 0);
	expect(stored.ballot.allocations.every((a) => a.points <= 3)).toBe(true);
	expect(total).toBeLessThanOrEqual(5);
	expect(stored.remaining).toBe(5 - total);
	expect(ballots.filter(valid)).toContainEqual(stored.ballot);

	await setStatus(roundId, 'reveal');
	const revealed = await results(roundId);
	expect(revealed.ballots).toBe(1);
	expect(revealed.ranking.reduce((n, r) => n + r.score, 0)).toBe(total);
	expect(revealed.named).toEqual([
		{ name: 'Anna Voto', organization: 'Cooperativa Il Sole', ballot: stored.ballot, paper: false }
	]);
});

test('[V2] ballots of several voters sent at once: the one over budget is refused with its reason, the others are stored', async () => {
	const roundId = await openRound({ budget: 3, cap: 3, anonymous: false });
	const others = await Promise.all(
		['Carla Lotto', 'Dario Lotto', 'Elsa Lotto'].map((name) =>
			guestByApi(joinCode, name, 'Comune di Seriate')
		)
	);
	const voters = [anna, bruno, ...others];
	// The server commits the ballots that arrive together in one transaction (BallotBatch).
	const answers = await Promise.all(
		voters.map((voter, i) =>
			voter.request.put(ballotUrl(roundId), { data: i === 2 ? dots(2, 2) : dots(1, 1, 1) })
		)
	);
	expect(answers.map((a) => a.status())).toEqual([200, 200, 400, 200, 200]);
	expect(await answers[2]!.json()).toMatchObject({ error: 'over-budget' });
	await setStatus(roundId, 'reveal');
	const revealed = await results(roundId);
	expect(revealed.ballots).toBe(4);
	expect(revealed.named?.map((n) => n.name).sort()).toEqual([
		'Anna Voto',
		'Bruno Voto',
		'Dario Lotto',
		'Elsa Lotto'
	]);
	for (const other of others) await other.request.dispose();
});

test('[V2] a ballot replayed after the round closed gets 409 and changes nothing', async () => {
	const roundId = await openRound();
	const first = dots(2, 1);
	expect((await bruno.request.put(ballotUrl(roundId), { data: first })).status()).toBe(200);
	await setStatus(roundId, 'close');
	const replay = await bruno.request.put(ballotUrl(roundId), { data: dots(0, 0, 3) });
	expect(replay.status()).toBe(409);
	expect(await replay.json()).toEqual({ error: 'round-closed' });
	const done = await bruno.request.post(`/api/rounds/${roundId}/done`, { data: { done: true } });
	expect(done.status()).toBe(409);
	expect((await (await bruno.request.get(ballotUrl(roundId))).json()).ballot).toEqual(first);
	await setStatus(roundId, 'reveal');
});

test('[V2] a forged body gets 400 and changes nothing', async () => {
	const roundId = await openRound();
	const kept = dots(1);
	expect((await anna.request.put(ballotUrl(roundId), { data: kept })).status()).toBe(200);
	const forged = [
		{ ...dots(3), participantId: bruno.participantId },
		{ allocations: [{ targetId: cards[0], points: 2, participantId: bruno.participantId }] },
		{ allocations: [{ targetId: cards[0], points: -1 }] },
		{ allocations: [{ targetId: 'not-a-card', points: 1 }] },
		{ ranking: [cards[0]] },
		{ allocations: [], ranking: [] }
	];
	for (const data of forged)
		expect(
			(await anna.request.put(ballotUrl(roundId), { data })).status(),
			JSON.stringify(data)
		).toBe(400);
	const done = await anna.request.post(`/api/rounds/${roundId}/done`, {
		data: { done: true, participantId: bruno.participantId }
	});
	expect(done.status()).toBe(400);
	expect((await (await anna.request.get(ballotUrl(roundId))).json()).ballot).toEqual(kept);
	await setStatus(roundId, 'reveal');
});

test('[V3] a foreign session gets 401 or 403', async () => {
	const roundId = await openRound();
	const forged = await apiAs('anonymous');
	const headers = { cookie: 'tavoli_guest=forged-session-value' };
	expect((await forged.get(`/api/rounds/${roundId}`, { headers })).status()).toBe(401);
	expect((await forged.put(ballotUrl(roundId), { headers, data: dots(1) })).status()).toBe(401);

	const admin = await apiAs('admin');
	const other = await admin.post(`/api/meetings/${demoIds().meeting.other}/board`);
	const stranger = await guestByApi(
		((await other.json()) as { joinCode: string }).joinCode,
		'Estranea'
	);
	expect((await stranger.request.get(`/api/rounds/${roundId}`)).status()).toBe(403);
	expect((await stranger.request.put(ballotUrl(roundId), { data: dots(1) })).status()).toBe(403);

	const observer = await apiAs('observer');
	const seen = (await (await observer.get(`/api/rounds/${roundId}`)).json()) as {
		mayVote: boolean;
	};
	expect(seen.mayVote).toBe(false);
	expect((await observer.put(ballotUrl(roundId), { data: dots(1) })).status()).toBe(403);
	// Facilitators vote only in rounds that let them.
	expect((await fac.put(ballotUrl(roundId), { data: dots(1) })).status()).toBe(403);
	for (const context of [forged, admin, stranger.request, observer]) await context.dispose();
	await setStatus(roundId, 'reveal');
});

test('[V5] no total before the reveal: not over HTTP, not over the sync socket', async () => {
	const roundId = await openRound({ anonymous: false });
	const mine = dots(3, 2);
	expect((await anna.request.put(ballotUrl(roundId), { data: mine })).status()).toBe(200);
	expect((await bruno.request.put(ballotUrl(roundId), { data: dots(0, 0, 3) })).status()).toBe(200);
	for (const guest of [anna, bruno])
		await guest.request.post(`/api/rounds/${roundId}/done`, { data: { done: true } });
	const observer = await apiAs('observer');

	const socket = await socketSees(anna.request, boardId);
	// Only the board's own roots (objective cards too, when earlier journeys drafted some).
	expect(socket.roots.every((r) => (Object.values(Root) as string[]).includes(r))).toBe(true);
	expect(socket.roundId).toBe(roundId);
	expect(socket.bytes).not.toMatch(/allocations|ballot|points/);

	for (const action of ['open', 'close'] as const) {
		if (action === 'close') await setStatus(roundId, 'close');
		for (const who of [fac, anna.request, observer]) {
			const answer = await who.get(`/api/rounds/${roundId}/results`);
			expect(answer.status()).toBe(409);
			expect(await answer.json()).toEqual({ error: 'not-revealed' });
		}
	}
	type Listed = { roundId: number; mine: unknown; progress?: unknown };
	const listed = (await (
		await anna.request.get(`/api/boards/${boardId}/rounds`)
	).json()) as Listed[];
	const single = (await (await anna.request.get(`/api/rounds/${roundId}`)).json()) as Listed;
	for (const round of [listed.find((r) => r.roundId === roundId)!, single]) {
		expect(round.mine).toEqual({ ballot: mine, remaining: 0, done: true });
		expect(round.progress).toBeUndefined();
	}
	expect(JSON.stringify(listed)).not.toContain('Bruno Voto');
	const desk = (await (await fac.get(`/api/rounds/${roundId}`)).json()) as Record<string, unknown>;
	expect(desk.progress).toEqual({ ballots: 2, done: 2 });
	expect(desk.mine).toBeNull();
	expect(JSON.stringify(desk)).not.toMatch(/allocations|Anna Voto|Bruno Voto/);
	await setStatus(roundId, 'reveal');
	expect((await observer.get(`/api/rounds/${roundId}/results`)).status()).toBe(200);
	await observer.dispose();
});

test('[V4] the confirmed delegates of one organisation share one ballot', async () => {
	const roundId = await openRound({ voice: 'organization', budget: 4, cap: 4 });
	const first = await guestByApi(joinCode, 'Prima Voce', 'Associazione Voce Comune');
	const second = await guestByApi(joinCode, 'Seconda Voce', 'associazione voce comune ');
	const delegate = (g: Guest) =>
		fac.put(`/api/meetings/${demoIds().todayMeeting}/attendance/${g.participantId}/delegate`);
	expect((await delegate(first)).status()).toBe(200);
	expect((await first.request.put(ballotUrl(roundId), { data: dots(3) })).status()).toBe(200);
	const refused = await second.request.get(ballotUrl(roundId));
	expect([refused.status(), await refused.json()]).toEqual([403, { error: 'not-delegate' }]);
	expect((await delegate(second)).status()).toBe(200);
	const shared = await (await second.request.get(ballotUrl(roundId))).json();
	expect(shared).toMatchObject({ ballot: dots(3), remaining: 1 });
	const over = await second.request.put(ballotUrl(roundId), { data: dots(3, 2) });
	expect(await over.json()).toEqual({ error: 'over-budget' });
	expect((await second.request.put(ballotUrl(roundId), { data: dots(0, 4) })).status()).toBe(200);
	expect(await (await first.request.get(ballotUrl(roundId))).json()).toMatchObject({
		ballot: dots(0, 4),
		remaining: 0
	});
	await setStatus(roundId, 'reveal');
	const revealed = await results(roundId);
	expect(revealed.ballots).toBe(1);
	expect(revealed.ranking.find((r) => r.targetId === cards[1])?.score).toBe(4);
	for (const guest of [first, second]) await guest.request.dispose();
});

test('[V9] a paper ballot is counted and marked as paper', async () => {
	const roundId = await openRound({ anonymous: false });
	const meetingId = demoIds().todayMeeting;
	const line = await fac.post(`/api/meetings/${meetingId}/attendance`, {
		data: { name: 'Elsa Carta', organization: 'Comune di Seriate' }
	});
	expect(line.status()).toBe(201);
	const { id } = (await line.json()) as { id: string };
	const paper = (attendanceId: string, who = fac) =>
		who.post(`/api/rounds/${roundId}/paper-ballots`, {
			data: { attendanceId, ballot: dots(0, 0, 2) }
		});
	expect((await paper('pnobody')).status()).toBe(404);
	expect((await paper(id, anna.request)).status()).toBe(403);
	expect((await paper(id)).status()).toBe(201);
	expect((await anna.request.put(ballotUrl(roundId), { data: dots(1) })).status()).toBe(200);
	await setStatus(roundId, 'reveal');
	const revealed = await results(roundId);
	expect(revealed).toMatchObject({ ballots: 2, paperBallots: 1 });
	expect(revealed.named?.find((n) => n.name === 'Elsa Carta')?.paper).toBe(true);
	expect(revealed.named?.find((n) => n.name === 'Anna Voto')?.paper).toBe(false);
	expect(revealed.ranking.find((r) => r.targetId === cards[2])?.score).toBe(2);
});
