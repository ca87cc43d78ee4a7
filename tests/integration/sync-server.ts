import { eq, ne } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { joinWithCode } from '$lib/attendance/join.server';
import { users } from '$lib/auth/auth.schema';
import {
	createAuthSession,
	generateSessionToken,
	AUTH_COOKIE
} from '$lib/auth/auth-session.server';
import { openBoard, type BoardServices } from '$lib/board/board-commands.server';
/**
 * The facilitator's commands, called in process as the HTTP handlers would. Tests
 * import them from here, so that a move of the board's modules touches one file.
 */
export {
	changePhase,
	setCardLimit,
	setFollow,
	setSpotlight,
	updateSettings
} from '$lib/board/board-commands.server';
export { submitCard } from '$lib/board/board-cards.server';
export { setOpenFields } from '$lib/objectives/objective-commands.server';
import { GUEST_COOKIE } from '$lib/attendance/guest-session.server';
import { todayInRome } from '$lib/meeting/meeting';
import { meetings } from '$lib/meeting/meeting.schema';
import { boardUpdates } from '$lib/board/board.schema';
import { startApp, type RunningApp } from '../../server/app';
import type { ServerConfig } from '../../server/config';

/**
 * A real Tavoli server on a loopback port with the demo plan, for sync tests: the
 * same HTTP host, upgrade authentication, board hub and SQLite persistence as in
 * production. Only the SvelteKit pages are left out (a 404 handler stands in).
 */
export interface TestServer {
	app: RunningApp;
	wsUrl: string;
	origin: string;
	services: BoardServices;
	dir: string;
	stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Board commits on the writer thread, as in production. */
const writerScript = new URL('../../src/lib/server/db/sqlite-writer.worker.js', import.meta.url);

export async function startTestServer(
	dir = mkdtempSync(join(tmpdir(), 'tavoli-sync-'))
): Promise<TestServer> {
	const config: ServerConfig = {
		host: '127.0.0.1',
		port: 0,
		databasePath: join(dir, 'tavoli.db'),
		demoData: true,
		origin: undefined,
		trustProxy: false,
		migrationsDir: join(root, 'drizzle'),
		shutdownTimeoutMs: 2000
	};
	const app = await startApp(
		config,
		async () => (_req, res) => {
			res.statusCode = 404;
			res.end();
		},
		{ writerScript }
	);
	const origin = app.url.replace('localhost', '127.0.0.1');
	return {
		app,
		origin,
		wsUrl: `${origin.replace('http', 'ws')}/sync`,
		services: { db: app.database.db, hub: app.hub, clock: { now: () => Date.now() } },
		dir,
		stop: async () => {
			await app.stop();
		}
	};
}

export function removeDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

/** Opens the board of the demo incontro dated today, as the demo facilitator would. */
export function openTodaysBoard(server: TestServer): {
	boardId: string;
	joinCode: string;
	meetingId: number;
} {
	const { db } = server.services;
	const meeting = db
		.select({ id: meetings.id })
		.from(meetings)
		.where(eq(meetings.date, todayInRome(Date.now())))
		.get();
	if (!meeting) throw new Error('the demo has no incontro today');
	return { ...openAsFacilitator(server, meeting.id), meetingId: meeting.id };
}

/** A test server with today's demo board opened, for a file's `beforeAll`. */
export async function startWithTodaysBoard(): Promise<{
	server: TestServer;
	board: ReturnType<typeof openTodaysBoard>;
}> {
	const server = await startTestServer();
	return { server, board: openTodaysBoard(server) };
}

/** Stops the test server and removes its directory, for a file's `afterAll`. */
export async function stopTestServer(server: TestServer): Promise<void> {
	await server.stop();
	removeDir(server.dir);
}

/** Opens the board of another demo incontro than `meetingId`: ids of one board name nothing on the other. */
export function openOtherBoard(server: TestServer, meetingId: number): { boardId: string } {
	const { db } = server.services;
	const other = db
		.select({ id: meetings.id })
		.from(meetings)
		.where(ne(meetings.id, meetingId))
		.get()!;
	return openAsFacilitator(server, other.id);
}

/** Opens an incontro's board as the demo facilitator. */
function openAsFacilitator(server: TestServer, meetingId: number) {
	const { db } = server.services;
	const facilitator = db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, 'facilitatore@demo.local'))
		.get()!;
	return openBoard(server.services, meetingId, facilitator.id);
}

/** How many updates of a board are stored (its rows in board_updates). */
export function storedUpdates(server: TestServer, boardId: string): number {
	const { db } = server.services;
	return db.select().from(boardUpdates).where(eq(boardUpdates.boardId, boardId)).all().length;
}

/** A cookie header for a demo account. */
export function accountCookie(server: TestServer, email: string): string {
	const { db } = server.services;
	const user = db.select().from(users).where(eq(users.email, email)).get()!;
	const token = generateSessionToken();
	createAuthSession(db, token, user.id, Date.now());
	return `${AUTH_COOKIE}=${token}`;
}

/** A guest who joins with the code, having consented; throws when the join is refused. */
export function joinAsGuest(server: TestServer, code: string, name: string, organization = '') {
	const result = joinWithCode(
		server.services.db,
		{ code, name, organization, consent: true },
		Date.now()
	);
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

/** A guest who joins with the code: returns the cookie header and participant id. */
export function guestCookie(
	server: TestServer,
	code: string,
	name: string
): { cookie: string; participantId: string } {
	const joined = joinAsGuest(server, code, name, 'Cooperativa Test');
	return { cookie: `${GUEST_COOKIE}=${joined.token}`, participantId: joined.participantId };
}

/**
 * A stock y-websocket client, with the browser's cookie and Origin headers. With
 * `presence`, the state is set before the socket opens, as the app does, so the
 * client publishes it from its first message on.
 */
export function connectClient(
	server: TestServer,
	boardId: string,
	cookie: string,
	doc = new Y.Doc(),
	options: { presence?: Record<string, unknown> } = {}
) {
	const headers = { cookie, origin: server.origin };
	class HeaderSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
	}
	const provider = new WebsocketProvider(server.wsUrl, boardId, doc, {
		WebSocketPolyfill: HeaderSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		connect: options.presence === undefined
	});
	if (options.presence !== undefined) {
		provider.awareness.setLocalState(options.presence);
		provider.connect();
	}
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		provider.on('closed', (event) => resolve(event))
	);
	return {
		doc,
		provider,
		closed,
		synced: new Promise<void>((r) => provider.once('sync', () => r()))
	};
}

/** Waits until `check` passes, polling; fails with the last error after `ms`. */
export async function eventually(check: () => void, ms = 5000): Promise<void> {
	const deadline = Date.now() + ms;
	for (;;) {
		try {
			check();
			return;
		} catch (err) {
			if (Date.now() > deadline) throw err;
			await new Promise((r) => setTimeout(r, 20));
		}
	}
}

/** A raw websocket (no Yjs), to send hand-crafted frames; resolves on open or with the HTTP status. */
export function rawSocket(server: TestServer, boardId: string, headers: Record<string, string>) {
	const ws = new WebSocket(`${server.wsUrl}/${boardId}`, { headers });
	const opened = new Promise<{ status: number }>((resolve) => {
		ws.on('open', () => resolve({ status: 101 }));
		ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
		ws.on('error', () => resolve({ status: 0 }));
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	const received: Uint8Array[] = [];
	ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
	return { ws, opened, closed, received };
}
