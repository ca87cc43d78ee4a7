import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageType, readSignal } from '$lib/sync/protocol';
import { roundInput } from '$lib/voting/voting';
import { castBallot, markDone } from '$lib/voting/ballot-commands.server';
import { getRound, openRound, setRoundStatus } from '$lib/voting/round-commands.server';
import { tellProgress, tellRoundStatus } from '$lib/voting/round-signals.server';
import {
	accountCookie,
	changePhase,
	connectClient,
	eventually,
	guestCookie,
	startWithTodaysBoard,
	stopTestServer,
	submitCard,
	updateSettings,
	type TestServer
} from './sync-server';

/**
 * Signals (SPEC B16, V12): news outside the document on the board's socket, to
 * the connections that may hear it. Real server on loopback, stock y-websocket
 * clients with real sessions; the use cases are called as their routes call
 * them, then the signals they send are read off each client's socket.
 */
let server: TestServer;
let board: { boardId: string; joinCode: string };

beforeAll(async () => {
	({ server, board } = await startWithTodaysBoard());
});

afterAll(() => stopTestServer(server));

type Signal = { topic: string } & Record<string, unknown>;

/** A stock client that also keeps every signal, and the raw text of every frame it gets. */
async function listener(cookie: string) {
	const client = connectClient(server, board.boardId, cookie);
	const signals: Signal[] = [];
	const frames: string[] = [];
	const handlers = client.provider.messageHandlers;
	handlers[MessageType.signal] = (_encoder, decoder) => {
		signals.push(readSignal(decoder) as Signal);
	};
	// Every frame as it arrives (the decoder holds the whole of it), before its handler reads it.
	handlers.forEach((handler, type) => {
		handlers[type] = (encoder, decoder, ...rest) => {
			frames.push(Buffer.from(decoder.arr).toString('latin1'));
			handler(encoder, decoder, ...rest);
		};
	});
	await client.synced;
	const of = (topic: string) => signals.filter((s) => s.topic === topic);
	return { client, signals, frames, of };
}

function participant(name: string) {
	const guest = guestCookie(server, board.joinCode, name);
	return { ...guest, socket: listener(guest.cookie) };
}

describe('signals', () => {
	it('[V12][V5] a round: facilitators hear the counts, participants only the status, totals only with the reveal', async () => {
		const s = server.services;
		const anna = participant('Anna Signal');
		const bruno = participant('Bruno Signal');
		const [annaSocket, brunoSocket] = await Promise.all([anna.socket, bruno.socket]);
		const facilitator = await listener(accountCookie(server, 'facilitatore@demo.local'));
		for (const text of ['Trasporto serale', 'Sportello unico'])
			expect(
				submitCard(
					s,
					board.boardId,
					{ role: 'participant', participantId: anna.participantId },
					{
						kind: 'need',
						text,
						target: '',
						policyAreaId: null
					}
				).ok
			).toBe(true);
		const opened = openRound(
			s,
			board.boardId,
			roundInput.parse({ method: 'dot', targets: 'cards', budget: 3, cap: 3 })
		);
		if (!opened.ok) throw new Error(opened.reason);
		const roundId = opened.value;
		const round = server.app.hub.room(board.boardId)!;
		const target = round.doc.getMap('cards').keys().next().value as string;

		const ballot = { allocations: [{ targetId: target, points: 3 }] };
		expect(castBallot(s.db, roundId, anna.participantId, ballot, Date.now()).ok).toBe(true);
		tellProgress(s, board.boardId, roundId);
		expect(markDone(s.db, roundId, anna.participantId, true, Date.now()).ok).toBe(true);
		tellProgress(s, board.boardId, roundId);
		await eventually(() =>
			expect(facilitator.of('progress').at(-1)).toEqual({
				topic: 'progress',
				roundId,
				ballots: 1,
				done: 1
			})
		);
		// Two asks within the window, one count.
		expect(facilitator.of('progress')).toHaveLength(1);

		const closed = setRoundStatus(s, getRound(s.db, roundId)!, 'close');
		if (!closed.ok) throw new Error(closed.reason);
		tellRoundStatus(s, closed.value);
		// One socket keeps its order: once the close has arrived, anything sent before it has too.
		for (const socket of [annaSocket, brunoSocket, facilitator])
			await eventually(() =>
				expect(socket.of('round')).toEqual([{ topic: 'round', roundId, status: 'closed' }])
			);
		for (const socket of [annaSocket, brunoSocket]) {
			expect(socket.of('progress')).toEqual([]);
			// V5: nothing on a participant's socket says how many voted, nor any total.
			expect(socket.frames.join('\n')).not.toMatch(/"ballots"|"done"|"totals"|"ranking"/);
		}

		const revealed = setRoundStatus(s, closed.value, 'reveal');
		if (!revealed.ok) throw new Error(revealed.reason);
		tellRoundStatus(s, revealed.value);
		for (const socket of [annaSocket, brunoSocket, facilitator])
			await eventually(() => {
				const last = socket.of('round').at(-1) as unknown as {
					status: string;
					results?: { ranking: { targetId: string; score: number }[] };
				};
				expect(last.status).toBe('revealed');
				expect(last.results?.ranking[0]).toMatchObject({ targetId: target, score: 3 });
			});
		for (const socket of [annaSocket, brunoSocket, facilitator]) socket.client.provider.destroy();
	});

	it('[B16] waiting cards: only their author hears them; the moderation queue only facilitators', async () => {
		const s = server.services;
		changePhase(s, board.boardId, 'collect');
		updateSettings(s, board.boardId, { anonymous: true });
		server.app.hub.refreshMeta(board.boardId);
		const carla = participant('Carla Signal');
		const dario = participant('Dario Signal');
		const [carlaSocket, darioSocket] = await Promise.all([carla.socket, dario.socket]);
		const facilitator = await listener(accountCookie(server, 'facilitatore@demo.local'));

		const sent = submitCard(
			s,
			board.boardId,
			{ role: 'participant', participantId: carla.participantId },
			{ kind: 'problem', text: 'Nessuno risponde la sera', target: '', policyAreaId: null }
		);
		expect(sent.ok && sent.value.pending).toBe(true);
		await eventually(() =>
			expect(carlaSocket.of('pending').at(-1)).toMatchObject({
				cards: [{ text: 'Nessuno risponde la sera', status: 'review' }]
			})
		);
		await eventually(() =>
			expect(facilitator.of('moderation').at(-1)).toMatchObject({
				items: [{ text: 'Nessuno risponde la sera' }]
			})
		);
		// The queue names no author (B7), and Carla's own list goes to her alone.
		expect(JSON.stringify(facilitator.of('moderation'))).not.toContain(carla.participantId);
		expect(facilitator.of('pending')).toEqual([]);
		expect(darioSocket.signals).toEqual([]);
		expect(carlaSocket.of('moderation')).toEqual([]);
		for (const socket of [carlaSocket, darioSocket, facilitator]) socket.client.provider.destroy();
	});
});
