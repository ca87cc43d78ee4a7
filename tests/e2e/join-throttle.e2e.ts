import { expect, test } from '@playwright/test';
import { ServerProcess, todayInRome } from './sync-node';

/**
 * SPEC J9 against a real server: a room of 150 behind one address joins at
 * once without a refusal; code guessing from one address is held with 429 and
 * Retry-After. Its own server, so its 150 lines stay off the shared demo data.
 */
const server = new ServerProcess(Number(process.env.E2E_PORT ?? 4173) + 95);

test.beforeAll(async () => server.start());
test.afterAll(async () => server.kill('SIGTERM'));

const join = (code: string, name: string) =>
	fetch(`${server.origin}/api/join`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: server.origin },
		body: JSON.stringify({ code, name, organization: '', consent: true })
	});

test('[J9] 150 people behind one address all join within a minute; guessing codes gets 429', async () => {
	const facilitator = await server.login('facilitatore@demo.local');
	const { joinCode } = await server.openBoard(facilitator, (m) => m.date === todayInRome());
	const started = Date.now();
	const statuses = await Promise.all(
		Array.from({ length: 150 }, (_, i) => join(joinCode, `Persona ${i}`).then((r) => r.status))
	);
	expect(statuses.filter((s) => s !== 200)).toEqual([]);
	expect(Date.now() - started).toBeLessThan(60_000);

	const guesses: Response[] = [];
	for (let i = 0; i < 12; i++) guesses.push(await join(`ZZZZ${i}A`, 'Indovino'));
	const [wrong, held] = [
		guesses.filter((r) => r.status === 404),
		guesses.filter((r) => r.status === 429)
	];
	expect(wrong.length).toBeGreaterThan(0);
	expect(held.length).toBeGreaterThan(0);
	expect(Number(held[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
	expect(await held[0]!.json()).toMatchObject({ error: 'too-many-attempts' });
});
