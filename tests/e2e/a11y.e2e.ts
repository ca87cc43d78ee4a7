import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoIds } from './demo-db';
import { logInThroughForm, type DemoRole } from './helpers';
import { phone, resetBoard } from './voting-setup';

/**
 * axe on every page of the app, as the role that uses it, with and without
 * validation errors shown, on a desktop and on a phone. WCAG 2.2 AA tags include
 * the touch-target rule. Only serious and critical findings fail the test.
 */
async function expectNoSeriousViolations(page: Page, what: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
	expect(serious).toEqual([]);
}

function pagesFor(role: DemoRole): string[] {
	const ids = demoIds();
	const own = ids.tavolo.own;
	const common = [
		'/',
		'/plans',
		`/plans/${ids.planId}`,
		`/plans/${ids.planId}/objectives`,
		`/plans/${ids.planId}/needs`,
		`/plans/${ids.planId}/slides`,
		`/plans/${ids.planId}/objectives/${ids.planObjectiveId}`,
		`/tavoli/${own}`,
		`/meetings/${ids.meeting.own}`,
		`/meetings/${ids.meeting.own}/minutes`,
		`/meetings/${ids.meeting.own}/outcome`,
		'/taxonomy',
		'/account'
	];
	if (role === 'admin') {
		return [
			...common,
			'/plans/new',
			`/plans/${ids.planId}/edit`,
			`/plans/${ids.planId}/policy-areas`,
			`/plans/${ids.planId}/policy-areas/${ids.policyAreaId}`,
			`/plans/${ids.planId}/tavoli/new`,
			`/plans/${ids.planId}/inbox`,
			`/plans/${ids.planId}/objectives/import-sheet`,
			`/plans/${ids.planId}/successor`,
			'/ambiti',
			`/ambiti/${ids.ambitoId}`,
			'/organizations',
			'/organizations/new',
			`/organizations/${ids.organizationId}`,
			'/people',
			'/people/new',
			`/people/${ids.personId}`,
			'/import',
			'/users',
			`/tavoli/${own}/edit`,
			`/tavoli/${own}/subgroups/new`,
			`/tavoli/${own}/subgroups/${ids.subgroup.own}`,
			`/tavoli/${own}/meetings/new`,
			`/meetings/${ids.meeting.own}/edit`,
			`/meetings/${ids.todayMeeting}/edit`,
			'/taxonomy?version=2021-2023'
		];
	}
	if (role === 'facilitator')
		return [...common, '/organizations', '/people', `/tavoli/${own}/meetings/new`];
	return common;
}

test('the log-in page, with and without an error, and the error pages', async ({ page }) => {
	await page.goto('/login');
	await expectNoSeriousViolations(page, '/login');
	await page.getByRole('textbox', { name: 'Indirizzo e-mail' }).fill('nessuno@example.org');
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill('sbagliata');
	await page.getByRole('button', { name: 'Accedi' }).click();
	await expect(page.getByRole('alert').first()).toBeVisible();
	await expectNoSeriousViolations(page, '/login with errors');
	await logInThroughForm(page, 'participant');
	await page.goto('/users');
	await expectNoSeriousViolations(page, '403 page');
	await page.goto('/no-such-page');
	await expectNoSeriousViolations(page, '404 page');
});

