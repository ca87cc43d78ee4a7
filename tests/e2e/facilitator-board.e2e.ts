import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { openDemoDatabase } from './demo-db';
import { expectNoSeriousViolations, logInThroughForm } from './helpers';
import { apiAs, guestsWriteCards, resetBoard } from './voting-setup';

/**
 * Issue 13: the facilitator clusters a board of 100 cards from 25 people on a
 * 1366×768 laptop, by drag and by keyboard, without the page growing past two
 * screens. Its own incontro (a past one nobody else opens), so the other journeys
 * never meet these hundred cards.
 */
const laptop = { width: 1366, height: 768 };
const kinds = ['need', 'problem', 'resource', 'proposal', 'question'] as const;
const topics = [
	'trasporti per le visite in ospedale',
	'assistenza domiciliare nel fine settimana',
	'solitudine degli anziani che vivono soli',
	'sostegno ai caregiver familiari',
	'accesso ai servizi del distretto'
];

interface BoardJson {
	cards: { id: string; text: string; clusterId: string | null }[];
	clusters: { id: string; title: string }[];
}

function pastMeetingId(): number {
	const db = openDemoDatabase();
	const row = db
		.prepare(
			`select m.id from meetings m join tavoli t on t.id = m.tavolo_id
			 where t.name = 'Domiciliarità e Terza Età' and m.title = 'Incontro del tavolo n. 4'`
		)
		.get() as { id: number };
	db.close();
	return row.id;
}

/** 25 guests write four cards each: under the per-person throttle, all at once. */
async function hundredCards(joinCode: string, boardId: string) {
	const guests = await guestsWriteCards(joinCode, boardId, {
		guests: 25,
		perGuest: 4,
		guest: (person) => ({
			name: `Persona ${person + 1}`,
			organization: `Associazione ${person % 7}`
		}),
		card: (n) => ({ kind: kinds[(n + 1) % kinds.length]!, text: textOf(n + 1) })
	});
	for (const guest of guests) await guest.request.dispose();
}

async function clusterOf(api: APIRequestContext, boardId: string, cardText: string) {
	const board = (await (await api.get(`/api/boards/${boardId}`)).json()) as BoardJson;
	const card = board.cards.find((c) => c.text === cardText);
	return board.clusters.find((c) => c.id === card?.clusterId)?.title ?? null;
}

