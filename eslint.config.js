import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The features of src/lib, lowest first (docs/ARCHITECTURE.md, "Feature order"):
 * each may import only those before it. Routes and server/ may import anything.
 */
export const featureOrder = [
	'sync',
	'taxonomy',
	'plan',
	'directory',
	'auth',
	'tavolo',
	'meeting',
	'attendance',
	'board',
	'voting',
	'objectives',
	'outcomes',
	'minutes',
	'plan-objectives',
	'monitoring',
	'live-session',
	'privacy',
	'demo'
];
/** Folders every feature may use; they import no feature themselves. */
export const sharedFolders = ['server', 'i18n', 'ui', 'forms', 'paraglide'];

/**
 * Imports that break the order today, each with its reason: pay them down, do not
 * add to them. `imports` lifts the rule for those features in that file; `types`
 * lifts it for `import type` only.
 * @type {{ file: string; imports?: string[]; types?: string[]; why: string }[]}
 */
const orderExceptions = [
	{
		file: 'src/lib/server/db/schema.ts',
		imports: featureOrder,
		why: 'the list of every table, read by drizzle-kit and typing Db'
	},
	{
		file: 'src/lib/server/db/test-fixtures.ts',
		imports: featureOrder,
		why: "test builders go through the features' own use cases"
	},
	{
		file: 'src/lib/server/db/test-database.ts',
		imports: ['taxonomy'],
		why: 'a test database gets the taxonomies, as the server does at start'
	},
	{
		file: 'src/lib/server/runtime.ts',
		types: ['board'],
		why: 'the runtime object carries the board hub that server/ builds'
	},
	{
		file: 'src/lib/auth/access.ts',
		imports: ['tavolo'],
		why: 'the access table is written over the roles of tavolo seats'
	},
	{ file: 'src/lib/auth/access.test.ts', types: ['tavolo'], why: 'as access.ts' },
	{
		file: 'src/lib/auth/actor.server.ts',
		imports: ['tavolo'],
		why: 'an actor is an account plus its tavolo seats; tests/integration imports it from auth'
	},
	{
		file: 'src/lib/auth/identity.server.ts',
		imports: ['attendance'],
		why: 'resolves guest sessions too; server/sync.ts imports it from auth'
	},
	{
		file: 'src/lib/directory/directory-context.server.ts',
		imports: ['auth'],
		why: "directory pages check auth's rules, while accounts point at people"
	},
	{
		file: 'src/lib/attendance/join.server.ts',
		imports: ['board'],
		why: "belongs in board/ (the join code is the board's); tests/integration imports it here"
	},
	{
		file: 'src/lib/attendance/participant-privacy.server.ts',
		imports: ['board', 'minutes'],
		why: 'belongs in privacy/; tests/integration imports it from attendance'
	}
];

/**
 * One no-restricted-imports pattern per feature that `owner` may not import.
 * @param {string} owner @param {string[]} features @param {string[]} typesAllowed
 */
function forbiddenImports(owner, features, typesAllowed) {
	const rule = sharedFolders.includes(owner)
		? `shared folders (${sharedFolders.join(', ')}) import no feature`
		: `a feature imports only those below it, ${featureOrder.join(' < ')}; compose both higher up (a route, live-session) or pass a callback`;
	return features.map((feature) => ({
		// `$lib/voting/...` as well as `../voting/...` or `../../voting/...`.
		regex: `^(\\$lib/|(\\.\\./)+)${feature}(/|$)`,
		caseSensitive: true,
		allowTypeImports: typesAllowed.includes(feature),
		message: `${owner} may not import ${feature}: ${rule} (docs/ARCHITECTURE.md, "Feature order").`
	}));
}

/**
 * The block that forbids `features` to the files of `owner` that `file` names: the
 * whole folder, or one file, whose block comes later and so replaces the folder's list.
 * @param {string} file @param {string} owner @param {string[]} features
 * @param {string[]} [typesAllowed]
 * @returns {import('eslint').Linter.Config}
 */
function orderBlock(file, owner, features, typesAllowed = []) {
	const patterns = forbiddenImports(owner, features, typesAllowed);
	return {
		files: [file],
		rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] }
	};
}

const ownerOf = (/** @type {string} */ file) => file.split('/')[2] ?? '';
const above = (/** @type {string} */ owner) =>
	sharedFolders.includes(owner)
		? featureOrder
		: featureOrder.slice(featureOrder.indexOf(owner) + 1);

const featureOrderRules = [
	...featureOrder.map((feature) => orderBlock(`src/lib/${feature}/**`, feature, above(feature))),
	...sharedFolders.map((folder) => orderBlock(`src/lib/${folder}/**`, folder, featureOrder)),
	...orderExceptions.map(({ file, imports = [], types = [] }) => {
		const owner = ownerOf(file);
		const still = above(owner).filter((feature) => !imports.includes(feature));
		return orderBlock(file, owner, still, types);
	})
];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint handles undefined names better than core eslint in TS files.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// The app is served at the root (no paths.base), so plain hrefs are correct.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	...featureOrderRules
);
