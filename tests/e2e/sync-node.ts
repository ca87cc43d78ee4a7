import Database from 'better-sqlite3';
import { expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { readBoard } from '../../src/lib/board/board-doc';

/**
 * A built Tavoli server in its own process, on its own port and database, and
 * Node-side clients for it (stock y-websocket providers and raw sockets), for the
 * fault tests: crash, fuzz and the hostile catalogue.
 */
export class ServerProcess {
	readonly origin: string;
	readonly dir: string;
	private child: ChildProcess | null = null;

	constructor(readonly port: number) {
		this.origin = `http://127.0.0.1:${port}`;
		this.dir = `test-results/server-${port}`;
		rmSync(this.dir, { recursive: true, force: true });
		mkdirSync(this.dir, { recursive: true });
	}

	async start(): Promise<void> {
		this.child = spawn(process.execPath, ['server/index.js'], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DATABASE_PATH: `${this.dir}/tavoli.db`,
				TAVOLI_SKIP_BUILD: '1',
				TAVOLI_UNEXPECTED_LOG: `${this.dir}/unexpected.log`
			},
			stdio: ['ignore', 'ignore', 'inherit']
		});
		for (let i = 0; i < 200; i++) {
			if (await this.healthy()) return;
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error('server did not come up');
	}

	healthy(): Promise<boolean> {
		return fetch(`${this.origin}/healthz`).then(
			(r) => r.ok,
			() => false
		);
	}

	get alive(): boolean {
		return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
	}

	async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
		if (!this.child || !this.alive) return null;
		const exited = once(this.child, 'exit');
		this.child.kill(signal);
		const [code] = (await exited) as [number | null];
		return code;
	}

	async post(
		path: string,
		body: unknown,
		cookie = ''
	): Promise<{ status: number; json: Record<string, unknown>; cookie: string }> {
		const response = await fetch(`${this.origin}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie, origin: this.origin },
			body: JSON.stringify(body)
		});
		const text = await response.text();
		return {
			status: response.status,
			json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
			cookie: response.headers.get('set-cookie')?.split(';')[0] ?? ''
		};
	}

	async get(path: string, cookie: string): Promise<{ status: number; json: unknown }> {
		const response = await fetch(`${this.origin}${path}`, { headers: { cookie } });
		return {
			status: response.status,
			json: response.headers.get('content-type')?.includes('json') ? await response.json() : null
		};
	}

	async login(email: string): Promise<string> {
		const { status, cookie } = await this.post('/api/session', { email, password: 'tavoli-demo' });
		expect(status).toBe(200);
		return cookie;
	}

	/** Opens the board of a demo incontro: today's in the facilitator's tavolo, or another one. */
	async openBoard(
		cookie: string,
		pick: (m: { id: number; date: string; tavoloName: string }) => boolean
	): Promise<{ boardId: string; joinCode: string }> {
		const meetings = (await this.get('/api/meetings', cookie)).json as {
			id: number;
			date: string;
			tavoloName: string;
		}[];
		const meeting = meetings.find(pick);
		if (!meeting) throw new Error('no such demo incontro');
		const { status, json } = await this.post(`/api/meetings/${meeting.id}/board`, {}, cookie);
		expect(status).toBe(200);
		return json as { boardId: string; joinCode: string };
	}

	async join(code: string, name: string): Promise<{ cookie: string; participantId: string }> {
		const { status, json, cookie } = await this.post('/api/join', {
			code,
			name,
			organization: 'Cooperativa Prova',
			consent: true
		});
		expect(status).toBe(200);
		return { cookie, participantId: json.participantId as string };
	}

	/** The board as stored in SQLite (snapshot + updates). */
	storedDoc(boardId: string): Y.Doc {
		const db = new Database(`${this.dir}/tavoli.db`, { readonly: true });
		const doc = new Y.Doc();
		const snapshot = db
			.prepare('select state from board_snapshots where board_id = ?')
			.get(boardId) as { state: Buffer } | undefined;
		if (snapshot) Y.applyUpdate(doc, snapshot.state);
		for (const row of db
			.prepare('select "update" from board_updates where board_id = ? order by id')
			.all(boardId) as { update: Buffer }[])
			Y.applyUpdate(doc, row.update);
		db.close();
		return doc;
	}
}

export const todayInRome = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

export interface NodeClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	synced: Promise<void>;
	/** Close events the server sent with a code in 4400-4499 (refusals). */
	refusals: string[];
	/** Raw bytes received, to check that something never went over the wire. */
	frames: Uint8Array[];
}

/** A stock y-websocket client with the browser's cookie and Origin headers (any Tavoli server). */
export function nodeClient(
	server: Pick<ServerProcess, 'origin' | 'port'>,
	boardId: string,
	cookie: string
): NodeClient {
	const frames: Uint8Array[] = [];
	class HeaderSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers: { cookie, origin: server.origin } });
			this.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
		}
	}
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, boardId, doc, {
		WebSocketPolyfill: HeaderSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 300
	});
	const refusals: string[] = [];
	provider.on('closed', (e) => refusals.push(`${e.code} ${e.reason}`));
	const synced = new Promise<void>((r) => provider.once('sync', () => r()));
	return { doc, provider, synced, refusals, frames };
}

/** Leaves for good without waiting for a close handshake. */
export function leave(client: NodeClient): void {
	(client.provider.ws as unknown as WebSocket | null)?.terminate();
	client.provider.destroy();
}

/** A raw websocket, for hand-made frames: resolves with 101 or the HTTP status that refused it. */
export function rawSocket(
	server: ServerProcess,
	boardId: string,
	cookie: string,
	origin = server.origin
) {
	const ws = new WebSocket(`ws://127.0.0.1:${server.port}/sync/${boardId}`, {
		headers: { cookie, origin }
	});
	const received: Uint8Array[] = [];
	ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
	const opened = new Promise<number>((resolve) => {
		ws.on('open', () => resolve(101));
		ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
		ws.on('error', () => resolve(0));
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	return { ws, opened, closed, received };
}

export const cardIds = (doc: Y.Doc) => new Set(readBoard(doc).cards.map((c) => c.id));
