import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations, logInThroughForm, uniqueSuffix } from './helpers';

/**
 * The end of a cycle (monitoring SPEC M40–M45): the UdP downloads the resoconto degli
 * esiti of a 2021-2023 plan, creates the 2025-2027 plan from it on the plan's page, and
 * the carried objective shows its predecessor, that objective's evaluation and the punto
 * chiave the mapping table leaves for the UdP to choose.
 */
const objective = (number: number, title: string, macroArea: string, keyPoints: string[]) => ({
	number,
	title,
	policyArea: null,
	fields: { target: 'Giovani adulti' },
	verbatim: {},
	macroAreas: [macroArea],
	keyPoints: { [macroArea]: keyPoints },
	leps: [],
	indicators: [],
	status: 'approved',
	approvedAt: '2021-06-30'
});

test('[M41] the UdP creates the next plan from the plan page; the carried objective shows where it comes from', async ({
	page
}, testInfo) => {
	await logInThroughForm(page, 'admin');
	const title = `Piano 2021-2023 ${uniqueSuffix()}`;
	const created = await page.request.post('/api/plans', {
		data: { title, period: '2021-2023', taxonomyVersion: '2021-2023' }
	});
	expect(created.status()).toBe(201);
	const { id: planId } = (await created.json()) as { id: number };
	const imported = await page.request.post(`/api/plans/${planId}/import`, {
		data: {
			format: 'tavoli-plan-objectives',
			version: 1,
			plan: { title, period: '2021-2023', taxonomyVersion: '2021-2023' },
			policyAreas: [],
			objectives: [
				objective(1, 'Reti di inclusione attiva', 'C', ['Sviluppo delle reti']),
				objective(2, 'Domiciliarità', 'D', ['Flessibilità'])
			]
		}
	});
	expect(imported.status()).toBe(200);
	const [inclusion] = (await (
		await page.request.get(`/api/plans/${planId}/objectives`)
	).json()) as {
		id: number;
	}[];
	const evaluated = await page.request.put(
		`/api/plans/${planId}/objectives/${inclusion!.id}/evaluation`,
		{
			data: {
				actionsPlanned: 5,
				actionsDone: 4,
				budgetPlanned: 1000,
				budgetPaid: 1000,
				userEvaluation: 'Non pertinente',
				resourceAdequacy: 'Adeguato',
				notes: null
			}
		}
	);
	expect(evaluated.status()).toBe(200);

	await page.goto(`/plans/${planId}`);
	const cycle = page.getByRole('region', { name: 'Esiti e piano successivo' });
	for (const format of ['DOCX', 'XLSX']) {
		const link = cycle.getByRole('link', { name: `Scarica il resoconto degli esiti (${format})` });
		const file = await page.request.get((await link.getAttribute('href'))!);
		expect(file.status(), format).toBe(200);
		expect(file.headers()['content-disposition']).toContain(`.${format.toLowerCase()}`);
	}
	await cycle.getByRole('link', { name: 'Crea il piano successivo' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Crea il piano successivo');
	const form = page.locator('form[action="?/create"]');
	await expect(form.getByText('Grado di raggiungimento: buono')).toBeVisible();
	await expectNoSeriousViolations(page, 'successor form');
	const formShot = testInfo.outputPath('successor-form.png');
	await page.screenshot({ path: formShot, fullPage: true });
	await testInfo.attach('successor-form.png', { path: formShot, contentType: 'image/png' });

	const nextTitle = `Piano di Zona 2025-2027 ${uniqueSuffix()}`;
	await form.getByLabel('Titolo del nuovo piano').fill(nextTitle);
	await form.getByLabel('Periodo').fill('2025-2027');
	await expect(form.getByLabel('Linee di indirizzo regionali')).toHaveValue('2025-2027');
	await form.getByRole('button', { name: 'Crea il piano' }).click();
	await expect(page.getByRole('alert')).toContainText('Scegli almeno un obiettivo.');
	await expectNoSeriousViolations(page, 'successor form with errors');
	await form.getByRole('checkbox', { name: '1. Reti di inclusione attiva' }).check();
	await form.getByRole('button', { name: 'Crea il piano' }).click();

	await expect(page).toHaveURL(/\/plans\/\d+\/objectives$/);
	const nextPlanId = Number(/\/plans\/(\d+)\//.exec(page.url())![1]);
	expect(nextPlanId).not.toBe(planId);
	await page.goto(`/plans/${nextPlanId}/objectives`);
	await page
		.getByRole('link', { name: /Reti di inclusione attiva/ })
		.first()
		.click();
	const carried = page.getByRole('region', { name: 'In continuità con il piano precedente' });
	await expect(carried).toContainText(
		`Prosegue l'obiettivo 1. Reti di inclusione attiva del piano ${title}.`
	);
	await expect(carried.getByRole('table')).toContainText('buono (80%)');
	await expect(carried).toContainText(
		'Punto chiave «Sviluppo delle reti» (macro-area C del piano precedente)'
	);
	await expect(carried).toContainText('A) Rafforzamento delle reti sociali');
	await expectNoSeriousViolations(page, 'carried objective');
	const path = testInfo.outputPath('carried-objective.png');
	await carried.screenshot({ path });
	await testInfo.attach('carried-objective.png', { path, contentType: 'image/png' });

	const list = (await (await page.request.get(`/api/plans/${nextPlanId}/objectives`)).json()) as {
		title: string;
		status: string;
	}[];
	expect(list.map((o) => [o.title, o.status])).toEqual([['Reti di inclusione attiva', 'draft']]);
});
