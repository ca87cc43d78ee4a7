// `node scripts/bench/fan-out.js` (≈ 30 s): what sending one message to every
// socket of a room costs the server, with ws's own `send` (what the reference
// y-websocket server does) against the frame built once and written to each
// socket (server/ws-frame.ts, what ours does). A server process (pinned like the
// bench's servers) holds FAN_OUT_SOCKETS websockets (default 150, a plenary) from
// this process and sends FAN_OUT_MESSAGES messages of 60–99 bytes (an update
// of a typed word, a presence change) to all of them, in turns of 20, three
// times each way, alternating; its user + system CPU per send is printed.
// docs/PERFORMANCE.md, "What was changed to get here".
import { once } from 'node:events';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import { compileBoardModules, root } from './board-modules.js';
import { launch, pinGenerator } from './servers.js';

const sockets = Number(process.env.FAN_OUT_SOCKETS ?? 150);
const messages = Number(process.env.FAN_OUT_MESSAGES ?? 3000);
const ROUNDS = 3;

if (process.argv[2] === 'serve') await serve();
else await main();

async function main() {
	await compileBoardModules();
	pinGenerator();
	const { child, match } = await launch(
		[fileURLToPath(import.meta.url), 'serve'],
		process.env,
		/^port (\d+)$/m
	);
	let received = 0;
	for (let i = 0; i < sockets; i++) {
		const ws = new WebSocket(`ws://127.0.0.1:${match[1]}`);
		ws.on('message', () => received++);
		ws.on('error', () => undefined);
	}
	child.stdout?.pipe(process.stdout);
	await once(child, 'exit');
	console.log(`${received} messages received of ${sockets * messages * ROUNDS * 2}`);
	process.exit(0);
}

async function serve() {
	const { frameOf } = await import(pathToFileURL(join(root, 'build/bench/ws-frame.js')).href);
	const server = createServer();
	const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	/** @type {{ ws: WebSocket; socket: import('node:stream').Duplex }[]} */
	const conns = [];
	const ready = new Promise((resolve) =>
		server.on('upgrade', (req, socket, head) =>
			wss.handleUpgrade(req, socket, head, (ws) => {
				conns.push({ ws, socket });
				if (conns.length === sockets) resolve(undefined);
			})
		)
	);
	server.listen(0, '127.0.0.1', () => {
		const address = /** @type {import('node:net').AddressInfo} */ (server.address());
		process.stdout.write(`port ${address.port}\n`);
	});
	await ready;
	/** @type {Record<string, number[]>} */
	const perSend = { 'ws.send': [], 'frame once': [] };
	for (let round = 0; round < ROUNDS * 2; round++) {
		const way = round % 2 === 0 ? 'ws.send' : 'frame once';
		await new Promise((resolve) => setTimeout(resolve, 300));
		const before = process.cpuUsage();
		for (let i = 0; i < messages; i++) {
			const message = new Uint8Array(60 + (i % 40));
			if (way === 'ws.send') for (const { ws } of conns) ws.send(message);
			else for (const { socket } of conns) socket.write(frameOf(message));
			if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
		const cpu = process.cpuUsage(before);
		perSend[way]?.push((cpu.user + cpu.system) / messages / sockets);
	}
	for (const [way, us] of Object.entries(perSend))
		console.log(`${way}: ${us.map((u) => u.toFixed(2)).join(', ')} µs of CPU per send`);
	process.exit(0);
}
