import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '$lib/auth/password.server';
import { openDatabase } from '$lib/server/db/database';
import { users } from '$lib/auth/auth.schema';
import type { ServerConfig } from '../config';
import { runUserAdd } from './user-add';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run user:add', () => {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-cli-'));
	const config: ServerConfig = {
		host: '127.0.0.1',
		port: 0,
		databasePath: join(dir, 'tavoli.db'),
		demoData: false,
		origin: undefined,
		trustProxy: false,
		migrationsDir: join(root, 'drizzle'),
		shutdownTimeoutMs: 1000
	};
	afterEach(() => vi.restoreAllMocks());
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('creates an account that can log in, lower-casing the e-mail', async () => {
		vi.spyOn(console, 'log').mockImplementation(() => undefined);
		const code = await runUserAdd(
			[
				'--email',
				'Anna@Comune.IT',
				'--role',
				'facilitator',
				'--password',
				'una-password-lunga',
				'--name',
				'Anna Rota'
			],
			config
		);
		expect(code).toBe(0);
		const database = openDatabase(config.databasePath);
		const user = database.db.select().from(users).all()[0]!;
		database.close();
		expect(user).toMatchObject({
			email: 'anna@comune.it',
			role: 'facilitator',
			displayName: 'Anna Rota'
		});
		expect(await verifyPassword(user.passwordHash, 'una-password-lunga')).toBe(true);
	});

	it.each([
		[['--email', 'anna@comune.it', '--role', 'facilitator', '--password', 'una-password-lunga'], 1],
		[['--email', 'b@comune.it', '--role', 'boss', '--password', 'una-password-lunga'], 1],
		[['--email', 'c@comune.it', '--role', 'observer', '--password', 'corta'], 1],
		[['--role', 'observer'], 2]
	])('refuses %j with exit code %i', async (args, expected) => {
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		expect(await runUserAdd(args, config)).toBe(expected);
	});
});
