import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeEffects } from './effects';
import { prng as random } from '../../../tests/support/prng';

/**
 * The effects model's promise, fuzzed: an update it accepts applies without
 * Yjs throwing and leaves nothing pending. Mutations of real updates (bit
 * flips, replaced bytes, cuts, splices of two updates) against a real
 * document. `EFFECTS_FUZZ_RUNS` raises the count, `EFFECTS_FUZZ_SEED` fixes it.
 */
const runs = Number(process.env.EFFECTS_FUZZ_RUNS ?? 3000);
const seed = Number(process.env.EFFECTS_FUZZ_SEED ?? Date.now() % 1_000_000);

/** A board-like document written by three clients, and the updates that wrote it. */
function history(rand: () => number): { updates: Uint8Array[]; docs: Y.Doc[] } {
	const docs = [1, 2, 3].map((id) => {
		const d = new Y.Doc();
		d.clientID = id;
		return d;
	});
	const updates: Uint8Array[] = [];
	for (const d of docs) d.on('update', (u: Uint8Array) => updates.push(u));
	for (let step = 0; step < 60; step++) {
		const d = docs[Math.floor(rand() * docs.length)]!;
		const cards = d.getMap<Y.Map<unknown>>('cards');
		const ids = [...cards.keys()];
		const pick = rand();
		if (pick < 0.3 || ids.length === 0) {
			const card = new Y.Map<unknown>();
			cards.set(`c${step}`, card);
			card.set('kind', 'need');
			card.set('text', new Y.Text('testo'));
		} else {
			const card = cards.get(ids[Math.floor(rand() * ids.length)]!)!;
			if (pick < 0.6) (card.get('text') as Y.Text | undefined)?.insert(0, 'ab');
			else if (pick < 0.8) card.set('kind', 'problem');
			else cards.delete(ids[0]!);
		}
		for (const other of docs) if (other !== d) Y.applyUpdate(other, Y.encodeStateAsUpdate(d));
	}
	return { updates, docs };
}

function mutate(rand: () => number, update: Uint8Array, other: Uint8Array): Uint8Array {
	const bytes = Uint8Array.from(update);
	switch (Math.floor(rand() * 4)) {
		case 0:
			for (let i = 0; i < 1 + rand() * 3; i++)
				bytes[Math.floor(rand() * bytes.length)]! ^= 1 << Math.floor(rand() * 8);
			return bytes;
		case 1:
			for (let i = 0; i < 1 + rand() * 3; i++)
				bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
			return bytes;
		case 2:
			return bytes.slice(0, Math.floor(rand() * bytes.length));
		default: {
			const cut = Math.floor(rand() * bytes.length);
			return Uint8Array.from([
				...bytes.slice(0, cut),
				...other.slice(Math.floor(rand() * other.length))
			]);
		}
	}
}

describe('effects model, fuzzed', () => {
	it(
		`an accepted update applies cleanly (seed ${seed}, ${runs} runs)`,
		{ timeout: 20_000 + runs * 5 },
		() => {
			const rand = random(seed);
			const { updates } = history(rand);
			let accepted = 0;
			for (let run = 0; run < runs; run++) {
				const server = new Y.Doc();
				const known = Math.floor(rand() * updates.length);
				for (const u of updates.slice(0, known)) Y.applyUpdate(server, u);
				const update = mutate(
					rand,
					updates[Math.floor(rand() * updates.length)]!,
					updates[Math.floor(rand() * updates.length)]!
				);
				const result = computeEffects(server, update);
				if (!result.ok) continue;
				accepted++;
				const context = `seed ${seed}, run ${run}: ${Buffer.from(update).toString('base64')}`;
				expect(() => Y.applyUpdate(server, update), context).not.toThrow();
				expect(server.store.pendingStructs, context).toBeNull();
				expect(server.store.pendingDs, context).toBeNull();
			}
			expect(accepted).toBeGreaterThan(0);
		}
	);
});