/** Sets up a board with cards, a cluster, a merged card, a timer and a spotlight. */
async function busyBoard(page: Page): Promise<string> {
	const api = page.request;
	const opened = await api.post(`/api/meetings/${demoIds().meeting.own}/board`);
	expect(opened.status()).toBe(200);
	const { boardId } = (await opened.json()) as { boardId: string };
	const cards: string[] = [];
	for (const [kind, text] of [
		['need', 'Trasporti per le visite mediche'],
		['problem', 'Pochi trasporti la sera'],
		['proposal', 'Un numero unico per i caregiver']
	]) {
		const r = await api.post(`/api/boards/${boardId}/cards`, { data: { kind, text } });
		cards.push(((await r.json()) as { id: string }).id);
	}
	for (const [command, data] of [
		['phase', { phase: 'cluster' }],
		['settings', { participantsCanCluster: true, privateWriting: true }],
		['timer', { seconds: 600 }],
		['spotlight', { cardId: cards[2] }]
	] as const)
		expect((await api.post(`/api/boards/${boardId}/commands/${command}`, { data })).status()).toBe(
			200
		);
	await page.goto(`/boards/${boardId}`);
	await expect(page.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();
	await page.getByRole('textbox', { name: 'Nome del raggruppamento' }).fill('Trasporti');
	await page.getByRole('button', { name: 'Crea il raggruppamento' }).click();
	// Each card selected in turn, marked for the merge in the inspector (issue 13).
	for (const text of ['Trasporti per le visite mediche', 'Pochi trasporti la sera']) {
		await page.getByRole('article').filter({ hasText: text }).getByRole('button').click();
		await page
			.getByRole('region', { name: 'Scheda selezionata' })
			.getByRole('checkbox', { name: /Seleziona per unire/ })
			.check();
	}
	await page.getByRole('button', { name: /Unisci le schede selezionate/ }).click();
	await expect(page.getByText('Unione di 2 schede:')).toBeVisible();
	return boardId;
}

async function boardAs(browser: Browser, role: DemoRole, boardId: string, phone = false) {
	const context = await browser.newContext(
		phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}
	);
	const page = await context.newPage();
	await logInThroughForm(page, role);
	await page.goto(`/boards/${boardId}`);
	await expect(page.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();
	await expect(page.getByText('Unione di 2 schede:')).toBeVisible();
	return page;
}

test('the live board passes axe: facilitator, projector, participant, observer, phone', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await logInThroughForm(page, 'facilitator');
	const boardId = await busyBoard(page);
	await expectNoSeriousViolations(page, 'board (facilitator)');
	await page.goto(`/boards/${boardId}/projector`);
	await expect(page.getByRole('timer')).toBeVisible();
	await expectNoSeriousViolations(page, 'projector');
	for (const [role, phone] of [
		['participant', false],
		['observer', false],
		['participant', true]
	] as const) {
		const other = await boardAs(browser, role, boardId, phone);
		await expectNoSeriousViolations(other, `board (${role}${phone ? ', phone' : ''})`);
		await other.context().close();
	}
	await page.goto('/join');
	await expectNoSeriousViolations(page, '/join');
});

test('the voting views pass axe: ballots on a phone, facilitator with results, projector', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await logInThroughForm(page, 'facilitator');
	const api = page.request;
	const opened = await api.post(`/api/meetings/${demoIds().meeting.own}/board`);
	const { boardId } = (await opened.json()) as { boardId: string };
	await resetBoard(api, boardId);
	for (const text of ['Trasporti serali', 'Sollievo per i caregiver'])
		await api.post(`/api/boards/${boardId}/cards`, { data: { kind: 'need', text } });
	const round = async (data: object) => {
		const r = await api.post(`/api/boards/${boardId}/rounds`, {
			data: { targets: 'cards', anonymous: false, ...data }
		});
		expect(r.status()).toBe(201);
	};
	const context = await browser.newContext(phone);
	const voter = await context.newPage();
	await logInThroughForm(voter, 'participant');
	await voter.goto(`/boards/${boardId}`);
	const ballot = voter.getByRole('region', { name: 'Il tuo voto' });

	await round({ method: 'rank', topK: 2 });
	await ballot.getByRole('button', { name: /^Aggiungi «Trasporti serali»/ }).click();
	await expectNoSeriousViolations(voter, 'ranking ballot (phone)');
	await round({ method: 'score', criteria: ['impatto', 'fattibilità'] });
	const item = ballot.getByRole('group', { name: 'Trasporti serali' }).first();
	await item.getByRole('group', { name: 'impatto' }).getByText('4').click();
	await item.getByRole('group', { name: 'fattibilità' }).getByText('2').click();
	await expect(ballot.getByRole('status').first()).toHaveText(/Voci valutate: 1 su/);
	await expectNoSeriousViolations(voter, 'score ballot (phone)');

	await page.goto(`/boards/${boardId}`);
	await page.getByText('Scheda cartacea', { exact: true }).click();
	await expectNoSeriousViolations(page, 'voting desk, round open');
	await page.goto(`/boards/${boardId}/projector`);
	await expect(page.getByRole('heading', { name: 'Votazione in corso' })).toBeVisible();
	await expectNoSeriousViolations(page, 'projector, round open');

	await page.goto(`/boards/${boardId}`);
	await page.getByRole('button', { name: 'Mostra i risultati' }).click();
	await expect(page.getByRole('img', { name: /Matrice 2×2/ })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Chi ha votato cosa' })).toBeVisible();
	await expectNoSeriousViolations(page, 'voting desk with results');
	await page.goto(`/boards/${boardId}/projector`);
	await expect(page.getByRole('heading', { name: /^Risultati/ })).toBeVisible();
	await expectNoSeriousViolations(page, 'projector with results');
	await expect(voter.getByRole('img', { name: /Matrice 2×2/ })).toBeVisible();
	await expectNoSeriousViolations(voter, 'results (phone)');
	await context.close();
});

