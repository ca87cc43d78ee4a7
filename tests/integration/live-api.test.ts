import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoard } from '$lib/board/board-doc';
import { ownBallot } from '$lib/voting/ballot-repo.server';
import { getRound, openRound } from '$lib/voting/round-commands.server';
import { roundInput } from '$lib/voting/voting';
import {
	connectClient,
	guestCookie,
	startWithTodaysBoard,
	stopTestServer,
	type TestServer
} from './sync-server';

/**
 * The live path (server/live-api.ts): ballots and cards answered before
 * SvelteKit. The test server's SvelteKit is a stub that answers 404, so every
 * request the live path leaves to SvelteKit shows as a 404 here; the real
 * routes' answers to the same requests are compared in tests/e2e/live-path.e2e.ts.
 */
let server: TestServer;
let boardId: string;
let joinCode: string;
let anna: { cookie: string; participantId: string };

beforeAll(async () => {
	({
		server,
		board: { boardId, joinCode }
	} = await startWithTodaysBoard());
	anna = guestCookie(server, joinCode, 'Anna Diretta');
});

afterAll(() => stopTestServer(server));

function send(
	path: string,
	{
		method = 'POST',
		body = '{}' as BodyInit,
		cookie = anna.cookie,
		headers = {} as Record<string, string>
	} = {}
) {
	return fetch(`${server.origin}${path}`, {
		method,
		headers: {
			accept: '*/*',
			'content-type': 'application/json',
			origin: server.origin,
			cookie,
			...headers
		},
		body
	});
}

const cardBody = (text: string) =>
	JSON.stringify({ kind: 'need', text, target: '', policyAreaId: null });

describe('cards on the live path', () => {
	it('adds a card and answers as the route does, with the hooks’ headers', async () => {
		const before = server.app.live.answered;
		const response = await send(`/api/boards/${boardId}/cards`, {
			body: cardBody('Trasporti serali')
		});
		expect(response.status).toBe(201);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(await response.json()).toMatchObject({ text: 'Trasporti serali' });
		expect(server.app.live.answered).toBe(before + 1);
		const cards = readBoard(server.app.hub.room(boardId)!.doc).cards;
		expect(cards.some((c) => c.text === 'Trasporti serali')).toBe(true);
	});

	it('refuses a body the route would refuse, with the same reasons, and stores nothing', async () => {
		const count = () => readBoard(server.app.hub.room(boardId)!.doc).cards.length;
		const before = count();
		const path = `/api/boards/${boardId}/cards`;
		const malformed = await send(path, { body: '{"kind":' });
		expect([malformed.status, await malformed.json()]).toEqual([
			400,
			{ message: 'Malformed JSON body' }
		]);
		const notUtf8 = await send(path, { body: new Uint8Array([0x7b, 0xff, 0x7d]) });
		expect([notUtf8.status, await notUtf8.json()]).toEqual([
			400,
			{ message: 'Body is not valid UTF-8' }
		]);
		const unknownField = await send(path, {
			body: JSON.stringify({ kind: 'need', text: 'x', target: '', policyAreaId: null, admin: 1 })
		});
		expect(unknownField.status).toBe(400);
		expect(await unknownField.json()).toMatchObject({ error: 'invalid-input' });
		const control = await send(path, { body: cardBody('a\u0007b') });
		expect(control.status).toBe(400);
		expect(count()).toBe(before);
	});

	it('leaves to SvelteKit, body unread, every request it does not take whole', async () => {
		const path = `/api/boards/${boardId}/cards`;
		const before = server.app.live.answered;
		const count = () => readBoard(server.app.hub.room(boardId)!.doc).cards.length;
		const cards = count();
		const left = [
			send(path, { cookie: '' }),
			send(path, { cookie: 'tavoli_guest=forged' }),
			send(path, { cookie: 'tavoli_guest=%E0%A4%A' }),
			send(path, { headers: { origin: 'https://evil.example' } }),
			send(path, { headers: { accept: 'text/html' } }),
			send(path, { headers: { 'content-type': 'text/plain' } }),
			send(`/api/boards/nessuna/cards`, { body: cardBody('x') }),
			send(`${path}/`, { body: cardBody('x') }),
			send(path, { method: 'PUT', body: cardBody('x') }),
			send(path, { body: 'x'.repeat(70_000) })
		];
		for (const response of await Promise.all(left)) expect(response.status).toBe(404);
		expect(server.app.live.answered).toBe(before);
		expect(count()).toBe(cards);
	});

	it('shares the card throttle with the route: past 20 in a burst, 429 with Retry-After', async () => {
		const bruno = guestCookie(server, joinCode, 'Bruno Raffica');
		const statuses: number[] = [];
		for (let i = 0; i < 21; i++) {
			const response = await send(`/api/boards/${boardId}/cards`, {
				cookie: bruno.cookie,
				body: cardBody(`Raffica ${i}`)
			});
			statuses.push(response.status);
			if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
		}
		// The board's own bound per participant (B13) may come first: either way, refused.
		expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
		expect(statuses.at(-1)).toBe(429);
	});
});

