// Production launcher: builds the app when the build is missing or older than
// the sources, then hands over to the compiled entry (server/main.ts). Plain
// JavaScript because Node 20 cannot run TypeScript.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'build', 'runtime', 'main.js');
const handler = join(root, 'build', 'handler.js');
const sources = [
	'src',
	'server',
	'messages',
	'drizzle',
	'static',
	'package.json',
	'svelte.config.js',
	'vite.config.ts',
	'vite.server.config.ts'
];
const skip = new Set(['paraglide', 'node_modules']);

/** @param {string} path @returns {number} newest modification time under path */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const name of readdirSync(path)) {
		if (!skip.has(name)) latest = Math.max(latest, newest(join(path, name)));
	}
	return latest;
}

function buildIsFresh() {
	if (!existsSync(entry) || !existsSync(handler)) return false;
	const built = statSync(entry).mtimeMs;
	return sources.every((s) => newest(join(root, s)) <= built);
}

if (process.env.TAVOLI_SKIP_BUILD !== '1' && !buildIsFresh()) {
	console.log('Building Tavoli (first start or sources changed)...');
	const result = spawnSync('npm', ['run', 'build'], {
		cwd: root,
		stdio: 'inherit',
		shell: process.platform === 'win32'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const { main } = await import(pathToFileURL(entry).href);
await main({
	projectRoot: root,
	argv: process.argv.slice(2),
	loadHandler: async () => (await import(pathToFileURL(handler).href)).handler
});