for (const role of ['admin', 'facilitator', 'participant', 'observer'] as const) {
	test(`every page of the ${role} passes axe`, async ({ page }) => {
		test.setTimeout(180_000);
		await logInThroughForm(page, role);
		for (const path of pagesFor(role)) {
			await page.goto(path);
			await expectNoSeriousViolations(page, path);
		}
	});
}

test('forms showing validation errors pass axe', async ({ page }) => {
	const ids = demoIds();
	await logInThroughForm(page, 'admin');
	for (const [path, button] of [
		['/plans/new', 'Crea'],
		[`/tavoli/${ids.tavolo.own}/meetings/new`, 'Crea'],
		['/organizations/new', 'Crea'],
		['/people/new', 'Crea']
	] as const) {
		await page.goto(path);
		// Bypass the browser's own required-field check to get the server's answer.
		await page
			.locator('form.stack')
			.first()
			.evaluate((f) => f.setAttribute('novalidate', ''));
		await page.getByRole('textbox').first().fill('');
		await page.getByRole('button', { name: button, exact: true }).click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await expectNoSeriousViolations(page, `${path} with errors`);
	}
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('the participant pages pass axe, touch targets included', async ({ page }) => {
		await logInThroughForm(page, 'participant');
		for (const path of pagesFor('participant')) {
			await page.goto(path);
			await expectNoSeriousViolations(page, `${path} (phone)`);
		}
	});
});

test('the English interface passes axe', async ({ page }) => {
	await logInThroughForm(page, 'admin');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	for (const path of ['/', `/tavoli/${demoIds().tavolo.own}`, '/import']) {
		await page.goto(path);
		await expectNoSeriousViolations(page, `${path} (en)`);
	}
});

test('the needs matrix reflows at 320 px and at 200% zoom: no sideways scroll (WCAG 1.4.10)', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
	const page = await context.newPage();
	await logInThroughForm(page, 'admin');
	await page.goto(`/plans/${demoIds().planId}/needs`);
	await expect(page.getByRole('form', { name: /filtri/i })).toBeVisible();
	const overflow = () =>
		page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth
		}));
	const narrow = await overflow();
	expect(narrow.scrollWidth).toBeLessThanOrEqual(narrow.clientWidth);
	// 200% zoom of a 1280 px window lays the page out at 640 CSS px.
	await page.setViewportSize({ width: 640, height: 480 });
	const zoomed = await overflow();
	expect(zoomed.scrollWidth).toBeLessThanOrEqual(zoomed.clientWidth);
	await context.close();
});

test('the UdP’s and the tavolo’s pages fit a phone: no sideways scroll at 390 px (WCAG 1.4.10)', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await logInThroughForm(page, 'admin');
	const { planId, tavolo } = demoIds();
	for (const path of [
		`/tavoli/${tavolo.own}`,
		`/plans/${planId}`,
		`/plans/${planId}/objectives`,
		`/plans/${planId}/monitoring`,
		`/plans/${planId}/slides`,
		'/people',
		'/organizations'
	]) {
		await page.goto(path);
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth
		}));
		expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
	}
	await context.close();
});
