// `node scripts/bench/request-path.js` (after `npm run build`): the server CPU one
// request of the live path costs — join, a card over HTTP, a facilitator command, a
// ballot — and, as the floor, a guest's GET /healthz: the hooks (the guest's session
// included) and one trivial query, no work of its own. Each kind is sent REQUEST_PATH_COUNT times (default 300), REQUEST_PATH_IN_FLIGHT
// at a time (default 16, a room of phones), and the server's user + system time over
// them (/proc/<pid>/stat) is divided by the count: CPU, not latency, so the figure
// holds on a machine shared with other work. docs/PERFORMANCE.md, "Request path".
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from './measure.js';
import { cpuSince, cpuTime, startOurs } from './servers.js';
import { personOf, tavoliApi } from './tavoli-api.js';

const count = Number(process.env.REQUEST_PATH_COUNT ?? 300);
const inFlight = Number(process.env.REQUEST_PATH_IN_FLIGHT ?? 16);

/**
 * @param {number} pid @param {number} n
 * @param {(i: number) => Promise<Response>} send @param {number} expect
 */
async function measure(pid, n, send, expect) {
	await sleep(300);
	const before = cpuTime(pid);
	const started = performance.now();
	let next = 0;
	let unexpected = 0;
	await Promise.all(
		Array.from({ length: inFlight }, async () => {
			while (next < n) {
				const response = await send(next++);
				await response.arrayBuffer();
				if (response.status !== expect) unexpected++;
			}
		})
	);
	const wallMs = performance.now() - started;
	const cpu = cpuSince(pid, before);
	return {
		requests: n,
		unexpected,
		cpuMsPerRequest: Number(((cpu.user + cpu.system) / n).toFixed(2)),
		userMsPerRequest: Number((cpu.user / n).toFixed(2)),
		requestsPerSecond: Math.round((n * 1000) / wallMs)
	};
}

const server = await startOurs(join(mkdtempSync(join(tmpdir(), 'tavoli-path-')), 'tavoli.db'));
try {
	const api = tavoliApi(server.origin);
	const admin = await api.loginAdmin();
	const [meeting] = (await api.meetings(admin)).sort((a, b) => a.id - b.id);
	const { boardId, joinCode } = await api.openBoard(
		admin,
		/** @type {{ id: number }} */ (meeting).id
	);
	/** @param {string} path @param {string} cookie @param {unknown} body @param {string} [method] */
	const send = (path, cookie, body, method = 'POST') =>
		fetch(`${server.origin}${path}`, {
			method,
			headers: {
				accept: 'application/json',
				'content-type': 'application/json',
				origin: server.origin,
				cookie
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	/** @type {string[]} */
	const cookies = [];
	/** @type {Record<string, unknown>} */
	const results = {};
	// Warms the code every kind shares before anything is measured.
	await measure(server.pid, count, () => send('/healthz', admin, undefined, 'GET'), 200);
	results.join = await measure(
		server.pid,
		count,
		async (i) => {
			const person = personOf(i);
			const body = {
				code: joinCode,
				name: person.name,
				organization: person.organization,
				consent: true
			};
			const response = await send('/api/join', '', body);
			cookies[i] = response.headers.get('set-cookie')?.split(';')[0] ?? '';
			return response;
		},
		200
	);
	results.floor = await measure(
		server.pid,
		count,
		(i) => send('/healthz', cookies[i] ?? '', undefined, 'GET'),
		200
	);
	results.card = await measure(
		server.pid,
		count,
		(i) =>
			send(`/api/boards/${boardId}/cards`, cookies[i] ?? '', {
				kind: 'need',
				text: `Bisogno numero ${i + 1}, scritto dal telefono`
			}),
		201
	);
	results.command = await measure(
		server.pid,
		count,
		(i) => send(`/api/boards/${boardId}/commands/timer`, admin, { seconds: 60 + i }),
		200
	);
	const { roundId } = await api.post(admin, `/api/boards/${boardId}/rounds`, {
		method: 'dot',
		targets: 'cards',
		budget: 5,
		cap: 3
	});
	const { cards } = await (await send(`/api/boards/${boardId}`, admin, undefined, 'GET')).json();
	/** @type {string[]} */
	const targets = cards.map((/** @type {{ id: string }} */ c) => c.id);
	results.ballot = await measure(
		server.pid,
		count,
		(i) =>
			send(
				`/api/rounds/${roundId}/ballot`,
				cookies[i % cookies.length] ?? '',
				{ allocations: [{ targetId: targets[i % targets.length], points: 1 + (i % 3) }] },
				'PUT'
			),
		200
	);
	console.log(JSON.stringify({ count, inFlight, results }, null, 2));
} finally {
	await server.stop();
}
