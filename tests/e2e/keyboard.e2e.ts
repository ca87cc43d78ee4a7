import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { demoIds } from './demo-db';
import { demoAccounts, demoPassword, logInThroughForm, uniqueSuffix } from './helpers';
import { apiAs, expectConnected, resetBoard, todaysBoardByApi } from './voting-setup';

/**
 * The set-up tasks with the keyboard alone: no mouse click anywhere. `tabTo`
 * proves an element is reachable with Tab in a sensible number of steps.
 */
async function tabTo(page: Page, target: Locator, maxSteps = 80): Promise<void> {
	for (let i = 0; i < maxSteps; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Not reachable with Tab in ${maxSteps} steps: ${target}`);
}

async function typeInto(page: Page, field: Locator, text: string) {
	await tabTo(page, field);
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(text);
}

/** The facilitator logs in from /login with Tab and typing alone, and lands on «Inizio». */
async function logInByKeyboard(page: Page) {
	await typeInto(
		page,
		page.getByRole('textbox', { name: 'Indirizzo e-mail' }),
		demoAccounts.facilitator
	);
	await typeInto(page, page.getByRole('textbox', { name: 'Password', exact: true }), demoPassword);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Inizio' })).toBeVisible();
}

test('a facilitator logs in and plans an incontro with the keyboard only', async ({ page }) => {
	await page.goto('/login');
	// The skip link is the first stop and lands on the main content.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Vai al contenuto' })).toBeFocused();
	await logInByKeyboard(page);

	const tavoloLink = page
		.getByRole('main')
		.getByRole('link', { name: 'Domiciliarità e Terza Età' });
	await tabTo(page, tavoloLink);
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Domiciliarità e Terza Età' })
	).toBeVisible();

	await tabTo(page, page.getByRole('link', { name: 'Nuovo incontro' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Nuovo incontro' })).toBeVisible();

	await typeInto(page, page.getByRole('textbox', { name: 'Titolo' }), 'Incontro da tastiera');
	await tabTo(page, page.getByLabel('Data'));
	await page.keyboard.type('15032027');
	await typeInto(page, page.getByRole('textbox', { name: /^Luogo/ }), 'Sala civica');
	await typeInto(page, page.getByRole('textbox', { name: 'Ordine del giorno' }), 'Accoglienza');
	await tabTo(page, page.getByRole('button', { name: 'Crea', exact: true }));
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { level: 1, name: 'Incontro da tastiera' })).toBeVisible();
	await expect(page.getByText('Sala civica')).toBeVisible();

	// Status changes are buttons too.
	await tabTo(page, page.getByRole('button', { name: 'Passa a: Convocato' }));
	await page.keyboard.press('Space');
	await expect(page.getByText('Stato aggiornato.')).toBeVisible();
});

test('the UdP adds a member to a tavolo with the keyboard only', async ({ page }) => {
	const ids = demoIds();
	await page.goto('/login');
	await typeInto(page, page.getByRole('textbox', { name: 'Indirizzo e-mail' }), demoAccounts.admin);
	await typeInto(page, page.getByRole('textbox', { name: 'Password', exact: true }), demoPassword);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Inizio' })).toBeVisible();
	await page.goto(`/tavoli/${ids.tavolo.other}`);

	const person = page.getByRole('combobox', { name: /^Persona/ });
	await tabTo(page, person, 200);
	// Choose an option by typing its first letters, as keyboard users do with a select.
	await page.keyboard.type('Alessia');
	await tabTo(page, page.getByRole('button', { name: 'Aggiungi', exact: true }));
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('region', { name: 'Membri' }).getByRole('link', { name: 'Alessia Carrara' })
	).toBeVisible();
});

test('a participant writes and clusters a card on the live board with the keyboard only', async ({
	page,
	browser
}) => {
	const fac = await (await browser.newContext()).newPage();
	await logInThroughForm(fac, 'facilitator');
	await fac.getByRole('link', { name: 'Co-programmazione: bisogni e priorità 2027' }).click();
	await fac.getByRole('button', { name: 'Apri la lavagna' }).click();
	const boardId = new URL(fac.url()).pathname.split('/').at(-1);
	const command = (name: string, data: object) =>
		fac.request.post(`/api/boards/${boardId}/commands/${name}`, { data });
	await command('phase', { phase: 'collect' });
	await command('settings', { anonymous: false, privateWriting: false, locked: false });
	const joinUrl = await fac
		.getByRole('region', { name: 'Come partecipare' })
		.getByRole('link')
		.getAttribute('href');

	await page.goto(joinUrl!);
	await typeInto(page, page.getByRole('textbox', { name: 'Nome e cognome' }), 'Elsa Tastiera');
	await tabTo(page, page.getByRole('checkbox', { name: "Ho letto l'informativa e acconsento" }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Entra' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();

	// The kinds are a radio group: Tab reaches it, arrow keys choose.
	await tabTo(page, page.getByRole('radio', { name: 'Bisogno', exact: true }));
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('radio', { name: 'Criticità', exact: true })).toBeChecked();
	await typeInto(
		page,
		page.getByRole('textbox', { name: 'Testo della scheda' }),
		'Scritta da tastiera'
	);
	await tabTo(page, page.getByRole('button', { name: 'Aggiungi la scheda' }));
	await page.keyboard.press('Enter');
	const card = page.getByRole('article').filter({ hasText: 'Scritta da tastiera' });
	await expect(card).toContainText('Criticità');

	await command('phase', { phase: 'cluster' });
	await command('settings', { participantsCanCluster: true });
	await typeInto(
		page,
		page.getByRole('textbox', { name: 'Nome del raggruppamento' }),
		'Da tastiera'
	);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('region', { name: 'Da tastiera' })).toBeVisible();
	await tabTo(page, card.getByRole('combobox', { name: /Sposta in/ }), 300);
	await page.keyboard.type('Da tastiera');
	await tabTo(page, card.getByRole('button', { name: /^Sposta/ }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('region', { name: 'Da tastiera' })).toContainText(
		'Scritta da tastiera'
	);
	await command('phase', { phase: 'collect' });
	await fac.context().close();
});

/** Where the focus is: never the body, and the control or card the action produced. */
async function expectFocusOn(page: Page, target: Locator) {
	await expect(target).toBeFocused();
	const active = await page.evaluate(() => document.activeElement?.tagName ?? null);
	expect(active).not.toBe('BODY');
	expect(active).not.toBeNull();
}

/** No round left open or closed on the board: earlier journeys may leave one. */
async function revealEveryRound(api: APIRequestContext, boardId: string) {
	const rounds = (await (await api.get(`/api/boards/${boardId}/rounds`)).json()) as {
		roundId: number;
		status: string;
	}[];
	for (const round of rounds.filter((r) => r.status !== 'revealed'))
		expect((await api.post(`/api/rounds/${round.roundId}/status/reveal`)).status()).toBe(200);
}

test('the facilitator runs the board with the keyboard only; the focus follows every action', async ({
	page
}) => {
	test.setTimeout(150_000);
	const ids = demoIds();
	await page.goto('/login');
	await logInByKeyboard(page);
	const opened = await page.request.post(`/api/meetings/${ids.todayMeeting}/board`);
	const { boardId } = (await opened.json()) as { boardId: string };
	await resetBoard(page.request, boardId);
	await revealEveryRound(page.request, boardId);
	const suffix = uniqueSuffix();
	const text = `Da raggruppare da tastiera ${suffix}`;
	const cluster = `Tastiera ${suffix}`;
	const created = await page.request.post(`/api/boards/${boardId}/cards`, {
		data: { kind: 'need', text }
	});
	const { id: cardId } = (await created.json()) as { id: string };
	const phase = (name: string) => page.getByRole('button', { name, exact: true });

	await test.step('open the board, reach the phase in a few keystrokes', async () => {
		await page.goto(`/meetings/${ids.todayMeeting}`);
		await tabTo(page, page.getByRole('button', { name: 'Apri la lavagna' }), 200);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1, name: 'Lavagna' })).toBeVisible();
		await expectConnected(page);
		// The skip link, then the board's own skip links, then the phase: before any card.
		await page.keyboard.press('Tab');
		await expectFocusOn(page, page.getByRole('link', { name: 'Vai al contenuto' }));
		await page.keyboard.press('Enter');
		await tabTo(page, phase('Raccolta'), 8);
		// And from anywhere with the shortcut, listed in the help.
		await expect(page.getByText('Scorciatoie da tastiera')).toBeVisible();
		await page.keyboard.press('Alt+Shift+KeyS');
		await expectFocusOn(page, page.getByRole('region', { name: /^Schede/ }));
		await page.keyboard.press('Alt+Shift+KeyF');
		await expectFocusOn(page, phase('Raccolta'));
	});

	await test.step('change the phase: the focus stays on the pressed phase', async () => {
		await page.keyboard.press('Tab');
		await expectFocusOn(page, phase('Raggruppamento'));
		await page.keyboard.press('Enter');
		await expect(phase('Raggruppamento')).toHaveAttribute('aria-pressed', 'true');
		await expectFocusOn(page, phase('Raggruppamento'));
	});

	await test.step('cluster a card: select it, "Sposta" in the inspector; the focus lands on the card', async () => {
		await page.keyboard.press('Alt+Shift+KeyS');
		await typeInto(page, page.getByRole('textbox', { name: 'Nome del raggruppamento' }), cluster);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('region', { name: cluster })).toBeVisible();
		await expectFocusOn(page, page.getByRole('textbox', { name: 'Nome del raggruppamento' }));
		// On the facilitator's board the card is a button; its controls are in the inspector.
		// Each column is one Tab stop (a board of dozens of cards is not dozens of Tabs):
		// Tab to the column, End to its newest card.
		const card = page.locator(`#card-${cardId}`);
		await page.keyboard.press('Alt+Shift+KeyS');
		await tabTo(page, page.locator('#section-unclustered [tabindex="0"]'), 20);
		await page.keyboard.press('End');
		await expectFocusOn(page, card);
		await page.keyboard.press('Enter');
		const inspector = page.getByRole('region', { name: 'Scheda selezionata' });
		await tabTo(page, inspector.getByRole('combobox', { name: /Sposta in/ }), 400);
		await page.keyboard.type(cluster);
		await tabTo(page, inspector.getByRole('button', { name: /^Sposta/ }), 5);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('region', { name: cluster })).toContainText(text);
		await expectFocusOn(
			page,
			page.getByRole('region', { name: cluster }).locator(`#card-${cardId}`)
		);
	});

	await test.step('to the vote, open it and reveal it', async () => {
		await page.keyboard.press('Alt+Shift+KeyF');
		await expectFocusOn(page, phase('Raggruppamento'));
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect(phase('Votazione')).toHaveAttribute('aria-pressed', 'true');
		await expectFocusOn(page, phase('Votazione'));
		const desk = page.getByRole('region', { name: 'Votazione', exact: true });
		await page.keyboard.press('Alt+Shift+KeyV');
		await expectFocusOn(page, desk);
		await tabTo(page, desk.getByRole('button', { name: 'Apri la votazione' }), 150);
		await page.keyboard.press('Enter');
		await expect(desk.getByText('Votazione aperta')).toBeVisible();
		await expectFocusOn(page, desk.getByRole('button', { name: 'Mostra i risultati' }));
		await page.keyboard.press('Enter');
		await expectFocusOn(page, desk.getByRole('heading', { name: /^Risultati: Voto a punti/ }));
	});

	await page.request.post(`/api/boards/${boardId}/commands/phase`, { data: { phase: 'collect' } });
});

