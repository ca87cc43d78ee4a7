import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the production entry in server/ (and the CLI commands it dispatches) into
 * build/runtime/, with the SQLite writer thread's entry beside it. It runs after
 * the SvelteKit build, which empties build/ first.
 * Dependencies stay external: they are resolved from node_modules at run time.
 */
export default defineConfig({
	resolve: {
		alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) }
	},
	build: {
		ssr: true,
		outDir: 'build/runtime',
		emptyOutDir: true,
		target: 'node20',
		sourcemap: true,
		rollupOptions: {
			input: {
				main: 'server/main.ts',
				// The SQLite writer thread's own entry (src/lib/server/db/sqlite-writer.worker.js).
				'sqlite-writer': 'src/lib/server/db/sqlite-writer.worker.js'
			},
			output: { format: 'esm', entryFileNames: '[name].js' }
		}
	}
});
