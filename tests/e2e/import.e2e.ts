import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { demoAmbitoName, goByNav, logInThroughForm, uniqueSuffix } from './helpers';

interface Upload {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

const csv = (name: string, lines: string[]): Upload => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')
});

/** Opens /import from the menu, picks what is imported and asks for the preview. */
async function preview(page: Page, kind: 'Organizzazioni' | 'Persone', file: Upload) {
	await goByNav(page, 'Importa');
	await expect(page.getByText(demoAmbitoName, { exact: true })).toBeVisible();
	await page.getByRole('radio', { name: kind }).check();
	await page.getByLabel('File CSV o XLSX').setInputFiles(file);
	await page.getByRole('button', { name: "Controlla l'anteprima" }).click();
	await expect(page.getByRole('heading', { name: 'Anteprima' })).toBeVisible();
}

const previewRow = (page: Page, line: number) =>
	page
		.getByRole('region', { name: 'Anteprima' })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: String(line), exact: true }) });

async function confirm(page: Page, rows: number) {
	await page.getByRole('button', { name: `Conferma e salva ${rows} righe` }).click();
	await expect(page.getByRole('status')).toHaveText(
		`Importazione completata: ${rows} righe salvate.`
	);
}

async function expectOrganizations(page: Page, names: string[], listed: boolean) {
	await goByNav(page, 'Organizzazioni');
	await expect(page.getByText(new RegExp(`^${demoAmbitoName} · `))).toBeVisible();
	for (const name of names) {
		await expect(page.getByRole('link', { name, exact: true })).toHaveCount(listed ? 1 : 0);
	}
}

test.beforeEach(async ({ page }) => {
	await logInThroughForm(page, 'admin');
});

test('a file with one bad row is refused whole, naming the row', async ({ page }) => {
	const sfx = uniqueSuffix();
	const names = [
		`Cooperativa Aurora ${sfx}`,
		`Associazione Boh ${sfx}`,
		`Oratorio San Rocco ${sfx}`
	];
	await preview(
		page,
		'Organizzazioni',
		csv('enti.csv', [
			'nome;tipo;settore;alias;email',
			`${names[0]};Cooperativa sociale;terzo settore;Coop. Aurora ${sfx};`,
			`${names[1]};Boh;;;`,
			`${names[2]};Parrocchia;;;`
		])
	);
	await expect(page.getByText('3 righe lette, 1 con errori.')).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('non è stato salvato nulla');
	await expect(previewRow(page, 3)).toContainText(names[1]!);
	await expect(previewRow(page, 3)).toContainText('tipo: Tipologia non riconosciuta.');
	await expect(previewRow(page, 2)).toContainText('Valida');
	await expect(page.getByRole('button', { name: /^Conferma e salva/ })).toHaveCount(0);
	await expectOrganizations(page, names, false);
});

test('a correct file of organisations is saved after the preview', async ({ page }) => {
	const sfx = uniqueSuffix();
	const names = [
		`Cooperativa Aurora ${sfx}`,
		`Associazione Alpini ${sfx}`,
		`Istituto Lotto ${sfx}`
	];
	await preview(
		page,
		'Organizzazioni',
		csv('enti.csv', [
			'nome;tipo;settore;alias;email',
			`${names[0]};Cooperativa sociale;terzo settore;Coop. Aurora ${sfx};info@aurora.example.org`,
			`${names[1]};Associazione;;;`,
			`${names[2]};Scuola;pubblico;;`
		])
	);
	await expect(page.getByText('3 righe lette, 0 con errori.')).toBeVisible();
	await expect(page.getByText('Nessun errore. Conferma per salvare tutte le righe.')).toBeVisible();
	await confirm(page, 3);
	await expectOrganizations(page, names, true);
	await expect(page.getByRole('row', { name: names[2] })).toContainText('Scuola');
	await expect(page.getByRole('row', { name: names[0] })).toContainText(`Coop. Aurora ${sfx}`);
});

test('people are matched to their organisation by an alias', async ({ page }) => {
	const sfx = uniqueSuffix();
	const people = [`Carla ${sfx}`, `Bruno ${sfx}`];
	await preview(
		page,
		'Persone',
		csv('persone.csv', [
			'nome;cognome;email;organizzazione',
			`Carla;${sfx};carla.${sfx}@example.org;Coop. Universiis`,
			`Bruno;${sfx};bruno.${sfx}@example.org;Comune Seriate`
		])
	);
	await expect(page.getByText('2 righe lette, 0 con errori.')).toBeVisible();
	await expect(previewRow(page, 2)).toContainText(people[0]!);
	await confirm(page, 2);
	await goByNav(page, 'Persone');
	await expect(page.getByRole('row', { name: people[0] })).toContainText('Cooperativa Universiis');
	await expect(page.getByRole('row', { name: people[1] })).toContainText('Comune di Seriate');
});

test('an XLSX workbook is previewed like a CSV', async ({ page }) => {
	const sfx = uniqueSuffix();
	const names = [`Fondazione Mina ${sfx}`, `Parrocchia San Giorgio ${sfx}`];
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Enti');
	sheet.addRow(['Denominazione', 'Tipologia', 'Settore']);
	sheet.addRow([names[0], 'Fondazione', 'Terzo Settore']);
	sheet.addRow([names[1], 'Parrocchia', '']);
	const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
	await preview(page, 'Organizzazioni', {
		name: 'enti.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer
	});
	await expect(page.getByText('2 righe lette, 0 con errori.')).toBeVisible();
	await expect(previewRow(page, 2)).toContainText(names[0]!);
	await expect(previewRow(page, 3)).toContainText(names[1]!);
	await expect(previewRow(page, 3)).toContainText('Parrocchia');
	await confirm(page, 2);
	await expectOrganizations(page, names, true);
});
