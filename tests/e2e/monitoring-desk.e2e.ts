import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { logInThroughApi, logInThroughForm, uniqueSuffix } from './helpers';
import { apiPost, createMonitoredPlan, filledTemplate } from './monitoring-plan';

/**
 * The UdP's monitoring desk (monitoring SPEC M20–M27): a period's values entered by
 * keyboard only, a column pasted from a spreadsheet, a refused row saving nothing, the
 * grid saved all at once, progress and what is missing, then the XLSX template filled
 * offline and uploaded.
 */
async function newPlan(page: Page) {
	const post = apiPost(page.request);
	return createMonitoredPlan(post, `Piano della scrivania ${uniqueSuffix()}`);
}

/** What the API says a period holds: per objective the ids still missing. */
async function missing(page: Page, planId: number, period: string) {
	const read = await (
		await page.request.get(`/api/plans/${planId}/monitoring?period=${period}`)
	).json();
	return (read.objectives as { missing: string[] }[]).map((o) => o.missing.length);
}

/** A paste as the browser fires it when the UdP pastes a copied spreadsheet column. */
async function paste(page: Page, text: string) {
	await page.evaluate((t) => {
		const data = new DataTransfer();
		data.setData('text/plain', t);
		document.activeElement!.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
		);
	}, text);
}