async function keep(page: Page, testInfo: TestInfo, name: string) {
	const path = testInfo.outputPath(name);
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function expectPageUnderTwoScreens(page: Page) {
	const { height, screen } = await page.evaluate(() => ({
		height: document.scrollingElement!.scrollHeight,
		screen: window.innerHeight
	}));
	expect(height).toBeLessThan(2 * screen);
}

test('the facilitator clusters 100 cards on a laptop, by drag and by keyboard', async ({
	browser
}, testInfo) => {
	test.setTimeout(180_000);
	const fac = await apiAs('facilitator');
	const opened = await fac.post(`/api/meetings/${pastMeetingId()}/board`);
	expect(opened.status()).toBe(200);
	const { boardId, joinCode } = (await opened.json()) as { boardId: string; joinCode: string };
	await resetBoard(fac, boardId);
	await hundredCards(joinCode, boardId);
	const phase = await fac.post(`/api/boards/${boardId}/commands/phase`, {
		data: { phase: 'cluster' }
	});
	expect(phase.status()).toBe(200);

	const context = await browser.newContext({ viewport: laptop });
	const page = await context.newPage();
	await logInThroughForm(page, 'facilitator');
	await page.goto(`/boards/${boardId}`);
	await expect(page.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();
	const board = page.getByRole('region', { name: /^Schede/ });
	await expect(board.getByRole('heading', { name: 'Schede (100)' })).toBeVisible();
	const column = (name: string) => page.getByRole('region', { name, exact: true });
	const card = (prefix: string) => page.getByRole('button', { name: new RegExp(`^${prefix}`) });

	await test.step('clusters are columns; earlier phases stay out of the way', async () => {
		for (const title of ['Trasporti', 'Domicilio', 'Solitudine']) {
			await page.getByRole('textbox', { name: 'Nome del raggruppamento' }).fill(title);
			await page.getByRole('button', { name: 'Crea il raggruppamento' }).click();
			await expect(column(title)).toBeVisible();
		}
		await expect(column('Da raggruppare').getByRole('article')).toHaveCount(100);
		await expect(page.getByRole('region', { name: /Scrivi una scheda/ })).toHaveCount(0);
		await expectPageUnderTwoScreens(page);
		await keep(page, testInfo, 'board-100-cards.png');
	});

	await test.step('drag a card into a cluster', async () => {
		// The columns in full view first: a page scrolled in mid-drag would start it elsewhere.
		await column('Da raggruppare').evaluate((e) => e.scrollIntoView({ block: 'end' }));
		const source = page.getByRole('article').filter({ hasText: 'Scheda 5:' });
		await source.scrollIntoViewIfNeeded();
		await expect(column('Trasporti')).toBeInViewport();
		await source.dragTo(column('Trasporti'));
		await expect(column('Trasporti')).toContainText('Scheda 5:');
		await expect.poll(() => clusterOf(fac, boardId, textOf(5))).toBe('Trasporti');
	});

	await test.step('move a card by keyboard: Shift+→ column by column, the focus stays on it', async () => {
		await card('Scheda 7:').focus();
		await page.keyboard.press('Shift+ArrowRight');
		await expect(column('Trasporti')).toContainText('Scheda 7:');
		await expect(card('Scheda 7:')).toBeFocused();
		await page.keyboard.press('Shift+ArrowRight');
		await expect(column('Domicilio')).toContainText('Scheda 7:');
		await expect(card('Scheda 7:')).toBeFocused();
		await expect.poll(() => clusterOf(fac, boardId, textOf(7))).toBe('Domicilio');
	});

	await test.step('select a card, move it with the inspector, the focus returns to it', async () => {
		await card('Scheda 9:').focus();
		await page.keyboard.press('Enter');
		const inspector = page.getByRole('region', { name: 'Scheda selezionata' });
		await expect(inspector).toContainText(textOf(9));
		await inspector.getByRole('combobox', { name: /Sposta in/ }).selectOption('Solitudine');
		await inspector.getByRole('button', { name: /^Sposta/ }).press('Enter');
		await expect(column('Solitudine')).toContainText('Scheda 9:');
		await expect(card('Scheda 9:')).toBeFocused();
		await expect.poll(() => clusterOf(fac, boardId, textOf(9))).toBe('Solitudine');
		await keep(page, testInfo, 'board-inspector.png');
	});

	await test.step('rename a cluster in its column; Escape closes the inspector', async () => {
		await column('Solitudine')
			.getByRole('button', { name: /^Rinomina/ })
			.click();
		await page.getByRole('textbox', { name: 'Nome del raggruppamento' }).last().fill('Isolamento');
		await page.keyboard.press('Enter');
		await expect(column('Isolamento')).toContainText('Scheda 9:');
		await expect(column('Isolamento').getByRole('button', { name: /^Rinomina/ })).toBeFocused();
		// Scheda 9 is still the selected card.
		await expect(card('Scheda 9:')).toHaveAttribute('aria-pressed', 'true');
		await page
			.getByRole('region', { name: 'Scheda selezionata' })
			.getByRole('button', { name: /^Modifica/ })
			.focus();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('region', { name: 'Scheda selezionata' })).toHaveCount(0);
		await expect(card('Scheda 9:')).toBeFocused();
	});

	await test.step('filter by kind', async () => {
		await page.getByRole('button', { name: /^Domanda \(/ }).click();
		await expect(column('Da raggruppare').getByRole('article')).toHaveCount(78);
		await page.getByRole('button', { name: /^Domanda \(/ }).click();
		await expect(column('Da raggruppare').getByRole('article')).toHaveCount(97);
	});

	await test.step('the page stays under two screens, and axe finds nothing serious', async () => {
		await expectPageUnderTwoScreens(page);
		await keep(page, testInfo, 'board-clustered.png');
		await expectNoSeriousViolations(page, 'board clustered (laptop)');
	});
	await context.close();
	await fac.dispose();
});

function textOf(n: number): string {
	return `Scheda ${n}: ${topics[n % topics.length]}${n % 3 ? ', soprattutto nei paesi più piccoli del distretto' : ''}`;
}
