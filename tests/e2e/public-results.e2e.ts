import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { DECIDIM_COLUMNS } from '../../src/lib/monitoring/decidim-accountability';
import {
	demoAccounts,
	demoNames,
	expectNoSeriousViolations,
	logInThroughForm,
	uniqueSuffix
} from './helpers';
import { apiPost, createMonitoredPlan, publishResults } from './monitoring-plan';

/**
 * The plan's public results (monitoring SPEC M13) and its Decidim export (M12): the UdP
 * publishes, anyone reads it logged out on a phone, its data as JSON and CSV, nobody's
 * name on it; unpublished, every URL is 404.
 */
const people = [...Object.values(demoNames), ...Object.values(demoAccounts)];

test('[M13] the UdP publishes the results, read logged out on a phone; unpublished they are gone', async ({
	page,
	browser
}) => {
	await logInThroughForm(page, 'admin');
	const post = apiPost(page.request);
	const title = `Piano pubblico ${uniqueSuffix()}`;
	const planId = await createMonitoredPlan(post, title);
	const [casa] = (await (await page.request.get(`/api/plans/${planId}/objectives`)).json()) as {
		id: number;
		indicators: { id: string }[];
	}[];
	const measured = await post(`/api/plans/${planId}/objectives/${casa!.id}/measurements`, {
		indicatorId: casa!.indicators[0]!.id,
		period: '2026-S1',
		value: 50,
		note: `Inserito da ${demoNames.admin}`
	});
	expect(measured.status).toBe(201);

	await page.goto(`/plans/${planId}`);
	const control = page.getByRole('region', { name: 'Pagina pubblica dei risultati' });
	await expect(control).toContainText('La pagina non è pubblicata.');
	const publicPath = await publishResults(page, planId);

	const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const reader = await phone.newPage();
	const response = await reader.goto(publicPath);
	expect(response?.status()).toBe(200);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Risultati: ${title}`);
	const objective = reader.getByRole('article', { name: '1. Casa e abitare' });
	await expect(objective).toContainText('Stato: Approvato');
	await expect(objective).toContainText('50% verso il target');
	await expect(objective).toContainText('Non calcolabile');
	expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		390
	);
	await expectNoSeriousViolations(reader, 'public results on a phone');
	const html = await reader.content();
	expect(people.filter((p) => html.includes(p))).toEqual([]);

	const json = await phone.request.get(`${publicPath}.json`);
	expect(json.status()).toBe(200);
	const data = await json.text();
	expect(JSON.parse(data).areas[0].objectives[0]).toMatchObject({ title: 'Casa e abitare' });
	expect(people.filter((p) => data.includes(p))).toEqual([]);
	const csv = await phone.request.get(`${publicPath}.csv`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const csvText = await csv.text();
	expect(csvText).toContain('Famiglie prese in carico');
	expect(people.filter((p) => csvText.includes(p))).toEqual([]);

	await page.reload();
	await control.getByRole('button', { name: 'Ritira la pubblicazione' }).click();
	await expect(control).toContainText('La pagina non è pubblicata.');
	for (const path of [publicPath, `${publicPath}.json`, `${publicPath}.csv`])
		expect((await phone.request.get(path)).status(), path).toBe(404);
	await phone.close();
});

test('[M12] the Decidim Accountability CSV has the documented header and a 0–100 progress per row', async ({
	page
}) => {
	await logInThroughForm(page, 'admin');
	const post = apiPost(page.request);
	const planId = await createMonitoredPlan(post, `Piano per Decidim ${uniqueSuffix()}`);
	const response = await page.request.get(
		`/api/plans/${planId}/export?format=decidim-accountability`
	);
	expect(response.status()).toBe(200);
	const [header, ...rows] = Papa.parse<string[]>(await response.text(), {
		delimiter: ',',
		skipEmptyLines: true
	}).data;
	expect(header).toEqual([...DECIDIM_COLUMNS]);
	expect(rows).toHaveLength(2);
	const progress = DECIDIM_COLUMNS.indexOf('progress');
	for (const row of rows) {
		const value = Number(row[progress]);
		expect(value >= 0 && value <= 100, row[progress]).toBe(true);
	}
	expect((await page.request.get(`/api/plans/${planId}/export?format=decidim`)).status()).toBe(400);
});
