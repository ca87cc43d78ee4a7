import { expect, test, type Page } from '@playwright/test';
import {
	expectNoSeriousViolations,
	logInThroughApi,
	logInThroughForm,
	uniqueSuffix
} from './helpers';

/** [PO6] Objectives from a spreadsheet laid out as a real plan's table, through the mapping screen. */
const header = 'OBIETTIVI;Azioni;Soggetti;Risultati attesi;Tempistiche;Risorse';
const good = `Potenziare l'assistenza domiciliare;Voucher e formazione;Comuni, cooperative;+20% utenti;2025-2026;€ 120.000`;
const bad = ';Azione senza obiettivo;;;;';

async function upload(page: Page, planId: number, csv: string) {
	await page.goto(`/plans/${planId}/objectives/import-sheet`);
	await page.getByLabel('File (CSV o XLSX)').setInputFiles({
		name: 'obiettivi.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	await page.getByRole('button', { name: 'Leggi il file' }).click();
}

test('a bad row is reported by line and nothing is imported; a clean sheet is', async ({
	page,
	request
}) => {
	await logInThroughApi(request, 'admin');
	const created = await request.post('/api/plans', {
		data: {
			title: `Piano da foglio ${uniqueSuffix()}`,
			period: '2025-2027',
			taxonomyVersion: '2025-2027'
		}
	});
	const { id } = (await created.json()) as { id: number };
	await logInThroughForm(page, 'admin');

	await upload(page, id, [header, good, bad].join('\n'));
	await expect(page.getByLabel('Colonna «Azioni»')).toHaveValue('field:plannedActions');
	await expect(page.getByLabel('Colonna «Risultati attesi»')).toHaveValue('field:expectedResults');
	await expect(page.getByRole('alert')).toContainText('Riga 3: riga senza titolo né obiettivo');
	await expect(page.getByRole('button', { name: /Importa \d+ obiettiv[oi]/ })).toBeDisabled();
	await page.goto(`/plans/${id}/objectives`);
	await expect(page.getByText('Il piano non ha ancora obiettivi')).toBeVisible();

	await upload(page, id, [header, good].join('\n'));
	await page.getByLabel('Colonna «Tempistiche»').selectOption('ignore');
	await page.getByRole('button', { name: "Aggiorna l'anteprima" }).click();
	await expect(page.getByRole('heading', { name: '3. Anteprima: 1 obiettivo' })).toBeVisible();
	await expect(page.getByRole('table')).toContainText('Voucher e formazione');
	await page.getByRole('button', { name: 'Importa 1 obiettivo' }).click();
	await expect(page.getByRole('status')).toContainText('Obiettivi importati: 1');
	const exported = await (await request.get(`/api/plans/${id}/export?format=json`)).json();
	expect(exported.objectives).toMatchObject([
		{
			number: 1,
			title: "Potenziare l'assistenza domiciliare",
			fields: { plannedActions: 'Voucher e formazione', budgetedResources: '€ 120.000' }
		}
	]);
	expect(exported.objectives[0].fields.deliveryModes).toBeUndefined();
});

test('[PO6a] a 2021-2023 plan reads a file with a title row: header found, values shown, a row left out', async ({
	page,
	request
}) => {
	await logInThroughApi(request, 'admin');
	const created = await request.post('/api/plans', {
		data: {
			title: `Piano 2021-2023 da foglio ${uniqueSuffix()}`,
			period: '2021-2023',
			taxonomyVersion: '2021-2023'
		}
	});
	const { id } = (await created.json()) as { id: number };
	await logInThroughForm(page, 'admin');
	const csv = [
		'Piano di Zona 2021-2023;;;;',
		';;;;',
		'Area di policy;Titolo;Azioni;Risultati attesi;Tempistiche',
		'Famiglia;Centro per la famiglia;"Apertura\nConsulenze";Più famiglie;2022',
		';;;;',
		'Casa;;Agenzia;;2023',
		'Lavoro;Tirocini;Borse lavoro;Più tirocini;2023'
	].join('\n');
	await upload(page, id, csv);

	await expect(page.getByLabel('Riga di intestazione')).toHaveValue('3');
	await expectNoSeriousViolations(page, 'the mapping of a sheet');
	// Another header row, and the columns guessed again from it; then back.
	await page.getByLabel('Riga di intestazione').selectOption('1');
	await page.getByRole('button', { name: 'Usa questa riga e riabbina le colonne' }).click();
	await expect(page.getByLabel('Colonna «Piano di Zona 2021-2023»')).toHaveValue('ignore');
	await page.getByLabel('Riga di intestazione').selectOption('3');
	await page.getByRole('button', { name: 'Usa questa riga e riabbina le colonne' }).click();
	await expect(page.getByLabel('Colonna «Titolo»')).toHaveValue('title');
	await expect(page.getByLabel('Colonna «Azioni»')).toHaveValue(
		'field:deliveryAndProcessIndicators'
	);
	await expect(page.getByLabel('Colonna «Tempistiche»')).toHaveValue('ignore');
	// The objective's title and the form's own «Titolo» field read differently.
	await expect(
		page.getByLabel('Colonna «Titolo»').getByRole('option', { name: "Titolo dell'obiettivo" })
	).toHaveCount(1);
	await expect(
		page
			.getByLabel('Colonna «Titolo»')
			.getByRole('option', { name: 'Campo 1 della scheda: Titolo' })
	).toHaveCount(1);
	await expect(page.getByText('Centro per la famiglia').first()).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('Riga 6: riga senza titolo né obiettivo');
	const confirm = page.getByRole('button', { name: 'Importa 0 obiettivi' });
	await expect(confirm).toBeDisabled();
	expect(Number(await confirm.evaluate((b) => getComputedStyle(b).opacity))).toBeLessThan(1);

	await page.getByLabel('Escludi la riga 6').check();
	await page.getByRole('button', { name: "Aggiorna l'anteprima" }).click();
	await expect(page.getByRole('heading', { name: '3. Anteprima: 2 obiettivi' })).toBeVisible();
	const preview = page.getByRole('table');
	await expect(preview).toContainText('Famiglia');
	await expect(preview).toContainText('Lavoro');
	await expect(preview.getByRole('row').nth(1)).toContainText(/^4/);
	await page.getByRole('button', { name: 'Importa 2 obiettivi' }).click();
	await expect(page.getByRole('status')).toContainText('Obiettivi importati: 2');
	const exported = await (await request.get(`/api/plans/${id}/export?format=json`)).json();
	expect(exported.objectives).toMatchObject([
		{
			title: 'Centro per la famiglia',
			policyArea: 'Famiglia',
			fields: {
				title: 'Centro per la famiglia',
				deliveryAndProcessIndicators: '• Apertura\n• Consulenze',
				expectedResults: 'Più famiglie'
			}
		},
		{ title: 'Tirocini', policyArea: 'Lavoro' }
	]);

	// [PO8] An objective imported by mistake is archived, its history kept, and brought back.
	await page.goto(`/plans/${id}/objectives`);
	await page
		.getByRole('link', { name: /Tirocini/ })
		.first()
		.click();
	await page.getByRole('button', { name: "Archivia l'obiettivo" }).click();
	await expect(page.getByText('Obiettivo archiviato: lo trovi')).toBeVisible();
	const after = await (await request.get(`/api/plans/${id}/export?format=json`)).json();
	expect(after.objectives.map((o: { title: string }) => o.title)).toEqual([
		'Centro per la famiglia'
	]);
	await expect(page.getByRole('heading', { name: 'Storico delle versioni' })).toBeVisible();
	await expect(page.getByText('archivedAt')).toBeVisible();
	await page.goto(`/plans/${id}/objectives`);
	const archived = page.getByRole('region', { name: 'Obiettivi archiviati' });
	await archived.getByRole('link', { name: '2. Tirocini' }).click();
	await page.getByRole('button', { name: 'Riporta nel piano' }).click();
	await expect(page.getByText('Obiettivo riportato nel piano.')).toBeVisible();
	const back = await (await request.get(`/api/plans/${id}/export?format=json`)).json();
	expect(back.objectives).toHaveLength(2);
});
