import { expect, test } from '@playwright/test';
import { logInThroughForm } from './helpers';

/**
 * The foglio firme of today's incontro on its page: who joined with the code is
 * listed, a paper signature is added and corrected, and taking a guest off the
 * sheet ends their board at once.
 */
test('the facilitator keeps the foglio firme; a removed guest loses the board', async ({
	page,
	browser
}) => {
	await logInThroughForm(page, 'facilitator');
	await page.getByRole('link', { name: 'Co-programmazione: bisogni e priorità 2027' }).click();
	await expect(page).toHaveURL(/\/meetings\/\d+$/);
	const meetingUrl = page.url();
	await page.getByRole('button', { name: 'Apri la lavagna' }).click();
	const joinUrl = await page
		.getByRole('region', { name: 'Come partecipare' })
		.getByRole('link')
		.getAttribute('href');

	const guestContext = await browser.newContext();
	const guest = await guestContext.newPage();
	await guest.goto(joinUrl!);
	await guest.getByRole('textbox', { name: 'Nome e cognome' }).fill('Fabio Rinaldi');
	await guest.getByLabel('Organizzazione').fill('Cooperativa Prova');
	await guest.getByRole('checkbox', { name: "Ho letto l'informativa e acconsento" }).check();
	await guest.getByRole('button', { name: 'Entra' }).click();
	await expect(guest.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();

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
	await logInThroughForm(page, 'facilitator');
	await page.getByRole('link', { name: 'Co-programmazione: bisogni e priorità 2027' }).click();
	await expect(page).toHaveURL(/\/meetings\/\d+$/);
	const meetingUrl = page.url();
	await page.getByRole('button', { name: 'Apri la lavagna' }).click();
	const joinUrl = await page
		.getByRole('region', { name: 'Come partecipare' })
		.getByRole('link')
		.getAttribute('href');

	// One person, two browsers (a laptop and a phone): two lines.
	const contexts = [await browser.newContext(), await browser.newContext()];
	const guests = [];
	for (const context of contexts) {
		const guest = await context.newPage();
		await guest.goto(joinUrl!);
		await guest.getByRole('textbox', { name: 'Nome e cognome' }).fill('Teo Doppio');
		await guest.getByLabel('Organizzazione').fill('Cooperativa Doppia');
		await guest.getByRole('checkbox', { name: "Ho letto l'informativa e acconsento" }).check();
		await guest.getByRole('button', { name: 'Entra' }).click();
		await expect(guest.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();
		guests.push(guest);
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
