import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database';

describe('openDatabase', () => {
	let t: TestDatabase | undefined;
	afterEach(() => t?.cleanup());

	it('turns on WAL, foreign keys and full sync', () => {
		t = createTestDatabase();
		const { sqlite } = t.database;
		expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
	});

	it('reports healthy while open and unhealthy once closed (GET /healthz → 503)', () => {
		t = createTestDatabase();
		expect(t.database.isHealthy()).toBe(true);
		t.database.close();
		expect(t.database.isHealthy()).toBe(false);
	});
});