test('[M20-M27] the UdP enters a period by keyboard, pastes a column, saves, and imports the template', async ({
	page
}) => {
	await logInThroughForm(page, 'admin');
	const planId = await newPlan(page);
	await page.goto(`/plans/${planId}`);
	await page.getByRole('link', { name: 'Monitoraggio degli indicatori' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Monitoraggio del periodo');

	// The period picker, by keyboard.
	await page.getByLabel('Periodo di monitoraggio').selectOption('2026-S1');
	await page.getByRole('button', { name: 'Mostra' }).press('Enter');
	await expect(page).toHaveURL(/period=2026-S1/);
	await expect(
		page.getByText('Periodo 2026-S1: indicatori da misurare 4, misurati 0, mancanti 4.')
	).toBeVisible();

	const cell = (n: number, indicator: string, c = 'Valore') =>
		page.getByLabel(`${n}. ${indicator} — ${c}`, { exact: true });
	// A wrong value first: the save is refused, the cell named, nothing saved.
	await cell(1, 'Famiglie prese in carico').focus();
	await page.keyboard.type('circa 50');
	await page.keyboard.press('Enter');
	await expect(cell(1, 'Quota di rientri in comunità')).toBeFocused();
	await page.keyboard.type('20%');
	await page.getByRole('button', { name: 'Salva i valori' }).press('Enter');
	const summary = page.getByRole('alert').filter({ hasText: 'Il modulo contiene errori' });
	await expect(summary).toContainText('1. Famiglie prese in carico — Valore');
	await expect(summary).toContainText('Inserisci un numero (per esempio 1.234,5)');
	await expect(cell(1, 'Famiglie prese in carico')).toHaveAttribute('aria-invalid', 'true');
	expect(await missing(page, planId, '2026-S1')).toEqual([2, 2]);

	// Fixed by keyboard; Enter and ↓ move down the value column; progress follows the typing.
	await cell(1, 'Famiglie prese in carico').fill('');
	await cell(1, 'Famiglie prese in carico').focus();
	await page.keyboard.type('50');
	await page.keyboard.press('ArrowDown');
	await expect(cell(1, 'Quota di rientri in comunità')).toBeFocused();
	await expect(cell(1, 'Quota di rientri in comunità')).toHaveValue('20%');
	await page.keyboard.press('Enter');
	await expect(cell(2, 'Famiglie prese in carico')).toBeFocused();
	const row = (name: RegExp) => page.getByRole('row', { name }).first();
	await expect(row(/^Famiglie prese in carico/)).toContainText('50%');

	// A column pasted from a spreadsheet fills this cell and the one below, not yet saved.
	await paste(page, '1.234,5\r\n45%\r\n');
	await expect(cell(2, 'Famiglie prese in carico')).toHaveValue('1.234,5');
	await expect(cell(2, 'Quota di rientri in comunità')).toHaveValue('45%');
	await expect(page.getByText(/Incollati 2 valori, non ancora salvati/).last()).toBeVisible();
	expect(await missing(page, planId, '2026-S1')).toEqual([2, 2]);

	await page.getByRole('button', { name: 'Salva i valori' }).press('Enter');
	await expect(
		page.getByText('Valori registrati: 4. Righe invariate, non registrate di nuovo: 0.')
	).toBeVisible();
	await expect(
		page.getByText('Periodo 2026-S1: indicatori da misurare 4, misurati 4, mancanti 0.')
	).toBeVisible();
	expect(await missing(page, planId, '2026-S1')).toEqual([0, 0]);
	// Saved again unchanged: nothing written twice.
	await page.getByRole('button', { name: 'Salva i valori' }).press('Enter');
	await expect(
		page.getByText('Valori registrati: 0. Righe invariate, non registrate di nuovo: 4.')
	).toBeVisible();

	// The next period offline: the template downloaded, filled, uploaded.
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const origin = new URL(page.url()).origin;
	const file = await filledTemplate(origin, cookie, planId, '2026-S2', [55, null, 62]);
	await page.goto(`/plans/${planId}/monitoring?period=2026-S2`);
	await expect(page.getByText('indicatori da misurare 4, misurati 0, mancanti 4.')).toBeVisible();
	await expect(row(/^Famiglie prese in carico/)).toContainText('50 (2026-S1)');
	await page.getByLabel('Modello compilato (XLSX)').setInputFiles({
		name: 'monitoraggio.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: file
	});
	await page.getByRole('button', { name: 'Importa il modello' }).click();
	await expect(
		page.getByText('Modello importato. Valori registrati: 2; invariati: 0; righe vuote saltate: 2.')
	).toBeVisible();
	await expect(
		page.getByText('Periodo 2026-S2: indicatori da misurare 4, misurati 2, mancanti 2.')
	).toBeVisible();

	await expect(cell(1, 'Famiglie prese in carico')).toHaveValue('55');
	await expect(cell(2, 'Famiglie prese in carico')).toHaveValue('62');
	await expect(row(/^Famiglie prese in carico/)).toContainText('75%');

	// Only what is missing, then axe and a look.
	await page.getByLabel('Solo gli indicatori non ancora misurati nel periodo').check();
	await expect(cell(1, 'Famiglie prese in carico')).toBeHidden();
	await expect(cell(1, 'Quota di rientri in comunità')).toBeVisible();
	await page.getByLabel('Solo gli indicatori non ancora misurati nel periodo').uncheck();
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(
		results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.help}`)
	).toEqual([]);
	await page.screenshot({ path: 'test-results/monitoring-desk.png', fullPage: true });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/monitoring-desk-phone.png', fullPage: true });
});

test('[M24] without JavaScript the grid is a plain form: a refused row keeps what was typed, then it saves', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await logInThroughApi(page.request, 'admin');
	const planId = await newPlan(page);
	await page.goto(`/plans/${planId}/monitoring?period=2025-S2`);
	const cell = (n: number, indicator: string) =>
		page.getByLabel(`${n}. ${indicator} — Valore`, { exact: true });
	await cell(1, 'Famiglie prese in carico').fill('41');
	await cell(2, 'Famiglie prese in carico').fill('quaranta');
	await page.getByRole('button', { name: 'Salva i valori' }).click();
	await expect(
		page.getByRole('alert').filter({ hasText: 'Il modulo contiene errori' })
	).toContainText('2. Famiglie prese in carico — Valore');
	await expect(cell(1, 'Famiglie prese in carico')).toHaveValue('41');
	await expect(cell(2, 'Famiglie prese in carico')).toHaveValue('quaranta');
	expect(await missing(page, planId, '2025-S2')).toEqual([2, 2]);
	await cell(2, 'Famiglie prese in carico').fill('42');
	await page.getByRole('button', { name: 'Salva i valori' }).click();
	await expect(page.getByText('Valori registrati: 2.', { exact: false })).toBeVisible();
	expect(await missing(page, planId, '2025-S2')).toEqual([1, 1]);
	await context.close();
});
