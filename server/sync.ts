import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { GUEST_COOKIE } from '$lib/attendance/guest-session.server';
import { AUTH_COOKIE } from '$lib/auth/auth-session.server';
import { resolveIdentity } from '$lib/auth/identity.server';
import { boardAccess } from '$lib/board/board-access.server';
import type { BoardHub } from '$lib/board/board-hub.server';
import { getBoard } from '$lib/board/board-store.server';
import type { Db } from '$lib/server/db/database';
import type { Clock } from '$lib/server/runtime';
import { MAX_BUFFERED_BYTES } from '$lib/sync/limits';
import { CloseCode } from '$lib/sync/protocol';
import { logUnexpected } from '$lib/server/unexpected-error';
import { parseCookies } from './cookies';
import type { UpgradeHandler } from './http';
import { writeFrame } from './ws-frame';

/** Frames above this are cut by ws itself; updates above 256 KB are refused by the check. */
const MAX_FRAME_BYTES = 1024 * 1024;
const PING_INTERVAL_MS = 30_000;
const PATH = /^\/sync\/([A-Za-z0-9_-]{1,64})$/;

export interface SyncDeps {
	db: Db;
	clock: Clock;
	hub: BoardHub;
	/** Public origin when configured; else the request's own Host is the only origin allowed. */
	origin: string | undefined;
}

/**
 * The y-websocket endpoint, `ws(s)://<host>/sync/<boardId>` (SPEC J4, B9). The
 * upgrade is checked before any websocket handshake: same-site Origin, a valid
 * account or guest session, and access to the board; otherwise a plain HTTP
 * error answers and no document byte is ever sent.
 */
export function createSyncUpgrade(deps: SyncDeps): { handle: UpgradeHandler; close(): void } {
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: MAX_FRAME_BYTES,
		// Plain frames, which ws-frame.ts builds once per message.
		perMessageDeflate: false
	});
	const alive = new WeakMap<WebSocket, boolean>();
	const pinger = setInterval(() => {
		for (const ws of wss.clients) {
			if (alive.get(ws) === false) ws.terminate();
			else {
				alive.set(ws, false);
				ws.ping();
			}
		}
	}, PING_INTERVAL_MS);
	pinger.unref();

	const handle: UpgradeHandler = (req, socket, head) => {
		const match = PATH.exec(pathOf(req.url));
		if (!match) return false;
		const boardId = match[1]!;
		if (!originAllowed(req, deps.origin)) return reject(socket, 403, 'Origin not allowed');
		const cookies = parseCookies(req.headers.cookie);
		const now = deps.clock.now();
		const identity = resolveIdentity(
			deps.db,
			{ auth: cookies.get(AUTH_COOKIE), guest: cookies.get(GUEST_COOKIE) },
			now
		);
		const board = getBoard(deps.db, boardId);
		if (!board)
			return reject(socket, identity.actor || identity.guest ? 404 : 401, 'Board not found');
		const result = boardAccess(deps.db, board, identity, now);
		if (!result.ok) return reject(socket, result.status, 'Access denied');
		wss.handleUpgrade(req, socket, head, (ws) => {
			alive.set(ws, true);
			ws.on('pong', () => alive.set(ws, true));
			ws.on('error', () => ws.terminate());
			// What the room throws is a bug: logged, and this connection closed, never the process.
			const guarded = (what: string, fn: () => void) => {
				try {
					fn();
				} catch (error) {
					logUnexpected(`SYNC ${what} /sync/${boardId}`, 500, error);
					ws.close(CloseCode.internal, 'internal error');
				}
			};
			// A client that stops reading is dropped once too much waits for it (B13).
			const writable = () => {
				if (ws.readyState !== ws.OPEN) return false;
				if (socket.writableLength <= MAX_BUFFERED_BYTES) return true;
				ws.terminate();
				return false;
			};
			let connection: ReturnType<BoardHub['connect']> | undefined;
			guarded('connect', () => {
				connection = deps.hub.connect(
					boardId,
					{
						// Framed once per message for all its sockets (ws-frame.ts), written
						// straight to the socket ws reads and writes: its frames stay whole and in order.
						send: (data) => {
							if (writable()) writeFrame(socket, data);
						},
						// Corked, the frames leave in one write when the last is queued.
						sendAll: (list) => {
							if (!writable()) return;
							socket.cork();
							try {
								for (const data of list) writeFrame(socket, data);
							} finally {
								socket.uncork();
							}
						},
						close: (code, reason) => ws.close(code, reason)
					},
					result.participant
				);
			});
			ws.on('message', (data, isBinary) => {
				if (!isBinary) return ws.close(4400, 'binary messages only');
				guarded('message', () => connection?.onMessage(toBytes(data)));
			});
			ws.on('close', () => guarded('close', () => connection?.onClose()));
		});
		return true;
	};

	return {
		handle,
		close: () => {
			clearInterval(pinger);
			for (const ws of wss.clients) ws.terminate();
			wss.close();
		}
	};
}

function reject(socket: Duplex, status: 401 | 403 | 404, message: string): true {
	const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
	socket.end(
		`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${message.length}\r\n\r\n${message}`
	);
	return true;
}

/** Cross-site websocket hijacking guard: the page that opens the socket must be ours. */
function originAllowed(req: IncomingMessage, configured: string | undefined): boolean {
	const origin = req.headers.origin;
	if (!origin) return false;
	if (configured) return origin === configured;
	try {
		return new URL(origin).host === req.headers.host;
	} catch {
		return false;
	}
}

/** The path of a request target; '' when it does not parse ('//a:99999/…' is not a URL). */
function pathOf(target: string | undefined): string {
	try {
		return new URL(target ?? '/', 'http://localhost').pathname;
	} catch {
		return '';
	}
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	return data instanceof ArrayBuffer
		? new Uint8Array(data)
		: new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
