import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoIds } from './demo-db';
import { demoAccounts, demoPassword, logInThroughForm } from './helpers';

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

test('a facilitator logs in and plans an incontro with the keyboard only', async ({ page }) => {
	await page.goto('/login');
	// The skip link is the first stop and lands on the main content.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Vai al contenuto' })).toBeFocused();
	await typeInto(
		page,
		page.getByRole('textbox', { name: 'Indirizzo e-mail' }),
		demoAccounts.facilitator
	);
	await typeInto(page, page.getByRole('textbox', { name: 'Password', exact: true }), demoPassword);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Inizio' })).toBeVisible();

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
