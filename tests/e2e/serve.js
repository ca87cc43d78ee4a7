// Starts the built app for the end-to-end tests on a fresh database with the demo
// plan. The database lives under test-results/ (git-ignored), one per port.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

const port = process.env.PORT ?? '4173';
const dir = `test-results/e2e-db-${port}`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const child = spawn(process.execPath, ['server/index.js'], {
	stdio: 'inherit',
	env: {
		...process.env,
		DATABASE_PATH: `${dir}/tavoli.db`,
		TAVOLI_DEMO: '1',
		// Every 500 lands here; npm test fails on any (scripts/test-all.js).
		TAVOLI_UNEXPECTED_LOG: `${dir}/unexpected.log`,
		TAVOLI_SKIP_BUILD: '1'
	}
});
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
	process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => process.exit(code ?? 0));
