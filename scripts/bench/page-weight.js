// The board page's weight on a first visit: Chromium (playwright-core, the
// Debian build the end-to-end tests use) opens /boards/:id with an empty cache,
// once as a participant who joined with the code and once as the facilitator,
// and every JavaScript response it downloads until the page is idle is gzipped
// here at level 9, as adapter-node's precompressed files are.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { tavoliApi } from './tavoli-api.js';

/** @typedef {import('./servers.js').RunningServer} RunningServer */
/**
 * @typedef {{ files: number; bytes: number; gzipBytes: number;
 *   largest: { path: string; gzipBytes: number }[] }} Weight
 * @typedef {{ participant: Weight; facilitator: Weight; targetGzipBytes: number }} PageWeight
 */

/** The issue's target for the board page's JavaScript, gzipped. */
export const TARGET_GZIP_BYTES = 200 * 1024;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * @param {import('playwright-core').Browser} browser @param {string} origin
 * @param {string} cookie @param {string} path @returns {Promise<Weight>}
 */
async function weigh(browser, origin, cookie, path) {
	const context = await browser.newContext();
	const [name, value] = /** @type {[string, string]} */ (cookie.split('='));
	await context.addCookies([{ name, value, url: origin }]);
	const page = await context.newPage();
	/** @type {Promise<{ path: string; bytes: number; gzipBytes: number }>[]} */
	const scripts = [];
	page.on('response', (response) => {
		if (response.request().resourceType() !== 'script') return;
		scripts.push(
			response.body().then((body) => ({
				path: new URL(response.url()).pathname,
				bytes: body.byteLength,
				gzipBytes: gzipSync(body, { level: 9 }).byteLength
			}))
		);
	});
	await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
	const files = await Promise.all(scripts);
	await context.close();
	const sum = (/** @type {'bytes' | 'gzipBytes'} */ k) => files.reduce((s, f) => s + f[k], 0);
	return {
		files: files.length,
		bytes: sum('bytes'),
		gzipBytes: sum('gzipBytes'),
		largest: files
			.sort((a, b) => b.gzipBytes - a.gzipBytes)
			.slice(0, 5)
			.map(({ path: p, gzipBytes }) => ({ path: p, gzipBytes }))
	};
}

/**
 * Weighs the board page of the first demo incontro, opened for the occasion.
 * @param {RunningServer} server @returns {Promise<PageWeight>}
 */
export async function pageWeight(server) {
	const api = tavoliApi(server.origin);
	const admin = await api.loginAdmin();
	const [meeting] = (await api.meetings(admin)).sort((a, b) => a.id - b.id);
	if (!meeting) throw new Error('the demo has no incontro');
	const { boardId, joinCode } = await api.openBoard(admin, meeting.id);
	const guest = await api.join(joinCode, 'Pagina Pesata', '');
	const browser = await chromium.launch({ executablePath });
	try {
		return {
			participant: await weigh(browser, server.origin, guest.cookie, `/boards/${boardId}`),
			facilitator: await weigh(browser, server.origin, admin, `/boards/${boardId}`),
			targetGzipBytes: TARGET_GZIP_BYTES
		};
	} finally {
		await browser.close();
	}
}

/** @param {PageWeight} w */
export function pageWeightLines(w) {
	const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
	return /** @type {const} */ (['participant', 'facilitator']).map((who) => {
		const x = w[who];
		const verdict = x.gzipBytes < w.targetGzipBytes ? 'met   ' : 'MISSED';
		return (
			`${verdict}  board page JS for the ${who}: ${kb(x.gzipBytes)} gzipped (${kb(x.bytes)} raw, ` +
			`${x.files} files) < ${kb(w.targetGzipBytes)}; largest ${x.largest
				.slice(0, 3)
				.map((f) => `${f.path.split('/').pop()} ${kb(f.gzipBytes)}`)
				.join(', ')}`
		);
	});
}
