import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { joinWithCode } from '$lib/attendance/join.server';
import { openDatabase, type Db } from '$lib/server/db/database';
import { createTestDatabase } from '$lib/server/db/test-database';
import { addAmbitoWithPlan, addMeeting, addTavolo, addUser } from '$lib/server/db/test-fixtures';
import type { CommitOutcome, DocumentStore } from '$lib/sync/document-store';
import { RoomStorage, type Accepted } from '$lib/sync/room-storage';
import { documentStoreContract, type StoreFixture } from '$lib/sync/document-store.contract';
import { openBoard } from './board-commands.server';
import { BoardDocumentStore, type CardRecord } from './board-document-store.server';
import { BoardHub } from './board-hub.server';
import { BoardWriterStore } from './board-writer-store.server';

/**
 * The SQLite store against the document-store contract, on real files: a
 * database with two open boards and two people on the foglio firme is made
 * once, and each test works on its own copy.
 */
let template: { dir: string; file: string; boards: [string, string]; people: [string, string] };

beforeAll(async () => {
	const test = createTestDatabase();
	const now = Date.now();
	const tavoloId = addTavolo(test.db, addAmbitoWithPlan(test.db).planId, 'Domiciliarità');
	const facilitator = await addUser(test.db, 'facilitatore@example.org', { role: 'facilitator' });
	const s = {
		db: test.db,
		hub: new BoardHub(test.db, { now: () => now }, {}),
		clock: { now: () => now }
	};
	const b1 = openBoard(s, addMeeting(test.db, tavoloId, '2026-03-10'), facilitator.id);
	const b2 = openBoard(s, addMeeting(test.db, tavoloId, '2026-04-14'), facilitator.id);
	const person = (name: string) => {
		const joined = joinWithCode(
			test.db,
			{ code: b1.joinCode, name, organization: '', consent: true },
			now
		);
		if (!joined.ok) throw new Error(joined.reason);
		return joined.value.participantId;
	};
	const people: [string, string] = [person('Anna Rota'), person('Bruno Sala')];
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-store-'));
	const file = join(dir, 'template.db');
	// Opening the boards mirrored their settings into documents: the contract starts from none.
	for (const table of ['board_updates', 'board_snapshots', 'board_clients', 'board_cards'])
		test.database.sqlite.prepare(`DELETE FROM ${table}`).run();
	test.database.sqlite.prepare('VACUUM INTO ?').run(file);
	test.cleanup();
	template = { dir, file, boards: [b1.boardId, b2.boardId], people };
});

afterAll(() => rmSync(template.dir, { recursive: true, force: true }));

const writerScript = new URL('../server/db/sqlite-writer.worker.js', import.meta.url);

documentStoreContract<CardRecord>('SQLite', () => sqliteFixture((db) => BoardDocumentStore.of(db)));

documentStoreContract<CardRecord>('SQLite, writer thread', () => {
	const writers: BoardWriterStore[] = [];
	const fixture = sqliteFixture((db) => {
		writers.push(new BoardWriterStore(db, writerScript));
		return writers.at(-1)!;
	});
	return {
		...fixture,
		cleanup: () => {
			for (const writer of writers) void writer.close();
			fixture.cleanup();
		}
	};
});

