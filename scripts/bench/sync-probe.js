// A newcomer's first sync: a stock provider opens the board and we wait for its
// 'sync' event with every card present. This file is also the probe's worker.
import { once } from 'node:events';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { importBoardModules } from './board-modules.js';
import { socketClass } from './client-socket.js';

/**
 * @typedef {{ serverUrl: string; room: string; cookie: string | null; origin: string; cards: number }} ProbeTarget
 */

/**
 * Milliseconds from creating the provider until it has synced and holds at
 * least `cards` cards. Each probe runs in a fresh worker thread, as a newcomer's
 * fresh browser tab would: no Yjs code warmed up by an earlier probe.
 * @param {ProbeTarget} target @returns {Promise<number>}
 */
export async function timeFirstSync(target) {
	const worker = new Worker(new URL(import.meta.url), { workerData: { probe: target } });
	try {
		const [result] = await once(worker, 'message');
		if (typeof result !== 'number') throw new Error(`sync probe: ${result}`);
		return result;
	} finally {
		await worker.terminate();
	}
}

/** @param {ProbeTarget} target @returns {Promise<number>} */
async function probe({ serverUrl, room, cookie, origin, cards }) {
	const { doc: board } = await importBoardModules();
	const doc = new Y.Doc();
	const started = performance.now();
	const provider = new WebsocketProvider(serverUrl, room, doc, {
		WebSocketPolyfill: socketClass(cookie, origin),
		disableBc: true
	});
	try {
		return await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no full sync of ${room} in 60 s`)), 60_000);
			const check = () => {
				const at = performance.now();
				if (!provider.synced || board.readBoard(doc).cards.length < cards) return;
				clearTimeout(timer);
				doc.off('update', check);
				resolve(at - started);
			};
			provider.once('sync', check);
			doc.on('update', check);
		});
	} finally {
		provider.destroy();
	}
}

if (!isMainThread && parentPort && workerData?.probe) {
	const port = parentPort;
	probe(/** @type {ProbeTarget} */ (workerData.probe)).then(
		(ms) => port.postMessage(ms),
		(err) => port.postMessage(String(err))
	);
}
