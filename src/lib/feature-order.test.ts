import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { featureOrder, sharedFolders } from '../../eslint.config.js';

/**
 * The boundary rule of eslint.config.js, run through ESLint's own API on code
 * that never reaches the disk: a feature may import only the features below it
 * (docs/ARCHITECTURE.md, "Feature order"), the shared folders none.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
	eslint = new ESLint({ cwd: root });
});

async function orderErrors(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? [])
		.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
		.map((m) => m.message);
}

const importing = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

describe('feature order lint rule', () => {
	it('refuses a feature importing one above it, through $lib or a relative path', async () => {
		const viaLib = await orderErrors('src/lib/board/x.ts', importing('$lib/voting/voting-api'));
		expect(viaLib).toEqual([expect.stringContaining('board may not import voting')]);
		const relative = await orderErrors(
			'src/lib/board/x.ts',
			importing('../objectives/objective-doc')
		);
		expect(relative).toEqual([expect.stringContaining('board may not import objectives')]);
	});

	it('lets a feature import the ones below it', async () => {
		expect(await orderErrors('src/lib/voting/x.ts', importing('$lib/board/board-doc'))).toEqual([]);
		expect(await orderErrors('src/lib/board/x.ts', importing('$lib/sync/protocol'))).toEqual([]);
	});

	it('tells plan from plan-objectives', async () => {
		const up = await orderErrors(
			'src/lib/plan/x.ts',
			importing('$lib/plan-objectives/plan-tables')
		);
		expect(up).toEqual([expect.stringContaining('plan may not import plan-objectives')]);
		expect(await orderErrors('src/lib/plan-objectives/x.ts', importing('$lib/plan/plan'))).toEqual(
			[]
		);
	});

	// A .svelte file is parsed with the TypeScript project service: seconds, not milliseconds.
	it(
		'refuses a shared folder importing any feature, in Svelte components too',
		{ timeout: 60_000 },
		async () => {
			const component = `<script lang="ts">\n\timport Panel from '$lib/voting/VotingPanel.svelte';\n</script>\n\n<Panel meetingId={1} />\n`;
			expect(await orderErrors('src/lib/ui/PageHeader.svelte', component)).toEqual([
				expect.stringContaining('ui may not import voting')
			]);
		}
	);

	it('keeps a type-only exception to types', async () => {
		const file = 'src/lib/server/runtime.ts';
		const typeOnly = `import type { BoardHub } from '$lib/board/board-hub.server';\nexport type H = BoardHub;\n`;
		expect(await orderErrors(file, typeOnly)).toEqual([]);
		expect(await orderErrors(file, importing('$lib/board/board-hub.server'))).toEqual([
			expect.stringContaining('server may not import board')
		]);
	});

	it('leaves routes free to compose any feature', async () => {
		const file = 'src/routes/x/+page.server.ts';
		expect(await orderErrors(file, importing('$lib/demo/seed-demo.server'))).toEqual([]);
	});
});

describe('feature order', () => {
	it('is the order written in docs/ARCHITECTURE.md', () => {
		const doc = readFileSync(`${root}/docs/ARCHITECTURE.md`, 'utf8');
		const section = doc.slice(doc.indexOf('## Feature order'));
		const written = section.match(/```\n([\s\S]*?)\n```/)?.[1] ?? '';
		expect(written.split(/\s*<\s*/).map((f) => f.trim())).toEqual(featureOrder);
	});

	it('places every folder of src/lib', () => {
		const folders = readdirSync(`${root}/src/lib`, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name);
		expect(folders.filter((f) => !featureOrder.includes(f) && !sharedFolders.includes(f))).toEqual(
			[]
		);
	});
});
