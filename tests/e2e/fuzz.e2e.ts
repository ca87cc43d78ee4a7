import { expect, test } from '@playwright/test';
import * as encoding from 'lib0/encoding';
import { DEFAULT_CARD_LIMIT } from '../../src/lib/board/board';
import { addCard, setCardText } from '../../src/lib/board/board-doc';
import {
	cardIds,
	leave,
	nodeClient,
	rawSocket,
	ServerProcess,
	todayInRome,
	type NodeClient
} from './sync-node';
import { prng } from '../support/prng';

/**
 * Fuzzing the sync endpoint (issue 4): for a fixed time, many connections send
 * random and mutated frames while honest clients work. The server must not
 * crash, must close every connection that sent a frame it cannot accept, and the
 * honest clients must converge with nothing lost.
 */
const server = new ServerProcess(Number(process.env.E2E_PORT ?? 4173) + 80);
const BUDGET_MS = Number(process.env.FUZZ_MS ?? 15_000);
const FUZZERS = 12;

type Frame = { bytes: Uint8Array | string; invalid: boolean };

/** One hostile frame; `invalid` ones must get the connection closed. */
function makeFrame(rand: () => number, samples: Uint8Array[]): Frame {
	const pick = Math.floor(rand() * 8);
	const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
	const envelope = (type: number, step: number | null, payload: Uint8Array) => {
		const e = encoding.createEncoder();
		encoding.writeVarUint(e, type);
		if (step !== null) encoding.writeVarUint(e, step);
		encoding.writeVarUint8Array(e, payload);
		return encoding.toUint8Array(e);
	};
	const sample = samples[Math.floor(rand() * samples.length)] ?? new Uint8Array([0, 0, 0]);
	switch (pick) {
		case 0:
			return { bytes: bytes(1 + Math.floor(rand() * 64)), invalid: false };
		case 1:
			return {
				bytes: sample.slice(0, Math.max(1, Math.floor(rand() * (sample.length - 1)))),
				invalid: true
			};
		case 2:
			return { bytes: new Uint8Array(1.2 * 1024 * 1024), invalid: true };
		case 3:
			return { bytes: envelope(5 + Math.floor(rand() * 200), null, bytes(8)), invalid: true };
		case 4:
			return { bytes: envelope(0, 2, bytes(4 + Math.floor(rand() * 40))), invalid: false };
		case 5: {
			const mutated = sample.slice();
			for (let i = 0; i < 3; i++)
				mutated[Math.floor(rand() * mutated.length)] = Math.floor(rand() * 256);
			return { bytes: mutated, invalid: false };
		}
		case 6:
			return { bytes: envelope(1, null, bytes(16)), invalid: false };
		default:
			return { bytes: 'not binary', invalid: true };
	}
}

test('[B10] random and mutated frames on many connections: no crash, bad ones closed, nothing lost @faults', async () => {
	test.setTimeout(BUDGET_MS + 120_000);
	const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 100000);
	console.log(`fuzz seed: ${seed} (rerun with FUZZ_SEED=${seed})`);
	const rand = prng(seed);
	await server.start();
	const facilitator = await server.login('facilitatore@demo.local');
	const { boardId, joinCode } = await server.openBoard(
		facilitator,
		(m) => m.date === todayInRome()
	);

	const honest: (NodeClient & { id: string; written: string[] })[] = [];
	for (let i = 0; i < 5; i++) {
		const who = await server.join(joinCode, `Onesto ${i}`);
		honest.push({ ...nodeClient(server, boardId, who.cookie), id: who.participantId, written: [] });
	}
	await Promise.all(honest.map((c) => c.synced));
	// Real frames to mutate: what honest clients send.
	const samples: Uint8Array[] = [];
	honest[0]!.doc.on(
		'update',
		(u: Uint8Array) =>
			samples.length < 200 && samples.push(Uint8Array.from([0, 2, ...encodeLength(u.length), ...u]))
	);
	// Honest means within the rules: past the phase's cap a card is refused and the
	// writer's connection closed (4429), as it should be.
	const writing = setInterval(() => {
		const room = honest.filter((c) => c.written.length < DEFAULT_CARD_LIMIT);
		if (room.length === 0) return;
		const c = room[Math.floor(rand() * room.length)]!;
		const id = `h${c.written.length}${c.id}`;
		addCard(c.doc, { id, kind: 'need', text: 'bisogno', authorId: c.id, createdAt: Date.now() });
		setCardText(c.doc, id, `bisogno ${c.written.length}`);
		c.written.push(id);
	}, 20);

	let frames = 0;
	let closedAfterInvalid = 0;
	let invalidSent = 0;
	const stillOpenAfterInvalid: string[] = [];
	const deadline = Date.now() + BUDGET_MS;
	await Promise.all(
		Array.from({ length: FUZZERS }, async (_, f) => {
			const guest = await server.join(joinCode, `Fuzzer ${f}`);
			while (Date.now() < deadline) {
				const socket = rawSocket(server, boardId, guest.cookie);
				if ((await socket.opened) !== 101) continue;
				let sentInvalid = false;
				for (let i = 0; i < 20 && socket.ws.readyState === socket.ws.OPEN && !sentInvalid; i++) {
					const frame = makeFrame(rand, samples);
					socket.ws.send(frame.bytes);
					frames++;
					sentInvalid = frame.invalid;
					await new Promise((r) => setTimeout(r, 5));
				}
				if (sentInvalid) invalidSent++;
				const outcome = await Promise.race([
					socket.closed.then(() => 'closed'),
					new Promise((r) => setTimeout(() => r('open'), 2000))
				]);
				if (sentInvalid && outcome === 'closed') closedAfterInvalid++;
				if (sentInvalid && outcome === 'open') stillOpenAfterInvalid.push(`fuzzer ${f}`);
				socket.ws.terminate();
				expect(server.alive).toBe(true);
			}
		})
	);
	clearInterval(writing);

	expect(await server.healthy()).toBe(true);
	expect(stillOpenAfterInvalid).toEqual([]);
	// A refused honest client stops converging: say so rather than time out below.
	expect(honest.flatMap((c) => c.refusals)).toEqual([]);
	const everyCard = honest.flatMap((c) => c.written);
	await expect
		.poll(() => honest.filter((c) => everyCard.some((id) => !cardIds(c.doc).has(id))).length, {
			timeout: 30_000
		})
		.toBe(0);
	expect(honest.flatMap((c) => c.refusals)).toEqual([]);
	const stored = cardIds(server.storedDoc(boardId));
	expect(everyCard.filter((id) => !stored.has(id))).toEqual([]);
	test.info().annotations.push({
		type: 'fuzz',
		description: `${frames} frames, ${invalidSent} invalid, ${closedAfterInvalid} closed, ${everyCard.length} honest cards kept`
	});
	console.log(
		`fuzz: ${frames} frames, ${invalidSent} connections sent an invalid frame, ${closedAfterInvalid} closed; ${everyCard.length} honest cards, 0 lost`
	);
	for (const c of honest) leave(c);
	await server.kill('SIGTERM');
});

function encodeLength(n: number): number[] {
	const out: number[] = [];
	while (n > 127) {
		out.push((n & 127) | 128);
		n >>>= 7;
	}
	out.push(n);
	return out;
}