describe('ballots on the live path', () => {
	let roundId: number;
	let cards: string[];

	beforeAll(() => {
		cards = readBoard(server.app.hub.room(boardId)!.doc).cards.map((c) => c.id);
		const opened = openRound(
			server.services,
			boardId,
			roundInput.parse({
				method: 'dot',
				targets: 'cards',
				targetIds: cards.slice(0, 3),
				budget: 3,
				cap: 2
			})
		);
		if (!opened.ok) throw new Error(opened.reason);
		roundId = opened.value;
	});

	const ballot = (...points: number[]) =>
		JSON.stringify({
			allocations: points
				.map((p, i) => ({ targetId: cards[i]!, points: p }))
				.filter((a) => a.points)
		});

	it('stores a whole ballot and answers with the budget left', async () => {
		const response = await send(`/api/rounds/${roundId}/ballot`, {
			method: 'PUT',
			body: ballot(2, 1)
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ remaining: 0 });
		const round = getRound(server.services.db, roundId)!;
		const stored = ownBallot(server.services.db, round, anna.participantId);
		expect(stored).toMatchObject({
			ok: true,
			value: { ballot: { allocations: [expect.anything(), expect.anything()] } }
		});
	});

	it('refuses a ballot over the budget or a cap and keeps the one stored', async () => {
		const round = getRound(server.services.db, roundId)!;
		const before = ownBallot(server.services.db, round, anna.participantId);
		for (const body of [ballot(2, 2), ballot(3), ballot(1, 1, 1, 1)]) {
			const response = await send(`/api/rounds/${roundId}/ballot`, { method: 'PUT', body });
			expect(response.status).toBe(400);
		}
		expect(ownBallot(server.services.db, round, anna.participantId)).toEqual(before);
	});

	it('leaves an unknown round, or a visitor without a session, to SvelteKit', async () => {
		const before = server.app.live.answered;
		for (const response of await Promise.all([
			send(`/api/rounds/999999/ballot`, { method: 'PUT', body: ballot(1) }),
			send(`/api/rounds/abc/ballot`, { method: 'PUT', body: ballot(1) }),
			send(`/api/rounds/${roundId}/ballot`, { method: 'PUT', body: ballot(1), cookie: '' })
		]))
			expect(response.status).toBe(404);
		expect(server.app.live.answered).toBe(before);
	});
});

describe('cookies the socket cannot read', () => {
	it('a malformed percent-escape in a cookie neither crashes the upgrade nor names a session', async () => {
		const client = connectClient(server, boardId, 'tavoli_guest=%E0%A4%A');
		const closed = await new Promise<boolean>((resolve) => {
			client.provider.on('connection-close', () => resolve(true));
			client.provider.on('sync', () => resolve(false));
		});
		client.provider.destroy();
		expect(closed).toBe(true);
		const healthy = await send(`/api/boards/${boardId}/cards`, { body: cardBody('Dopo') });
		expect(healthy.status).not.toBe(500);
	});
});