test('new cards, a phase change and a vote opening reach the one polite live region', async ({
	page
}) => {
	test.setTimeout(90_000);
	const fac = await apiAs('facilitator');
	const { boardId } = await todaysBoardByApi(fac);
	await revealEveryRound(fac, boardId);
	await logInThroughForm(page, 'participant');
	await page.goto(`/boards/${boardId}`);
	await expectConnected(page);
	// One region, on the page from the start.
	const live = page.locator('[role="status"][aria-live="polite"]');
	await expect(live).toHaveCount(1);

	const suffix = uniqueSuffix();
	for (const n of [1, 2, 3]) {
		const r = await fac.post(`/api/boards/${boardId}/cards`, {
			data: { kind: 'need', text: `Scheda ${n} per la regione viva ${suffix}` }
		});
		expect(r.status()).toBe(201);
	}
	// A burst of cards is one sentence, counted.
	await expect(live).toHaveText('3 nuove schede.');

	const command = (name: string, data: object) =>
		fac.post(`/api/boards/${boardId}/commands/${name}`, { data });
	expect((await command('phase', { phase: 'vote' })).status()).toBe(200);
	await expect(live).toHaveText('Fase cambiata: Votazione.');

	const round = await fac.post(`/api/boards/${boardId}/rounds`, {
		data: { method: 'dot', targets: 'cards', anonymous: true }
	});
	expect(round.status()).toBe(201);
	await expect(live).toHaveText('Votazione aperta.');

	await revealEveryRound(fac, boardId);
	await command('phase', { phase: 'collect' });
	await fac.dispose();
});
