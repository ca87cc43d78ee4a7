import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium against the built app (npm run build
 * first; npm test does). The server starts on a fresh SQLite file with the demo
 * plan, so every run begins from the same state. E2E_PORT lets two runs coexist.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// Playwright empties its output folder at start: its own one, so the renderings the
	// integration tests leave in test-results/ (plan-docx/) survive npm test. The test
	// servers clear their own test-results/<name>-<port> folders.
	outputDir: 'test-results/playwright',
	workers: 1,
	fullyParallel: false,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['line'], ['json']] : [['list']],
	use: {
		baseURL,
		// The server refuses a state-changing request without our Origin (CSRF, docs/API.md).
		// Browsers send it; Playwright's API request contexts do not, so every context says it.
		extraHTTPHeaders: { origin: baseURL },
		locale: 'it-IT',
		timezoneId: 'Europe/Rome',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'debian-chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: [
						'--headless',
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run',
						'--disable-quic'
					]
				}
			}
		}
	],
	webServer: {
		command: 'node tests/e2e/serve.js',
		env: { PORT: String(port), HOST: '127.0.0.1' },
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
