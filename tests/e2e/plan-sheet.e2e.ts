import { expect, test, type Page } from '@playwright/test';
import { logInThroughApi, logInThroughForm, uniqueSuffix } from './helpers';

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
