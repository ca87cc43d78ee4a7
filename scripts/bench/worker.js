// One load-generating thread: stock y-websocket clients (WebsocketProvider over
// `ws`) that play their scripted workshop actions through board-doc and record,
// for every update, when it was sent and when each other client had it.
//
// The cold board's writers are thin, all but the first of each thread: they
// note each update they receive and do not apply it. Forty full replicas
// applying 1,333 updates a second kept the generator's one core 98% busy and
// its actions up to 8 s late, so the figures measured its queue; a writer
// only ever edits its own cards, so what it sends is the same bytes either way,
// and so is the server's work.
import * as decoding from 'lib0/decoding';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { importBoardModules } from './board-modules.js';
import { socketClass } from './client-socket.js';
import {
	facilitatorScript,
	participantScript,
	replayScript,
	session,
	writerScript
} from './traffic.js';

/** @typedef {import('./load.js').ClientSpec} ClientSpec */
/** @typedef {import('./load.js').WorkerInput} WorkerInput */
/** @typedef {import('./load.js').WorkerResult} WorkerResult */
/** @typedef {import('./traffic.js').Action} Action */
/**
 * @typedef {{ spec: ClientSpec; doc: Y.Doc; provider: WebsocketProvider;
 *   writer: import('../../src/lib/board/board').Writer; recorded: Uint8Array[] | null;
 *   received: Map<number, number> | null }} Client
 * `received` (thin clients): per Yjs client, the clock after the last update received.
 */

const input = /** @type {WorkerInput} */ (workerData);
const { doc: board, rules } = await importBoardModules();
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
// Every provider adds a process 'exit' listener; a hundred of them is expected here.
process.setMaxListeners(0);

const now = () => performance.timeOrigin + performance.now();
/** (client id, clock) as one exact number: client ids are below 2^32, clocks kept below 2^21. */
const CLOCKS = 2 ** 21;
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
/** Event-loop utilisation since the traffic started: near 1 means the clients, not the server, set the pace. */
let busy = performance.eventLoopUtilization();

const stats = {
	/** @type {number[]} flat triples: key, time sent, board */
	sends: [],
	/** @type {Map<number, { n: number; max: number }>} */
	received: new Map(),
	updatesSent: 0,
	presenceSent: 0,
	untracked: 0,
	/** @type {Record<string, number>} */
	skipped: {},
	/** @type {string[]} */
	closed: [],
	disconnects: 0,
	/** @type {number[]} */
	late: []
};

/** @param {Uint8Array} update @param {number} boardIndex @param {Client} client */
function onLocalUpdate(update, boardIndex, client) {
	const t = now();
	stats.updatesSent++;
	client.recorded?.push(update);
	for (const [id, clock] of Y.parseUpdateMeta(update).to) {
		if (clock >= CLOCKS) stats.untracked++;
		else stats.sends.push(id * CLOCKS + clock, t, boardIndex);
	}
}

/** @param {Uint8Array} update @param {Map<number, number> | null} [clocks] thin clients' state vector */
function onRemoteUpdate(update, clocks = null) {
	const t = now();
	for (const [id, clock] of Y.parseUpdateMeta(update).to) {
		if (clocks && clock > (clocks.get(id) ?? 0)) clocks.set(id, clock);
		const key = id * CLOCKS + clock;
		const seen = stats.received.get(key);
		if (seen) {
			seen.n++;
			if (t > seen.max) seen.max = t;
		} else stats.received.set(key, { n: 1, max: t });
	}
}

/** @param {ClientSpec} spec @param {boolean} thin @returns {Client} */
function connect(spec, thin) {
	const doc = new Y.Doc();
	/** @type {Client} */
	const client = /** @type {Client} */ ({
		spec,
		doc,
		writer: { role: spec.role, participantId: spec.participantId },
		recorded: input.plan.mode === 'writer' ? [] : null,
		received: thin ? new Map() : null
	});
	// Registered before the provider's own listener, so the send time is taken before it sends.
	doc.on('update', (update, origin) => {
		if (origin === client.provider) onRemoteUpdate(update);
		else onLocalUpdate(update, spec.board, client);
	});
	client.provider = new WebsocketProvider(input.serverUrl, spec.room, doc, {
		WebSocketPolyfill: socketClass(spec.cookie, input.origin),
		disableBc: true,
		maxBackoffTime: 1000,
		connect: false
	});
	// As the app does (board-client.svelte.ts): presence is set before the socket
	// opens, so every client publishes it from its first messages, and a newcomer
	// to a plenary sends back the presence of everyone already there.
	client.provider.awareness.setLocalState({ cursor: null, typing: false });
	if (thin) noteUpdatesOnly(client);
	client.provider.on('closed', (e) => stats.closed.push(`${e.code} ${e.reason}`));
	client.provider.on('connection-close', () => stats.disconnects++);
	client.provider.connect();
	return client;
}

