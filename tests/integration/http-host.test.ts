import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHost } from '../../server/http';
import { pick, prng } from '../support/prng';
import { guestCookie, startWithTodaysBoard, stopTestServer, type TestServer } from './sync-server';

/** HTTP_HOST_FUZZ_SEED replays a run of the raw-request storm. */
const SEED = Number(process.env.HTTP_HOST_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/**
 * The one HTTP server in front of everything (server/http.ts): whatever a client
 * sends and however a handler fails, the process answers and stays up.
 */
function raw(port: number, request: string, { resetAfterWrite = false } = {}): Promise<string> {
	return new Promise((resolve) => {
		let answer = '';
		const socket = connect(port, '127.0.0.1', () => {
			socket.write(request);
			if (resetAfterWrite) socket.resetAndDestroy();
		});
		socket.on('data', (chunk) => (answer += chunk.toString()));
		socket.on('error', () => resolve(answer));
		socket.on('close', () => resolve(answer));
		setTimeout(() => socket.destroy(), 2000);
	});
}

const upgrade = (target: string, port: number) =>
	`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
	`Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n` +
	`Origin: http://127.0.0.1:${port}\r\n\r\n`;

describe('requests and upgrades no handler expects', () => {
	let server: TestServer;
	let port: number;
	let boardId: string;
	let board: Awaited<ReturnType<typeof startWithTodaysBoard>>['board'];

	beforeAll(async () => {
		({ server, board } = await startWithTodaysBoard());
		boardId = board.boardId;
		port = Number(new URL(server.origin).port);
	});
	afterAll(() => stopTestServer(server));

	async function alive() {
		const answer = await raw(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
		expect(answer).toMatch(/^HTTP\/1\.1 \d{3}/);
	}

	it('answers a request target that is not a URL with 404, and stays up', async () => {
		for (const target of ['//a:99999/sync/x', '//[::1/sync/x', `//@/sync/${boardId}`]) {
			expect(await raw(port, upgrade(target, port))).toMatch(/^HTTP\/1\.1 404/);
			await alive();
		}
	});

	it('answers a seeded storm of malformed requests without a 500, and stays up', async () => {
		console.log(`http host fuzz seed: ${SEED} (rerun with HTTP_HOST_FUZZ_SEED=${SEED})`);
		const r = prng(SEED);
		const guest = guestCookie(server, board.joinCode, 'Tempesta').cookie;
		const own = `http://127.0.0.1:${port}`;
		const targets = [
			`/api/boards/${boardId}/cards`,
			`/api/boards/${boardId}/cards?x=%`,
			`/api/boards/%2e%2e/cards`,
			'/api/rounds/1/ballot',
			'/api/rounds/-1/ballot',
			`/sync/${boardId}`,
			'/sync/',
			'//a:99999/sync/x',
			'//[::1/x',
			'*',
			`http://evil.example/api/boards/${boardId}/cards`,
			'/%',
			'/\u00e8'
		];
		const headerSets: (() => string[])[] = [
			() => [`Host: 127.0.0.1:${port}`],
			() => ['Host: a:99999'],
			() => ['Host: [::1'],
			() => [],
			() => [`Host: 127.0.0.1:${port}`, `Host: evil.example`]
		];
		const extras = [
			`Origin: ${own}`,
			'Origin: null',
			'Origin: http://evil.example',
			`Cookie: ${guest}`,
			`Cookie: ${guest}; ${guest}`,
			'Cookie: tavoli_guest=%E0%A4%A; tavoli_auth="%"',
			'Cookie: =;;=x; tavoli_auth',
			'Accept: */*',
			'Accept: application/json',
			'Accept: text/html',
			'Content-Type: application/json',
			'Content-Type: application/json; charset=utf-16',
			'Content-Type: text/plain',
			'Upgrade: websocket',
			'Connection: Upgrade',
			'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
			'Sec-WebSocket-Version: 13',
			'Transfer-Encoding: chunked'
		];
		const bodies = [
			'',
			'{}',
			'{"kind":',
			'{"kind":"need","text":"x","target":"","policyAreaId":null}',
			'\u0000\u00ff',
			'[]'
		];
		for (let i = 0; i < 200; i++) {
			const headers = [...pick(r, headerSets)()];
			for (const extra of extras) if (r() < 0.35) headers.push(extra);
			const body = pick(r, bodies);
			const length = r() < 0.8 ? Buffer.byteLength(body) : Math.floor(r() * 5);
			if (r() < 0.9) headers.push(`Content-Length: ${length}`);
			const request =
				`${pick(r, ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'BREW'])} ${pick(r, targets)} HTTP/1.1\r\n` +
				headers.join('\r\n') +
				'\r\nConnection: close\r\n\r\n' +
				body;
			const answer = await raw(port, request);
			expect(answer, `request ${i}: ${JSON.stringify(request)}`).not.toMatch(/^HTTP\/1\.1 5\d\d/);
		}
		await alive();
	});

	it('stays up when a peer resets the socket while its upgrade is answered', async () => {
		for (const target of [`/sync/${boardId}`, '/sync/nessuna', '/altro']) {
			await raw(port, upgrade(target, port), { resetAfterWrite: true });
			await alive();
		}
	});

	it('keeps an idle connection past Node’s 5 s, so the next request on it is answered', async () => {
		// Node's agent reuses a kept-alive socket with no timeout of its own; had the server
		// closed it at 5 s (6 with its grace), a request sent in that instant would meet a reset (a CI flake).
		const agent = new http.Agent({ keepAlive: true });
		const get = () =>
			new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
				const request = http.get(
					{ port, host: '127.0.0.1', path: `/sync/${boardId}`, agent },
					(res) => {
						res.resume();
						res.on('end', () => resolve({ status: res.statusCode!, reused: request.reusedSocket }));
					}
				);
				request.on('error', reject);
			});
		try {
			const first = await get();
			expect(first.reused).toBe(false);
			await new Promise((r) => setTimeout(r, 6_500));
			expect(await get()).toEqual({ status: first.status, reused: true });
		} finally {
			agent.destroy();
		}
	}, 15_000);
});

describe('a handler that throws', () => {
	it('answers 500 with the id of the logged error, whether it throws or rejects', async () => {
		const logged: string[] = [];
		const original = console.error;
		console.error = (line: string) => void logged.push(line);
		const host = createHttpHost((req) => {
			if (req.url === '/sync-throw') throw new Error('thrown');
			return Promise.reject(new Error('rejected'));
		}, []);
		try {
			await new Promise<void>((resolve) => host.server.listen(0, '127.0.0.1', resolve));
			const { port } = host.server.address() as AddressInfo;
			for (const path of ['/sync-throw', '/async-reject']) {
				const response = await fetch(`http://127.0.0.1:${port}${path}`);
				expect(response.status).toBe(500);
				const body = (await response.json()) as { message: string; id: string };
				expect(body.message).toBe('Internal Error');
				expect(logged.some((line) => line.includes(body.id) && line.includes(path))).toBe(true);
			}
		} finally {
			console.error = original;
			await host.close(1000);
		}
	});
});
