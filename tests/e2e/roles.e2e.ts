import { expect, test, type Page } from '@playwright/test';
import {
	breadcrumbs,
	goByNav,
	isoDayFromToday,
	logInThroughForm,
	mainNav,
	uniqueSuffix
} from './helpers';
import { demoIds } from './demo-db';

const domiciliarita = 'Domiciliarità e Terza Età';
const famiglia = 'Famiglia e genitorialità';
const todaysMeeting = 'Co-programmazione: bisogni e priorità 2027';

const myTavoli = (page: Page) => page.getByRole('region', { name: 'I miei tavoli' });
const upcoming = (page: Page) => page.getByRole('region', { name: 'Prossimi incontri' });

async function expectForbidden(page: Page, url: string) {
	const response = await page.goto(url);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Errore 403');
}

test.describe('the facilitator', () => {
	test.beforeEach(async ({ page }) => {
		await logInThroughForm(page, 'facilitator');
	});

	test('plans an incontro of their own tavolo', async ({ page }) => {
		const title = `Incontro sui caregiver ${uniqueSuffix()}`;
		await expect(
			myTavoli(page).getByRole('listitem').filter({ hasText: domiciliarita })
		).toContainText('Facilitatore PA');
		await myTavoli(page).getByRole('link', { name: domiciliarita }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(domiciliarita);
		await page.getByRole('link', { name: 'Nuovo incontro' }).click();
		await page.getByRole('textbox', { name: 'Titolo' }).fill(title);
		await page.getByLabel(/^Data/).fill(isoDayFromToday(30));
		await page.getByRole('textbox', { name: 'Luogo' }).fill('Sala consiliare, Seriate');
		await page.getByRole('textbox', { name: 'Ordine del giorno' }).fill('Mappa dei servizi');
		await page.getByRole('button', { name: 'Crea' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await breadcrumbs(page).getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(domiciliarita);
		await page.reload();
		await expect(page.getByRole('link', { name: title })).toBeVisible();
	});

	test('edits an incontro until its verbale is approved, then reads it as a record', async ({
		page
	}) => {
		const { todayMeeting, approvedMeeting } = demoIds();
		await page.goto(`/meetings/${todayMeeting}`);
		await page.getByRole('link', { name: "Modifica l'incontro" }).click();
		await expect(page.getByRole('textbox', { name: 'Titolo' })).toHaveValue(todaysMeeting);
		await expect(page.getByRole('button', { name: 'Salva' })).toBeVisible();

		await page.goto(`/meetings/${approvedMeeting}`);
		await expect(page.getByRole('link', { name: "Modifica l'incontro" })).toHaveCount(0);
		// Typed by hand, the address shows why nothing can change, and no form to fill.
		await page.goto(`/meetings/${approvedMeeting}/edit`);
		await expect(page.getByText('Il verbale di questo incontro è approvato')).toBeVisible();
		await expect(page.getByRole('textbox')).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Salva' })).toHaveCount(0);
		await page.getByRole('link', { name: 'Indietro' }).click();
		await expect(page).toHaveURL(new RegExp(`/meetings/${approvedMeeting}$`));
	});

	test('cannot seat facilitators, only other members', async ({ page }) => {
		await myTavoli(page).getByRole('link', { name: domiciliarita }).click();
		const role = page.getByRole('combobox', { name: 'Ruolo nel tavolo', exact: true });
		await expect(role.getByRole('option')).toHaveText([
			'Membro',
			'Osservatore',
			'Referente Ufficio di Piano'
		]);
		// The seats of the two facilitators are not theirs to change either.
		await expect(page.getByRole('combobox', { name: 'Ruolo di Elena Bonetti' })).toHaveCount(0);
		await expect(page.getByRole('combobox', { name: 'Ruolo di Paolo Belotti' })).toBeVisible();
	});

	test('only sits in a tavolo they do not facilitate', async ({ page }) => {
		await expect(myTavoli(page).getByRole('listitem').filter({ hasText: famiglia })).toContainText(
			'Membro'
		);
		await myTavoli(page).getByRole('link', { name: famiglia }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(famiglia);
		await expect(page.getByRole('link', { name: 'Nuovo incontro' })).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Nuovo sottogruppo' })).toHaveCount(0);
		await expectForbidden(page, `${new URL(page.url()).pathname}/meetings/new`);
	});

	test('reads the directory but cannot add to it', async ({ page }) => {
		await goByNav(page, 'Organizzazioni');
		await expect(page.getByRole('link', { name: 'Cooperativa Universiis' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Nuova organizzazione' })).toHaveCount(0);
		await expect(mainNav(page).getByRole('link', { name: 'Importa' })).toHaveCount(0);
	});
});

test.describe('the participant', () => {
	test.beforeEach(async ({ page }) => {
		await logInThroughForm(page, 'participant');
	});

	test("sees only their tavolo and today's incontro, read-only", async ({ page }) => {
		await expect(myTavoli(page).getByRole('listitem')).toHaveText([
			new RegExp(`^${domiciliarita}\\s*Membro$`)
		]);
		const today = upcoming(page).getByRole('listitem').filter({ hasText: 'Oggi' });
		await today.getByRole('link', { name: todaysMeeting }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(todaysMeeting);
		await expect(page.getByText('Oggi, dalle 17:30 alle 19:30')).toBeVisible();
		await expect(page.getByRole('link', { name: "Modifica l'incontro" })).toHaveCount(0);
		await expect(page.getByRole('heading', { name: 'Cambia stato' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: /^Passa a/ })).toHaveCount(0);

		await breadcrumbs(page).getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(domiciliarita);
		for (const link of ['Modifica il tavolo', 'Nuovo incontro', 'Nuovo sottogruppo']) {
			await expect(page.getByRole('link', { name: link })).toHaveCount(0);
		}
		await expect(
			page.getByRole('button', { name: /^(Aggiungi|Cambia ruolo|Rimuovi)/ })
		).toHaveCount(0);
		await expect(page.getByRole('combobox')).toHaveCount(0);
	});

	test('cannot open the directory nor the accounts', async ({ page }) => {
		await expect(mainNav(page).getByRole('link', { name: 'Organizzazioni' })).toHaveCount(0);
		await expectForbidden(page, '/organizations');
		await expectForbidden(page, '/users');
	});
});

test('the observer downloads the invitation of an incontro of their tavolo', async ({ page }) => {
	await logInThroughForm(page, 'observer');
	const today = upcoming(page).getByRole('listitem').filter({ hasText: 'Oggi' });
	await expect(today).toContainText(domiciliarita);
	await today.getByRole('link', { name: todaysMeeting }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(todaysMeeting);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: "Scarica l'invito (.ics)" }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^incontro-\d+\.ics$/);
	const text = await (await download.createReadStream()).toArray();
	const ics = Buffer.concat(text).toString('utf8').replace(/\r\n /g, '');
	expect(ics).toContain('BEGIN:VCALENDAR');
	expect(ics).toContain(`SUMMARY:${domiciliarita}: ${todaysMeeting}`);
	expect(ics).toMatch(/DTSTART;TZID=Europe\/Rome:\d{8}T173000/);
});
