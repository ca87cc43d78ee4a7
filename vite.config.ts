import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * In `vite dev` the app has no server/ entry in front of it, so this plugin plays
 * that part: it opens the database and hands the runtime to SvelteKit, exactly as
 * server/main.ts does in production.
 */
function tavoliDevRuntime(): Plugin {
	return {
		name: 'tavoli-dev-runtime',
		apply: 'serve',
		async configureServer(server) {
			const mod = await server.ssrLoadModule('/server/dev.ts');
			await mod.startDevRuntime(server.httpServer);
		}
	};
}

export default defineConfig({
	plugins: [
		tavoliDevRuntime(),
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale'],
			emitTsDeclarations: true
		})
	]
});
