import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHost } from '../../server/http';
import { startWithTodaysBoard, stopTestServer, type TestServer } from './sync-server';

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

describe('upgrades no handler expects', () => {
	let server: TestServer;
	let port: number;
	let boardId: string;

	beforeAll(async () => {
		({
			server,
			board: { boardId }
		} = await startWithTodaysBoard());
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

	it('stays up when a peer resets the socket while its upgrade is answered', async () => {
		for (const target of [`/sync/${boardId}`, '/sync/nessuna', '/altro']) {
			await raw(port, upgrade(target, port), { resetAfterWrite: true });
			await alive();
		}
	});
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