/**
 * A thin client: the sync handshake as stock (the writer needs the board's
 * settings), every later update noted and dropped.
 * @param {Client} client
 */
function noteUpdatesOnly(client) {
	const handlers = client.provider.messageHandlers;
	const sync = /** @type {(typeof handlers)[number]} */ (handlers[0]);
	handlers[0] = (encoder, decoder, provider, emitSynced, type) => {
		const start = decoder.pos;
		if (decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate)
			return onRemoteUpdate(decoding.readVarUint8Array(decoder), client.received);
		decoder.pos = start;
		sync(encoder, decoder, provider, emitSynced, type);
	};
}

/**
 * What a client holds, comparable across clients: its document's state vector,
 * with what a thin client received on top.
 * @param {Client} c
 */
function holding(c) {
	const clocks = Y.decodeStateVector(Y.encodeStateVector(c.doc));
	for (const [id, clock] of c.received ?? []) clocks.set(id, Math.max(clocks.get(id) ?? 0, clock));
	return [...clocks]
		.sort((a, b) => a[0] - b[0])
		.map(([id, clock]) => `${id}:${clock}`)
		.join(',');
}

/** @param {Client} client @param {number} timeoutMs */
function synced(client, timeoutMs) {
	return new Promise((resolve, reject) => {
		if (client.provider.synced) return resolve(undefined);
		const timer = setTimeout(
			() => reject(new Error(`client ${client.spec.id} did not sync`)),
			timeoutMs
		);
		client.provider.once('sync', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
	});
}

/** @param {Client} c @returns {Action[]} */
function scriptOf(c) {
	const plan = input.plan;
	if (plan.mode === 'writer') return writerScript(plan.seed, c.spec.id, plan);
	if (plan.mode === 'replay') return replayScript(c.spec.updates?.length ?? 0, plan.intervalMs);
	const script =
		c.spec.role === 'facilitator'
			? facilitatorScript(plan.seed, plan.durationMs, plan.metaInDoc)
			: participantScript(plan.seed, c.spec.id, plan.durationMs);
	const windowMs = plan.windowMs ?? Infinity;
	return script.filter((a) => a.at < windowMs);
}

/** @param {string} kind */
function skip(kind) {
	stats.skipped[kind] = (stats.skipped[kind] ?? 0) + 1;
}

/** @param {Client} c @param {Action} a */
function perform(c, a) {
	const meta = board.readMeta(c.doc);
	switch (a.kind) {
		case 'create':
			if (!rules.canCreateCardDirectly(c.writer, meta)) return skip(a.kind);
			return board.addCard(c.doc, {
				id: a.cardId,
				kind: a.cardKind,
				text: a.text,
				authorId: c.spec.participantId,
				createdAt: Date.now()
			});
		case 'type':
			if (!rules.canEditCard(c.writer, meta, c.spec.participantId)) return skip(a.kind);
			return board.setCardText(c.doc, a.cardId, a.text);
		case 'presence':
			stats.presenceSent++;
			return c.provider.awareness.setLocalStateField(a.field, a.value);
		case 'move':
			return move(c, a.cardPick, a.clusterPick, rules.canCluster(c.writer, meta));
		case 'cluster':
			return board.createCluster(c.doc, { id: a.clusterId, title: a.title, createdAt: Date.now() });
		case 'meta':
			return board.writeMeta(c.doc, a.meta);
		case 'replay':
			return Y.applyUpdate(c.doc, /** @type {Uint8Array} */ (c.spec.updates?.[a.index]));
	}
}

/** @param {Client} c @param {number} cardPick @param {number} clusterPick @param {boolean} allowed */
function move(c, cardPick, clusterPick, allowed) {
	if (!allowed) return skip('move');
	const view = board.readBoard(c.doc);
	const cards = view.cards.filter((card) => !card.mergedInto);
	const card = cards[Math.floor(cardPick * cards.length)];
	const cluster = view.clusters[Math.floor(clusterPick * view.clusters.length)];
	if (!card || !cluster) return skip('move');
	stats.presenceSent++;
	c.provider.awareness.setLocalStateField('view', `cluster:${cluster.id}`);
	board.moveCard(c.doc, card.id, cluster.id);
}

/**
 * When writing closes (the facilitator opens clustering), in ms from the start.
 * A card action this thread plays after it only because the thread itself fell
 * behind is dropped: a person's browser would not lag seconds behind their
 * script, and the server rightly refuses (and disconnects) a card written after
 * the phase changed, which would measure the load generator, not the server.
 */
const writingClosesAt =
	input.plan.mode === 'workshop' ? input.plan.durationMs * session.clusterOpen - 250 : Infinity;

/** Plays every client's actions on time; at most 50 per turn so incoming messages keep flowing. */
function play(/** @type {Client[]} */ clients, /** @type {number} */ startAt) {
	const queue = clients
		.flatMap((c) => scriptOf(c).map((a) => ({ c, a })))
		.sort((x, y) => x.a.at - y.a.at);
	let next = 0;
	const due = () => queue[next]?.a.at ?? Infinity;
	return new Promise((resolve) => {
		const tick = () => {
			const t = now() - startAt;
			for (let n = 0; n < 50 && due() <= t; n++) {
				const { c, a } = /** @type {{ c: Client; a: Action }} */ (queue[next++]);
				stats.late.push(t - a.at);
				if ((a.kind === 'create' || a.kind === 'type') && t >= writingClosesAt)
					skip(`late ${a.kind}`);
				else perform(c, a);
			}
			if (next >= queue.length) return resolve(undefined);
			setTimeout(tick, Math.max(0, due() - (now() - startAt)));
		};
		setTimeout(tick, Math.max(0, startAt - now()));
	});
}

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** @param {Client[]} clients @returns {WorkerResult} */
function result(clients) {
	const keys = [...stats.received.keys()];
	const firstOfBoard = new Map(clients.filter((c) => !c.received).map((c) => [c.spec.board, c]));
	return {
		sends: Float64Array.from(stats.sends),
		recvKeys: Float64Array.from(keys),
		recvCounts: Float64Array.from(keys, (k) => stats.received.get(k)?.n ?? 0),
		recvMax: Float64Array.from(keys, (k) => stats.received.get(k)?.max ?? 0),
		updatesSent: stats.updatesSent,
		presenceSent: stats.presenceSent,
		untracked: stats.untracked,
		skipped: stats.skipped,
		closed: stats.closed,
		disconnects: stats.disconnects,
		loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
		loopDelayMaxMs: loopDelay.max / 1e6,
		lateP99Ms: quantile(stats.late, 0.99),
		utilization: performance.eventLoopUtilization(busy).utilization,
		boards: [...firstOfBoard.values()].map((c) => {
			const state = Y.encodeStateAsUpdate(c.doc);
			return {
				board: c.spec.board,
				stateBytes: state.byteLength,
				state,
				cards: board.readBoard(c.doc).cards.length
			};
		}),
		recorded: clients.flatMap((c) => (c.recorded ? [{ id: c.spec.id, updates: c.recorded }] : []))
	};
}

async function main() {
	/** @type {Client[]} */
	const clients = [];
	// Thin clients for the cold board (see the top), except the first: the board's state.
	const thin = input.plan.mode !== 'workshop';
	for (let i = 0; i < input.clients.length; i += 10) {
		const batch = input.clients.slice(i, i + 10).map((spec, j) => connect(spec, thin && i + j > 0));
		clients.push(...batch);
		await Promise.all(batch.map((c) => synced(c, 60_000)));
	}
	port.on('message', async (/** @type {{ type: string; at?: number }} */ message) => {
		if (message.type === 'start') {
			loopDelay.enable();
			busy = performance.eventLoopUtilization();
			await play(clients, message.at ?? now());
			port.postMessage({ type: 'start' });
		} else if (message.type === 'stateVectors') {
			const vectors = clients.map((c) => ({ board: c.spec.board, sv: holding(c) }));
			port.postMessage({ type: 'stateVectors', vectors });
		} else if (message.type === 'results') {
			loopDelay.disable();
			port.postMessage({ type: 'results', result: result(clients) });
		} else if (message.type === 'close') {
			for (const c of clients) c.provider.destroy();
			port.postMessage({ type: 'close' });
		}
	});
	port.postMessage({ type: 'ready' });
}

main().catch((err) => {
	port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
});
