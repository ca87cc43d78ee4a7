import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { logInThroughForm } from './helpers';

/** The facilitator logs in, opens today's incontro and its board: the incontro's page and the join link. */
async function openTodaysBoard(page: Page) {
	await logInThroughForm(page, 'facilitator');
	await page.getByRole('link', { name: 'Co-programmazione: bisogni e priorità 2027' }).click();
	await expect(page).toHaveURL(/\/meetings\/\d+$/);
	const meetingUrl = page.url();
	await page.getByRole('button', { name: 'Apri la lavagna' }).click();
	const joinUrl = await page
		.getByRole('region', { name: 'Come partecipare' })
		.getByRole('link')
		.getAttribute('href');
	return { meetingUrl, joinUrl: joinUrl! };
}

/** A guest joins through the form in a browser of their own and is connected to the board. */
async function joinAs(
	context: BrowserContext,
	joinUrl: string,
	name: string,
	organization: string
) {
	const guest = await context.newPage();
	await guest.goto(joinUrl);
	await guest.getByRole('textbox', { name: 'Nome e cognome' }).fill(name);
	await guest.getByLabel('Organizzazione').fill(organization);
	await guest.getByRole('checkbox', { name: "Ho letto l'informativa e acconsento" }).check();
	await guest.getByRole('button', { name: 'Entra' }).click();
	await expect(guest.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();
	return guest;
}

/**
 * The foglio firme of today's incontro on its page: who joined with the code is
 * listed, a paper signature is added and corrected, and taking a guest off the
 * sheet ends their board at once.
 */
test('the facilitator keeps the foglio firme; a removed guest loses the board', async ({
	page,
	browser
}) => {
	const { meetingUrl, joinUrl } = await openTodaysBoard(page);

	const guestContext = await browser.newContext();
	const guest = await joinAs(guestContext, joinUrl, 'Fabio Rinaldi', 'Cooperativa Prova');

	await page.goto(meetingUrl);
	const sheet = page.getByRole('region', { name: 'Foglio firme' });
	const guestRow = sheet.getByRole('row').filter({
		has: page.getByRole('textbox', { name: 'Nome e cognome di Fabio Rinaldi' })
	});
	await expect(guestRow).toContainText("Codice dell'incontro");
	await expect(guestRow.getByRole('textbox', { name: /Organizzazione di/ })).toHaveValue(
		'Cooperativa Prova'
	);

	await sheet.getByRole('textbox', { name: 'Nome e cognome', exact: true }).fill('Gina Carta');
	await sheet.getByRole('textbox', { name: 'Organizzazione', exact: true }).fill('Auser');
	await sheet.getByRole('button', { name: 'Aggiungi la firma' }).click();
	await expect(page.getByText('Firma aggiunta.')).toBeVisible();
	const paperName = page.getByRole('textbox', { name: 'Nome e cognome di Gina Carta' });
	await expect(sheet.getByRole('row').filter({ has: paperName })).toContainText('Foglio cartaceo');

	await paperName.fill('Gina Cartelli');
	await sheet
		.getByRole('row')
		.filter({ has: paperName })
		.getByRole('button', { name: 'Correggi' })
		.click();
	await expect(page.getByText('Riga corretta.')).toBeVisible();
	await expect(
		sheet.getByRole('textbox', { name: 'Nome e cognome di Gina Cartelli' })
	).toBeVisible();

	await sheet.getByRole('button', { name: /Togli Fabio Rinaldi dal foglio firme/ }).click();
	await expect(page.getByText('Riga tolta dal foglio firme.')).toBeVisible();
	await expect(sheet.getByRole('textbox', { name: 'Nome e cognome di Fabio Rinaldi' })).toHaveCount(
		0
	);
	await expect(guest.getByRole('alert')).toContainText('Sei stato tolto dal foglio firme');
	await expect(guest.getByRole('status').filter({ hasText: 'Non collegato' })).toBeVisible();
	await guestContext.close();
});

test('the facilitator merges the two lines of one person and confirms a delegate, from the keyboard', async ({
	page,
	browser
}) => {
	const { meetingUrl, joinUrl } = await openTodaysBoard(page);

	// One person, two browsers (a laptop and a phone): two lines.
	const contexts = [await browser.newContext(), await browser.newContext()];
	const guests = [];
	for (const context of contexts) {
		guests.push(await joinAs(context, joinUrl, 'Teo Doppio', 'Cooperativa Doppia'));
	}

	await page.goto(meetingUrl);
	const sheet = page.getByRole('region', { name: 'Foglio firme' });
	const rows = sheet.getByRole('row').filter({
		has: page.getByRole('textbox', { name: 'Nome e cognome di Teo Doppio' })
	});
	await expect(rows).toHaveCount(2);
	const later = rows.nth(1);
	await later.locator('summary').press('Enter');
	await later
		.getByRole('combobox', { name: 'Unisci Teo Doppio alla riga di' })
		.selectOption({ label: 'Teo Doppio · Cooperativa Doppia' });
	await later.getByRole('button', { name: 'Unisci le righe' }).press('Enter');
	await expect(page.getByText('Righe unite.')).toBeVisible();
	await expect(rows).toHaveCount(1);
	await expect(guests[1]!.getByRole('alert')).toContainText('ha unito le tue due righe');

	await rows.getByRole('button', { name: /Conferma delegato\/a/ }).press('Enter');
	await expect(page.getByText(/Delega confermata/)).toBeVisible();
	await expect(rows).toContainText("Delegato/a dell'organizzazione");
	for (const context of contexts) await context.close();
});
