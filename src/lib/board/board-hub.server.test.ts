import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { joinWithCode } from '$lib/attendance/join.server';
import { createTestDatabase } from '$lib/server/db/test-database';
import { addAmbitoWithPlan, addMeeting, addTavolo, addUser } from '$lib/server/db/test-fixtures';
import type { DocumentStore } from '$lib/sync/document-store';
import { readMessage } from '$lib/sync/protocol';
import { Root } from './board-doc';
import { openBoard } from './board-commands.server';
import { BoardDocumentStore, type CardRecord } from './board-document-store.server';
import { BoardHub } from './board-hub.server';
import { participantOf } from './board-room.server';

/**
 * A store whose commits finish when the test says, as the writer thread's do
 * when its fsync is done; it counts what the event loop would wait for: a
 * `settle` (blocking for the commit under way) and an `append` of its own.
 */
function writerLikeStore(inner: DocumentStore<CardRecord>) {
	const waits = { settle: 0, append: 0 };
	let underWay: (() => void)[] = [];
	const finish = () => {
		const run = underWay;
		underWay = [];
		for (const commit of run) commit();
	};
	const store: DocumentStore<CardRecord> = {
		load: (docId) => inner.load(docId),
		commit: (batches, now, done) => void underWay.push(() => inner.commit(batches, now, done)),
		settle: () => {
			waits.settle++;
			finish();
		},
		append: (docId, batch, now) => {
			waits.append++;
			return inner.append(docId, batch, now);
		},
		compact: (docId, state, uptoId, now) => inner.compact(docId, state, uptoId, now),
		transaction: (fn) => inner.transaction(fn),
		release: () => inner.release()
	};
	return { store, waits, finish, committing: () => underWay.length };
}

describe('[B11] a newcomer on a board', () => {
	let cleanup = () => {};
	afterEach(() => cleanup());

	it('connects without the event loop waiting for a commit; their name is stored, then sent on', async () => {
		const test = createTestDatabase();
		cleanup = test.cleanup;
		const now = Date.now();
		const clock = { now: () => now };
		const facilitator = await addUser(test.db, 'facilitatore@example.org', { role: 'facilitator' });
		const tavoloId = addTavolo(test.db, addAmbitoWithPlan(test.db).planId, 'Domiciliarità');
		const { boardId, joinCode } = openBoard(
			{ db: test.db, hub: new BoardHub(test.db, clock, {}), clock },
			addMeeting(test.db, tavoloId, '2026-03-10'),
			facilitator.id
		);
		const joined = joinWithCode(
			test.db,
			{ code: joinCode, name: 'Anna Rota', organization: 'Coop Sole', consent: true },
			now
		);
		if (!joined.ok) throw new Error(joined.reason);
		const { participantId } = joined.value;

		const inner = BoardDocumentStore.of(test.db);
		const writer = writerLikeStore(inner);
		const hub = new BoardHub(test.db, clock, {}, writer.store);
		hub.room(boardId);
		writer.finish();
		const waitsBefore = { ...writer.waits };

		const sent: string[] = [];
		const socket = {
			send: (data: Uint8Array) => void sent.push(readMessage(data).type),
			close: () => undefined
		};
		const who = participantOf({ role: 'participant', participantId }, 'Anna Rota', 'Coop Sole');
		hub.connect(boardId, socket, who);
		expect(writer.waits).toEqual(waitsBefore);
		expect(sent).not.toContain('update');

		// The turn's commit takes the name; it goes out only once that commit is done.
		await new Promise((resolve) => setImmediate(resolve));
		expect(writer.committing()).toBe(1);
		expect(sent).not.toContain('update');
		writer.finish();
		expect(sent).toContain('update');
		expect(writer.waits).toEqual(waitsBefore);

		const stored = inner.load(boardId);
		const doc = new Y.Doc();
		for (const update of [stored.snapshot, ...stored.updates])
			if (update) Y.applyUpdate(doc, update);
		expect(doc.getMap(Root.participants).get(participantId)).toEqual({
			name: 'Anna Rota',
			organization: 'Coop Sole'
		});
	});
});
