import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Folders outside src/ that svelte-check must type-check too. */
const extraTypeChecked = ['server', 'scripts', 'tests'];

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		typescript: {
			config(tsconfig) {
				for (const dir of extraTypeChecked) {
					tsconfig.include.push(`../${dir}/**/*.ts`, `../${dir}/**/*.js`);
				}
				tsconfig.include.push('../*.config.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
