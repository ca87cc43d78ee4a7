import {
	expect,
	test,
	type APIRequestContext,
	type Locator,
	type Page,
	type TestInfo
} from '@playwright/test';
import { openDemoDatabase } from './demo-db';
import { expectNoSeriousViolations, logInThroughForm } from './helpers';
import { apiAs, guestsWriteCards, resetBoard } from './voting-setup';

/**
 * Issue 13: the facilitator runs a board of 100 cards from 25 people on a
 * 1366×768 laptop through collecting, clustering and voting: the columns board in
 * each phase with that phase's tools only, never past two screens; cards and
 * marked selections moved by drag (mouse and touch) and by keyboard; one Tab stop
 * per column. Its own incontro (a past one nobody else opens), so the other
 * journeys never meet these hundred cards.
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
		card: (n) => ({
			kind: kinds[(n + 1) % kinds.length]!,
			text: textOf(n + 1),
			// A tag beside the kind on one card in four: the target group.
			...(n % 4 === 0 ? { target: n % 8 ? 'Caregiver' : 'Anziani soli' } : {})
		})
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

test('the facilitator runs 100 cards on a laptop in every phase, by drag, touch and keyboard', async ({
	browser
}, testInfo) => {
	test.setTimeout(240_000);
	const fac = await apiAs('facilitator');
	const opened = await fac.post(`/api/meetings/${pastMeetingId()}/board`);
	expect(opened.status()).toBe(200);
	const { boardId, joinCode } = (await opened.json()) as { boardId: string; joinCode: string };
	await resetBoard(fac, boardId);
	await hundredCards(joinCode, boardId);

	const context = await browser.newContext({ viewport: laptop });
	const page = await context.newPage();
	await logInThroughForm(page, 'facilitator');
	await page.goto(`/boards/${boardId}`);
	await expect(page.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();
	const board = page.getByRole('region', { name: /^Schede/ });
	await expect(board.getByRole('heading', { name: 'Schede (100)' })).toBeVisible();
	const column = (name: string) => page.getByRole('region', { name, exact: true });
	const card = (prefix: string) => page.getByRole('button', { name: new RegExp(`^${prefix}`) });
	const inspector = page.getByRole('region', { name: 'Scheda selezionata' });
	const select = async (prefix: string) => {
		await card(prefix).click();
		await expect(inspector).toContainText(prefix);
	};

	await test.step('collecting: the cards fill the width; composer and edit, no clustering', async () => {
		await expect(column('Tutte le schede').getByRole('article')).toHaveCount(100);
		await expect(page.getByRole('region', { name: /Scrivi una scheda/ })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Crea il raggruppamento' })).toHaveCount(0);
		await select('Scheda 3:');
		await expect(inspector.getByRole('button', { name: /^Modifica/ })).toBeVisible();
		await expect(inspector.getByRole('combobox', { name: /Sposta in/ })).toHaveCount(0);
		await expectTabStops(page, 1);
		await expectPageUnderTwoScreens(page);
		await keep(page, testInfo, 'board-collect.png');
		await expectNoSeriousViolations(page, 'board collecting (laptop)');
		await inspector.getByRole('button', { name: 'Chiudi' }).click();
		await page.getByRole('button', { name: 'Raggruppamento', exact: true }).click();
		await expect(page.getByRole('button', { name: 'Crea il raggruppamento' })).toBeVisible();
	});

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
		await column('Solitudine')
			.getByRole('textbox', { name: 'Nome del raggruppamento' })
			.fill('Isolamento');
		await page.keyboard.press('Enter');
		await expect(column('Isolamento')).toContainText('Scheda 9:');
		await expect(column('Isolamento').getByRole('button', { name: /^Rinomina/ })).toBeFocused();
		// Scheda 9 is still the selected card.
		await expect(card('Scheda 9:')).toHaveAttribute('aria-pressed', 'true');
		await page
			.getByRole('region', { name: 'Scheda selezionata' })
			.getByRole('button', { name: /^Metti in evidenza/ })
			.focus();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('region', { name: 'Scheda selezionata' })).toHaveCount(0);
		await expect(card('Scheda 9:')).toBeFocused();
	});

	await test.step('filter by tag', async () => {
		const tag = page.getByRole('combobox', { name: 'Etichetta' });
		await tag.selectOption('Destinatari: Caregiver');
		await expect(page.getByRole('article')).toHaveCount(12);
		await tag.selectOption('Tutte le etichette');
		await expect(page.getByRole('article')).toHaveCount(100);
	});

	await test.step('filter by kind', async () => {
		await page.getByRole('button', { name: /^Domanda \(/ }).click();
		await expect(column('Da raggruppare').getByRole('article')).toHaveCount(78);
		await page.getByRole('button', { name: /^Domanda \(/ }).click();
		await expect(column('Da raggruppare').getByRole('article')).toHaveCount(97);
	});

	await test.step('one Tab stop per column; ↑/↓ go through a column', async () => {
		await expectTabStops(page, 4);
		await column('Da raggruppare').locator('[tabindex="0"]').focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		const third = column('Da raggruppare').getByRole('article').nth(2).getByRole('button');
		await expect(third).toBeFocused();
		// Tab leaves the column for the next one; Shift+Tab comes back to the card last focused.
		await page.keyboard.press('Tab');
		await expect(column('Trasporti').getByRole('button', { name: /^Rinomina/ })).toBeFocused();
		await page.keyboard.press('Shift+Tab');
		await expect(third).toBeFocused();
	});

	await test.step('drag a marked selection: every marked card moves', async () => {
		for (const prefix of ['Scheda 11:', 'Scheda 12:']) {
			await select(prefix);
			await inspector.getByRole('checkbox', { name: /Seleziona per unire/ }).check();
		}
		await column('Da raggruppare').evaluate((e) => e.scrollIntoView({ block: 'end' }));
		await card('Scheda 11:').scrollIntoViewIfNeeded();
		await card('Scheda 11:').dragTo(column('Domicilio'));
		await expect(column('Domicilio')).toContainText('Scheda 11:');
		await expect(column('Domicilio')).toContainText('Scheda 12:');
		await expect.poll(() => clusterOf(fac, boardId, textOf(12))).toBe('Domicilio');
		await expect(card('Scheda 11:')).toHaveAttribute('aria-pressed', 'false');
	});

	await test.step('«Sposta in» on a marked card moves the marked set, by keyboard', async () => {
		await expect(inspector).toContainText('Scheda 12:');
		await expect(inspector).toContainText('sposta tutte le 2 schede selezionate');
		await inspector.getByRole('combobox', { name: /Sposta in/ }).selectOption('Trasporti');
		await inspector.getByRole('button', { name: /^Sposta/ }).press('Enter');
		await expect(column('Trasporti')).toContainText('Scheda 11:');
		await expect(column('Trasporti')).toContainText('Scheda 12:');
		await expect(card('Scheda 12:')).toBeFocused();
		await expect.poll(() => clusterOf(fac, boardId, textOf(11))).toBe('Trasporti');
		await page.getByRole('button', { name: 'Annulla la selezione' }).click();
	});

	await test.step('the page stays under two screens, and axe finds nothing serious', async () => {
		await expectPageUnderTwoScreens(page);
		await keep(page, testInfo, 'board-clustered.png');
		await expectNoSeriousViolations(page, 'board clustered (laptop)');
	});

	await test.step('touch: a finger drags a card into a cluster', async () => {
		const touch = await browser.newContext({ viewport: laptop, hasTouch: true });
		const tablet = await touch.newPage();
		await logInThroughForm(tablet, 'facilitator');
		await tablet.goto(`/boards/${boardId}`);
		await expect(tablet.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();
		const source = tablet.getByRole('article').filter({ hasText: 'Scheda 15:' });
		const target = tablet.getByRole('region', { name: 'Domicilio', exact: true });
		await fingerDrag(tablet, source, target);
		await expect(target).toContainText('Scheda 15:');
		await expect.poll(() => clusterOf(fac, boardId, textOf(15))).toBe('Domicilio');
		await touch.close();
	});

	await test.step('voting: clusters visible, cards read-only, the voting desk beside', async () => {
		await page.getByRole('button', { name: 'Votazione', exact: true }).click();
		await expect(page.getByRole('region', { name: 'Votazione', exact: true })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Crea il raggruppamento' })).toHaveCount(0);
		await expect(column('Trasporti')).toContainText('Scheda 5:');
		await expect(page.locator('[data-drag-card]')).toHaveCount(0);
		await select('Scheda 5:');
		await expect(inspector.getByRole('combobox', { name: /Sposta in/ })).toHaveCount(0);
		await expect(inspector.getByRole('button', { name: /^Modifica/ })).toHaveCount(0);
		await expect(inspector.getByRole('button', { name: /Metti in evidenza/ })).toBeVisible();
		await expectTabStops(page, 4);
		await expectPageUnderTwoScreens(page);
		await keep(page, testInfo, 'board-vote.png');
		await expectNoSeriousViolations(page, 'board voting (laptop)');
	});

	await test.step('drafting: the objective cards first, the columns read-only below', async () => {
		await page.getByRole('button', { name: 'Stesura obiettivi', exact: true }).click();
		await expect(
			page.getByRole('button', { name: 'Stesura obiettivi', exact: true })
		).toHaveAttribute('aria-pressed', 'true');
		await expect(column('Trasporti')).toContainText('Scheda 5:');
		await expect(page.locator('[data-drag-card]')).toHaveCount(0);
		await expect(page.getByRole('region', { name: /Scrivi una scheda/ })).toHaveCount(0);
		await column('Trasporti').scrollIntoViewIfNeeded();
		await keep(page, testInfo, 'board-draft.png');
		await expectNoSeriousViolations(page, 'board drafting (laptop)');
	});
	await context.close();
	await fac.dispose();
});

/** The columns' cards are one Tab stop per column (roving tabindex). */
async function expectTabStops(page: Page, columns: number) {
	const stops = page.locator('.board-columns [tabindex="0"]');
	await expect(stops).toHaveCount(columns);
}

/** A real touch drag through the browser's input pipeline (touch-action applies). */
async function fingerDrag(page: Page, source: Locator, target: Locator) {
	await source.scrollIntoViewIfNeeded();
	const from = (await source.boundingBox())!;
	const to = (await target.boundingBox())!;
	const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
	// Sideways: a vertical swipe scrolls the column instead.
	const end = { x: to.x + to.width / 2, y: start.y };
	const cdp = await page.context().newCDPSession(page);
	type TouchType = 'touchStart' | 'touchMove' | 'touchEnd';
	const touch = (type: TouchType, points: { x: number; y: number }[]) =>
		cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
	await touch('touchStart', [start]);
	for (let i = 1; i <= 10; i++)
		await touch('touchMove', [{ x: start.x + ((end.x - start.x) * i) / 10, y: start.y }]);
	await touch('touchEnd', []);
	await cdp.detach();
}

function textOf(n: number): string {
	return `Scheda ${n}: ${topics[n % topics.length]}${n % 3 ? ', soprattutto nei paesi più piccoli del distretto' : ''}`;
}