function sqliteFixture(storeOf: (db: Db) => DocumentStore<CardRecord>): StoreFixture<CardRecord> {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-store-'));
	const file = join(dir, 'tavoli.db');
	copyFileSync(template.file, file);
	const opened = [openDatabase(file)];
	return {
		store: storeOf(opened[0]!.db),
		docIds: template.boards,
		participants: template.people,
		record: (n) => ({ cardId: `card${n}`, participantId: template.people[0], phase: 'collect' }),
		reopen: () => {
			const again = openDatabase(file);
			opened.push(again);
			return storeOf(again.db);
		},
		cleanup: () => {
			for (const database of opened) database.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

describe('[B11] the writer thread', () => {
	const update = () => {
		const doc = new Y.Doc();
		doc.getMap('m').set('x', 1);
		return Y.encodeStateAsUpdate(doc);
	};
	/** A claim the database refuses: the participant is on no foglio firme (foreign key). */
	const stranger = { clientId: 77, participantId: 'nobody-on-the-foglio-firme' };

	function withWriter(test: (store: BoardWriterStore, boardId: string) => void) {
		const fixture = sqliteFixture((db) => new BoardWriterStore(db, writerScript));
		const store = fixture.store as BoardWriterStore;
		try {
			test(store, fixture.docIds[0]);
		} finally {
			void store.close();
			fixture.cleanup();
		}
	}

	it('answers a commit the database refuses with its error, stores nothing, and commits the next', () =>
		withWriter((store, boardId) => {
			const outcomes: CommitOutcome[] = [];
			const refused = { updates: [update()], claims: [stranger], records: [] };
			store.commit([{ docId: boardId, batch: refused }], 1, (o) => outcomes.push(o));
			const fine = { updates: [update()], claims: [], records: [] };
			store.commit([{ docId: boardId, batch: fine }], 2, (o) => outcomes.push(o));
			store.settle();
			expect(outcomes[0]).toMatchObject({ ok: false, error: { message: /FOREIGN KEY/ } });
			expect(outcomes[1]).toMatchObject({ ok: true });
			expect(store.load(boardId).updates).toHaveLength(1);
			expect(store.load(boardId).claims).toEqual([]);
		}));

	it('a room whose commit on the thread fails sends nothing on and keeps the update to retry', async () => {
		const fixture = sqliteFixture((db) => new BoardWriterStore(db, writerScript));
		const store = fixture.store as BoardWriterStore;
		const boardId = fixture.docIds[0];
		const sent: Accepted[] = [];
		const room = new RoomStorage(
			store,
			() => 1,
			boardId,
			new Y.Doc(),
			store.load(boardId),
			(a) => sent.push(...a)
		);
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			room.claim(stranger);
			room.accept(update(), 'a socket');
			// The turn's commit goes to the thread; settle waits for its answer.
			await new Promise((resolve) => setImmediate(resolve));
			store.settle();
			expect(errors).toHaveBeenCalledOnce();
			expect(sent).toEqual([]);
			expect(room.retrying).toBe(true);
			expect(room.isStored(room.mark())).toBe(false);
			expect(store.load(boardId).updates).toEqual([]);
		} finally {
			room.close();
			errors.mockRestore();
			void store.close();
			fixture.cleanup();
		}
	});

	it('a commit waiting for the lock the event loop holds while it settles gives up rather than wait forever', () =>
		withWriter((store, boardId) => {
			const outcomes: CommitOutcome[] = [];
			const batch = { updates: [update()], claims: [], records: [] };
			// As a server change inside a command's transaction: the thread cannot get the
			// write lock until the event loop's transaction ends, which waits for the thread.
			store.transaction(() => {
				store.commit([{ docId: boardId, batch }], 1, (o) => outcomes.push(o));
				store.settle();
			});
			expect(outcomes).toMatchObject([{ ok: false, error: { message: /locked|busy/i } }]);
			expect(store.load(boardId).updates).toEqual([]);
		}));

	it('commits on the event loop once the thread is gone', async () => {
		const fixture = sqliteFixture((db) => new BoardWriterStore(db, writerScript));
		const store = fixture.store as BoardWriterStore;
		try {
			await store.close();
			const outcomes: CommitOutcome[] = [];
			const batch = { updates: [update()], claims: [], records: [] };
			store.commit([{ docId: fixture.docIds[0], batch }], 1, (o) => outcomes.push(o));
			expect(outcomes).toEqual([{ ok: true, lastIds: [expect.any(Number)] }]);
			expect(store.load(fixture.docIds[0]).updates).toHaveLength(1);
		} finally {
			fixture.cleanup();
		}
	});
});
