// The benchmark's clients read and write the board only through
// src/lib/board/board-doc.ts, as the app does. Node 20 cannot run TypeScript, so
// the pure modules (and server/ws-frame.ts, for fan-out.js) are compiled once per
// run into build/bench/ (after `npm run build`, which empties build/) and imported
// from there.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'build', 'bench');

/** Compiles board-doc.ts, board.ts and ws-frame.ts (yjs stays external, so clients share one Yjs). */
export async function compileBoardModules() {
	const { build } = await import('vite');
	await build({
		configFile: false,
		logLevel: 'warn',
		root,
		resolve: { alias: { $lib: join(root, 'src', 'lib') } },
		build: {
			ssr: true,
			outDir,
			emptyOutDir: true,
			target: 'node20',
			rollupOptions: {
				input: {
					'board-doc': join(root, 'src/lib/board/board-doc.ts'),
					board: join(root, 'src/lib/board/board.ts'),
					'ws-frame': join(root, 'server/ws-frame.ts')
				},
				output: { format: 'esm', entryFileNames: '[name].js' }
			}
		}
	});
}

/**
 * @returns {Promise<{ doc: typeof import('../../src/lib/board/board-doc'); rules: typeof import('../../src/lib/board/board') }>}
 */
export async function importBoardModules() {
	const load = (/** @type {string} */ name) =>
		import(pathToFileURL(join(outDir, `${name}.js`)).href);
	return { doc: await load('board-doc'), rules: await load('board') };
}
