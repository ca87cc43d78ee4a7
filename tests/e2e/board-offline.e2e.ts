import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoSeriousViolations, logInThroughForm, uniqueSuffix } from './helpers';
import { apiAs, closeVotingPages, joinBoard, todaysBoardByApi, votingPage } from './voting-setup';

/**
 * Honest connection state (issue 13, docs/BOARD.md "Connection and unsent
 * cards"): losing the network shows within 3 s; a card written meanwhile stays
 * on the page marked as waiting, the composer does not claim it was added, and
 * it reaches the board when the connection returns.
 */
test.afterEach(closeVotingPages);

const lost = (page: Page) => page.getByRole('status').filter({ hasText: 'Connessione persa' });
const connected = (page: Page) => page.getByRole('status').filter({ hasText: 'Collegato' });
const waitingMark = 'In attesa di connessione';

async function writeCard(page: Page, text: string) {
	await page.getByRole('radio', { name: 'Bisogno', exact: true }).check();
	await page.getByRole('textbox', { name: 'Testo della scheda' }).fill(text);
	await page.getByRole('button', { name: 'Aggiungi la scheda' }).click();
}

function cardsOnServer(facilitator: APIRequestContext, boardId: string) {
	return async () => {
		const board = (await (await facilitator.get(`/api/boards/${boardId}`)).json()) as {
			cards: { text: string }[];
		};
		return board.cards.map((c) => c.text);
	};
}

test('offline: the card waits on the page, marked, and reaches the board once back online', async ({
	browser
}) => {
	const facilitator = await apiAs('facilitator');
	const { boardId, joinCode } = await todaysBoardByApi(facilitator);
	const onServer = cardsOnServer(facilitator, boardId);
	const page = await joinBoard(browser, `/join/${joinCode}`, {
		name: 'Elena Offline',
		organization: 'Cooperativa La Rete'
	});
	const text = `Trasporti serali scritti senza rete ${uniqueSuffix()}`;
	const card = page.getByRole('article').filter({ hasText: text });

	await page.context().setOffline(true);
	await expect(lost(page)).toBeVisible({ timeout: 3000 });
	await writeCard(page, text);
	await expect(card.getByText(waitingMark)).toBeVisible({ timeout: 3000 });
	await expect(card).toHaveAccessibleDescription(waitingMark);
	await expect(page.getByText(/Scheda conservata in questa pagina/)).toBeVisible();
	await expect(page.getByText('Scheda aggiunta.')).toHaveCount(0);
	expect(await onServer()).not.toContain(text);
	await expectNoSeriousViolations(page);

	await page.context().setOffline(false);
	await expect.poll(onServer, { timeout: 10_000 }).toContain(text);
	await expect(card.getByText(waitingMark)).toHaveCount(0);
	await expect(card).not.toHaveAttribute('aria-describedby');
	await expect(connected(page)).toBeVisible();
	await expect(page.getByText('Scheda aggiunta.')).toBeVisible();
	await facilitator.dispose();
});

test('a socket that goes silent while the browser stays online shows as lost within 3 s', async ({
	browser
}) => {
	const facilitator = await apiAs('facilitator');
	const { boardId, joinCode } = await todaysBoardByApi(facilitator);
	const onServer = cardsOnServer(facilitator, boardId);
	const page = await joinBoard(browser, `/join/${joinCode}`, {
		name: 'Franco Silenzio',
		organization: 'Auser Seriate'
	});
	// From now on every new socket passes through here; the first one to go silent
	// is the one opened below, after the reload.
	let silent = false;
	await page.context().routeWebSocket(/\/sync\//, (ws) => {
		const server = ws.connectToServer();
		ws.onMessage((message) => {
			if (!silent) server.send(message);
		});
		server.onMessage((message) => {
			if (!silent) ws.send(message);
		});
	});
	await page.reload();
	await expect(connected(page)).toBeVisible();
	const text = `Sportello serale scritto su un socket muto ${uniqueSuffix()}`;
	const card = page.getByRole('article').filter({ hasText: text });

	silent = true;
	await expect(lost(page)).toBeVisible({ timeout: 3000 });
	await writeCard(page, text);
	await expect(card.getByText(waitingMark)).toBeVisible();
	expect(await onServer()).not.toContain(text);

	// The silent socket is given up and a new one opened: the card goes on it.
	silent = false;
	await expect.poll(onServer, { timeout: 15_000 }).toContain(text);
	await expect(card.getByText(waitingMark)).toHaveCount(0);
	await expect(connected(page)).toBeVisible();
	await facilitator.dispose();
});

test("offline: the facilitator's compact card is marked as waiting too", async ({ browser }) => {
	const facilitator = await apiAs('facilitator');
	const { boardId } = await todaysBoardByApi(facilitator);
	const page = await votingPage(browser, { viewport: { width: 1366, height: 768 } });
	await logInThroughForm(page, 'facilitator');
	await page.goto(`/boards/${boardId}`);
	await expect(connected(page)).toBeVisible();
	const text = `Scritta dal facilitatore senza rete ${uniqueSuffix()}`;
	const card = page.getByRole('article').filter({ hasText: text });

	await page.context().setOffline(true);
	await expect(lost(page)).toBeVisible({ timeout: 3000 });
	await writeCard(page, text);
	await expect(card.getByText(waitingMark)).toBeVisible({ timeout: 3000 });
	await expect(card.getByRole('button')).toHaveAccessibleDescription(new RegExp(`^${waitingMark}`));
	await page.context().setOffline(false);
	await expect.poll(cardsOnServer(facilitator, boardId), { timeout: 10_000 }).toContain(text);
	await expect(card.getByText(waitingMark)).toHaveCount(0);
	await facilitator.dispose();
});
