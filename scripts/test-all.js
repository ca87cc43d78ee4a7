// `npm test`: every check the project has, in order, ending with one plain
// "N passed, N failed" line that sums them all (CI reads that line, not the
// runners' own summaries). Static checks count as one test each; vitest and
// Playwright report their tests through JSON files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = '.test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
/** @type {string[]} */
const failures = [];

/** @param {string} command @param {string[]} args @param {Record<string, string>} [env] */
function run(command, args, env = {}) {
	console.log(`\n▶ ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

/** A step that is one test: it passes or fails as a whole. */
function step(/** @type {string} */ name, /** @type {boolean} */ ok) {
	if (ok) passed++;
	else {
		failed++;
		failures.push(name);
	}
	return ok;
}

/**
 * @param {string} file
 * @param {(json: any) => [number, number]} count
 * @param {(json: any) => string[]} names the failed tests' names, printed last: CI shows only the tail
 * @param {string} name
 */
function countReport(file, count, names, name) {
	if (!existsSync(file)) return step(`${name} (no report)`, false);
	const report = JSON.parse(readFileSync(file, 'utf8'));
	const [ok, bad] = count(report);
	passed += ok;
	failed += bad;
	if (bad > 0)
		failures.push(`${name}: ${bad} failed`, ...names(report).map((t) => `  ${name} ✗ ${t}`));
	return bad === 0;
}

/** @param {any} report vitest's JSON report */
function vitestFailures(report) {
	return (report.testResults ?? []).flatMap((/** @type {any} */ file) =>
		(file.assertionResults ?? [])
			.filter((/** @type {any} */ t) => t.status === 'failed')
			.map(
				(/** @type {any} */ t) => `${file.name.replace(process.cwd() + '/', '')} › ${t.fullName}`
			)
	);
}

/** @param {any} report Playwright's JSON report */
function playwrightFailures(report) {
	/** @type {string[]} */
	const out = [];
	/** @param {any} suite @param {string} path */
	const walk = (suite, path) => {
		for (const spec of suite.specs ?? [])
			if (!spec.ok) out.push(`${spec.file ?? path}:${spec.line} › ${spec.title}`);
		for (const child of suite.suites ?? []) walk(child, suite.file ?? path);
	};
	for (const suite of report.suites ?? []) walk(suite, suite.file ?? '');
	for (const error of report.errors ?? [])
		out.push(String(error.message ?? error).split('\n')[0] ?? '');
	return out;
}

/** Where test servers log every 500 they answer (TAVOLI_UNEXPECTED_LOG): a bug, even if no test looked. */
function unexpectedLogs() {
	const root = 'test-results';
	if (!existsSync(root)) return [];
	return readdirSync(root)
		.map((dir) => join(root, dir, 'unexpected.log'))
		.filter((file) => existsSync(file));
}

step('lint (i18n, prettier, eslint)', run('npm', ['run', 'lint']));
step('svelte-check', run('npm', ['run', 'check']));

const vitestOk = run('npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${reports}/vitest.json`
]);
countReport(
	`${reports}/vitest.json`,
	(r) => [r.numPassedTests, r.numFailedTests + (vitestOk || r.numFailedTests ? 0 : 1)],
	vitestFailures,
	'vitest'
);

for (const file of unexpectedLogs()) rmSync(file); // earlier runs' 500s are not this run's
if (step('build', run('npm', ['run', 'build']))) {
	const file = `${reports}/playwright.json`;
	run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file, CI: '1' });
	countReport(
		file,
		(r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected + (r.errors?.length ?? 0)],
		playwrightFailures,
		'playwright'
	);
}

const errors = unexpectedLogs().flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean));
if (errors.length) console.log(`\nServers answered 500:\n${errors.join('\n')}`);
step('no request answered 500', errors.length === 0);

if (failures.length) console.log(`\nFailed:\n${failures.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
