import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { logUnexpected } from '$lib/server/unexpected-error';

export type RequestHandler = (
	req: IncomingMessage,
	res: ServerResponse,
	next: () => void
) => void | Promise<void>;

/** Handles a websocket upgrade for a path it owns; returns false to decline. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/** How long an idle kept-alive connection stays open (Node's default is 5 s). */
const KEEP_ALIVE_MS = 65_000;

export interface HttpHost {
	server: http.Server;
	/** Stops accepting, lets requests under way finish (up to the timeout), then closes. */
	close(timeoutMs: number): Promise<void>;
}

/**
 * One Node HTTP server for the SvelteKit handler and, on the same port, websocket
 * upgrades (the sync server plugs in through `upgradeHandlers`). With
 * `protocolHeader`, every request is stamped as plain http under that header.
 */
export function createHttpHost(
	handler: RequestHandler,
	upgradeHandlers: UpgradeHandler[],
	protocolHeader?: string
): HttpHost {
	let inFlight = 0;
	const server = http.createServer((req, res) => {
		// This server speaks plain http; a client cannot claim otherwise.
		if (protocolHeader) req.headers[protocolHeader] = 'http';
		inFlight++;
		res.once('close', () => inFlight--);
		const failed = (error: unknown) => answerFailure(req, res, error);
		try {
			const answered = handler(req, res, () => {
				res.statusCode = 404;
				res.end('Not found');
			});
			Promise.resolve(answered).catch(failed);
		} catch (error) {
			failed(error);
		}
	});
	// Node closes an idle kept-alive connection after 5 s (plus a second's grace). A
	// client that sends its next request on it in that instant gets a reset instead of an
	// answer: Node's own agent (Playwright's request contexts, scripts, load generators)
	// ignores the Keep-Alive hint when it has no timeout of its own, and a pause of a few
	// seconds between requests is common. Past a minute, reverse proxies have closed the
	// connection on their side anyway.
	server.keepAliveTimeout = KEEP_ALIVE_MS;
	server.on('upgrade', (req, socket, head) => {
		// Node leaves an upgraded socket without an error listener: a peer that resets it
		// while we answer would otherwise throw out of the server.
		socket.on('error', () => socket.destroy());
		try {
			if (upgradeHandlers.some((h) => h(req, socket, head))) return;
			socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
		} catch (error) {
			logUnexpected(`UPGRADE ${req.url}`, 500, error);
			socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n');
		}
	});

	async function close(timeoutMs: number) {
		const closed = new Promise<void>((done) => server.close(() => done()));
		server.closeIdleConnections();
		const deadline = Date.now() + timeoutMs;
		while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		server.closeAllConnections();
		await closed;
	}
	return { server, close };
}

/**
 * What a handler threw instead of answering: a bug, logged with an id (as
 * SvelteKit's handleError does) and answered 500, never a crashed process.
 */
function answerFailure(req: IncomingMessage, res: ServerResponse, error: unknown): void {
	const id = logUnexpected(`${req.method} ${req.url}`, 500, error);
	if (res.headersSent) return void res.destroy();
	const body = JSON.stringify({ message: 'Internal Error', id });
	res.writeHead(500, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(body)
	});
	res.end(body);
}
