import { expect, test } from '@playwright/test';
import {
	breadcrumbs,
	createOrganization,
	createPerson,
	demoPlanTitle,
	goByNav,
	isoDayFromToday,
	logInThroughForm,
	openDirectory,
	uniqueSuffix
} from './helpers';

const missingPublic = /Manca il facilitatore della pubblica amministrazione/;
const missingThirdSector = /Manca il facilitatore del Terzo Settore/;

test.beforeEach(async ({ page }) => {
	await logInThroughForm(page, 'admin');
});

test('the UdP sets up an Ambito, a plan and a tavolo with its first incontro', async ({ page }) => {
	test.slow();
	const sfx = uniqueSuffix();
	const ambito = `Ambito Val Cavallina ${sfx}`;
	const planTitle = `Piano di Zona Val Cavallina ${sfx}`;
	const area = `Anziani e domiciliarità ${sfx}`;
	const tavolo = `Tavolo anziani ${sfx}`;
	const comune = `Comune di Trescore Balneario ${sfx}`;
	const coop = `Cooperativa Il Sorriso ${sfx}`;
	const [pa, ts] = [`Paola Ghisleni ${sfx}`, `Tiziano Bonomi ${sfx}`];
	const meeting = `Primo incontro ${sfx}`;

	await test.step('Ambito with two comuni', async () => {
		await goByNav(page, 'Ambiti');
		await page.getByRole('textbox', { name: "Nome dell'Ambito" }).fill(ambito);
		await page.getByRole('textbox', { name: 'Ente capofila' }).fill('Comune di Trescore Balneario');
		await page.getByRole('button', { name: 'Crea' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ambito);
		for (const [name, population] of [
			['Trescore Balneario', '10456'],
			['Entratico', '1900']
		] as const) {
			await page.getByRole('textbox', { name: 'Comune', exact: true }).fill(name);
			await page.getByRole('spinbutton', { name: 'Popolazione residente' }).fill(population);
			await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
			await expect(page.getByRole('textbox', { name: `Nome di ${name}` })).toHaveValue(name);
		}
		await page.reload();
		await expect(page.getByText('2 comuni, 12.356 abitanti')).toBeVisible();
		await expect(page.getByRole('spinbutton', { name: 'Popolazione di Entratico' })).toHaveValue(
			'1900'
		);
	});

	await test.step('plan on the 2025-2027 guidelines', async () => {
		await goByNav(page, 'Piani');
		await page.getByRole('link', { name: 'Nuovo piano' }).click();
		await page
			.getByRole('combobox', { name: 'Ambito territoriale' })
			.selectOption({ label: ambito });
		await page.getByRole('textbox', { name: 'Titolo del piano' }).fill(planTitle);
		await page.getByRole('textbox', { name: 'Triennio' }).fill('2025-2027');
		await page.getByRole('combobox', { name: /tassonomia/ }).selectOption('2025-2027');
		await page.getByRole('button', { name: 'Crea' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(planTitle);
		await expect(page.getByText(`${ambito} · 2025-2027`)).toBeVisible();
	});

	await test.step('policy area linked to two macro-areas', async () => {
		await page.getByRole('link', { name: 'Gestisci le aree di policy' }).click();
		await page.getByRole('textbox', { name: "Nome dell'area" }).fill(area);
		await page.getByRole('checkbox', { name: 'D) Domiciliarità' }).check();
		await page.getByRole('checkbox', { name: 'E) Anziani' }).check();
		await page.getByRole('button', { name: 'Aggiungi' }).click();
		await expect(page.getByRole('status')).toHaveText('Modifiche salvate.');
		await page.reload();
		await expect(page.getByRole('row', { name: area })).toContainText('D, E');
	});

	await test.step('tavolo warns that both facilitators are missing', async () => {
		await breadcrumbs(page).getByRole('link', { name: planTitle }).click();
		await page.getByRole('link', { name: 'Nuovo tavolo' }).click();
		await page.getByRole('textbox', { name: 'Nome del tavolo' }).fill(tavolo);
		await page.getByRole('checkbox', { name: area }).check();
		await page.getByRole('button', { name: 'Crea' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(tavolo);
		await expect(page.getByText(missingPublic)).toBeVisible();
		await expect(page.getByText(missingThirdSector)).toBeVisible();
	});
	const tavoloUrl = page.url();

	await test.step('organisations and people of the new Ambito', async () => {
		await createOrganization(page, ambito, { name: comune, type: 'Comune', sector: 'Pubblico' });
		await createOrganization(page, ambito, {
			name: coop,
			type: 'Cooperativa sociale',
			sector: 'Terzo Settore'
		});
		await openDirectory(page, 'Organizzazioni', ambito);
		await expect(page.getByRole('row', { name: comune })).toContainText('Pubblico');
		await expect(page.getByRole('row', { name: coop })).toContainText('Terzo Settore');
		await createPerson(page, ambito, pa, comune);
		await createPerson(page, ambito, ts, coop);
	});

	await test.step('the two facilitators join and the warning goes', async () => {
		await page.goto(tavoloUrl);
		for (const [person, org, role] of [
			[pa, comune, 'Facilitatore PA'],
			[ts, coop, 'Facilitatore Terzo Settore']
		] as const) {
			await page
				.getByRole('combobox', { name: 'Persona', exact: true })
				.selectOption({ label: `${person} (${org})` });
			await page.getByRole('combobox', { name: 'Ruolo nel tavolo' }).selectOption({ label: role });
			await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
			await expect(page.getByRole('combobox', { name: `Ruolo di ${person}` })).toHaveValue(
				role === 'Facilitatore PA' ? 'facilitator_public' : 'facilitator_third_sector'
			);
		}
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Membri (2)' })).toBeVisible();
		await expect(page.getByText(missingPublic)).toHaveCount(0);
		await expect(page.getByText(missingThirdSector)).toHaveCount(0);
	});

	await test.step('sub-group with one member', async () => {
		await page.getByRole('link', { name: 'Nuovo sottogruppo' }).click();
		await page.getByRole('textbox', { name: 'Nome', exact: true }).fill('Caregiver');
		await page.getByRole('combobox', { name: 'Tipo' }).selectOption({ label: 'Tema' });
		await page.getByRole('checkbox', { name: ts }).check();
		await page.getByRole('button', { name: 'Crea' }).click();
		await expect(page).toHaveURL(tavoloUrl);
		await page.reload();
		await expect(page.getByRole('listitem').filter({ hasText: 'Caregiver' })).toContainText(
			'Membri: 1'
		);
	});

	await test.step('incontro in presenza, then convened', async () => {
		await page.getByRole('link', { name: 'Nuovo incontro' }).click();
		await page.getByRole('textbox', { name: 'Titolo' }).fill(meeting);
		await page.getByLabel(/^Data/).fill(isoDayFromToday(14));
		await page.getByLabel(/^Inizio/).fill('17:30');
		await page.getByLabel(/^Fine/).fill('19:00');
		await page.getByRole('combobox', { name: 'Modalità' }).selectOption({ label: 'In presenza' });
		await page.getByRole('textbox', { name: 'Luogo' }).fill('Sala consiliare, Trescore Balneario');
		await page
			.getByRole('textbox', { name: 'Ordine del giorno' })
			.fill('Presentazioni\nBisogni degli anziani');
		await page.getByRole('button', { name: 'Crea' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(meeting);
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Bisogni degli anziani' })
		).toBeVisible();
		await expect(page.getByRole('definition').filter({ hasText: 'Pianificato' })).toBeVisible();
		await page.getByRole('button', { name: 'Passa a: Convocato' }).click();
		await expect(page.getByRole('status')).toHaveText('Stato aggiornato.');
		await page.reload();
		await expect(page.getByText(/^Pianificato → Convocato, /)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Passa a: Convocato' })).toHaveCount(0);
	});

	await test.step('the invitation is an iCalendar file in Rome time', async () => {
		const href = await page
			.getByRole('link', { name: "Scarica l'invito (.ics)" })
			.getAttribute('href');
		const ics = await page.request.get(href!);
		expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
		const text = await ics.text();
		const day = isoDayFromToday(14).replaceAll('-', '');
		expect(text).toContain(`DTSTART;TZID=Europe/Rome:${day}T173000`);
		expect(text).toContain('STATUS:CONFIRMED');
	});
});

test('a plan period that is not a triennium is refused and nothing is saved', async ({ page }) => {
	const title = `Piano sbagliato ${uniqueSuffix()}`;
	await goByNav(page, 'Piani');
	await page.getByRole('link', { name: 'Nuovo piano' }).click();
	await page.getByRole('textbox', { name: 'Titolo del piano' }).fill(title);
	await page.getByRole('textbox', { name: 'Triennio' }).fill('2025-2026');
	await page.getByRole('button', { name: 'Crea' }).click();
	const message = 'Il periodo deve essere un triennio, ad esempio 2025-2027.';
	await expect(page.getByRole('textbox', { name: 'Triennio' })).toHaveAccessibleDescription(
		new RegExp(message.replace('.', '\\.') + '$')
	);
	await expect(page.getByRole('alert')).toContainText(`Triennio: ${message}`);
	await goByNav(page, 'Piani');
	await expect(page.getByRole('link', { name: demoPlanTitle })).toBeVisible();
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});

test('an incontro that ends before it starts is refused and nothing is saved', async ({ page }) => {
	const title = `Incontro al contrario ${uniqueSuffix()}`;
	await goByNav(page, 'Piani');
	await page.getByRole('link', { name: demoPlanTitle }).click();
	await page.getByRole('link', { name: 'Giovani', exact: true }).click();
	await page.getByRole('link', { name: 'Nuovo incontro' }).click();
	await page.getByRole('textbox', { name: 'Titolo' }).fill(title);
	await page.getByLabel(/^Data/).fill(isoDayFromToday(20));
	await page.getByLabel(/^Inizio/).fill('18:00');
	await page.getByLabel(/^Fine/).fill('17:00');
	await page.getByRole('textbox', { name: 'Luogo' }).fill('Informagiovani, Seriate');
	await page.getByRole('button', { name: 'Crea' }).click();
	await expect(page.getByLabel(/^Fine/)).toHaveAccessibleDescription(
		"L'orario di fine deve seguire quello di inizio."
	);
	await breadcrumbs(page).getByRole('link', { name: 'Giovani' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giovani');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
});
