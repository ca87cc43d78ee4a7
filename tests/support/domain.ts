import { readFileSync } from 'node:fs';
import type { Actor } from '$lib/auth/access';
import type { BoardHub } from '$lib/board/board-hub.server';
import type { TestDatabase } from '$lib/server/db/test-database';
import { addUser, TEST_NOW } from '$lib/server/db/test-fixtures';
import { setRuntime } from '$lib/server/runtime';

/** A file of ../shared/domain/fixtures, parsed (tests may read it; the app never does). */
export function domainFixture(name: string): ReturnType<typeof JSON.parse> {
	const url = new URL(`../../../shared/domain/fixtures/${name}`, import.meta.url);
	return JSON.parse(readFileSync(url, 'utf8'));
}

/**
 * The runtime the route modules read, on this test database with the clock at
 * TEST_NOW, and a UdP account to call them as: for tests that drive the real
 * form actions and page loads without a server.
 */
export async function asUdp(t: TestDatabase): Promise<Actor> {
	setRuntime({
		database: t.database,
		clock: { now: () => TEST_NOW },
		secureCookies: false,
		boards: {} as BoardHub
	});
	const user = await addUser(t.db, 'udp@example.org', { role: 'admin' });
	return {
		userId: user.id,
		role: 'admin',
		displayName: 'UdP',
		email: user.email,
		personId: null,
		tavoli: new Map(),
		planIds: new Set()
	};
}
