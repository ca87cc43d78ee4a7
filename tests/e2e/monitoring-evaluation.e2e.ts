import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoIds, logInThroughForm, uniqueSuffix } from './helpers';
import { apiPost, createMonitoredPlan } from './monitoring-plan';

/**
 * The UdP sets the plan's monitoring cadence, then on an objective's page adds actions and
 * budget lines and fills the evaluation grid, the bands computed as the numbers are typed
 * (monitoring SPEC M14–M17); a cadence change is refused once a period is measured.
 */

async function newPlan(page: Page) {
	await logInThroughForm(page, 'admin');
	const post = apiPost(page.request);
	const planId = await createMonitoredPlan(post, `Piano da valutare ${uniqueSuffix()}`);
	const objectives = (await (await page.request.get(`/api/plans/${planId}/objectives`)).json()) as {
		id: number;
		indicators: { id: string }[];
	}[];
	return { planId, casa: objectives[0]! };
}

const axeSerious = async (page: Page) => {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help}`);
};

test('[M14-M17] the UdP sets the cadence, enters actions and budget, fills the grid and sees the bands', async ({
	page
}) => {
	const { planId, casa } = await newPlan(page);

	await page.goto(`/plans/${planId}/edit`);
	const cadence = page.getByRole('form', { name: 'Cadenza del monitoraggio' });
	await expect(cadence.getByRole('radio', { name: /Semestrale/ })).toBeChecked();
	await cadence.getByRole('radio', { name: /Trimestrale/ }).check();
	await cadence.getByRole('button', { name: 'Salva la cadenza' }).click();
	await expect(page.getByText('Cadenza del monitoraggio salvata.')).toBeVisible();
	expect(await axeSerious(page)).toEqual([]);

	const api = `/api/plans/${planId}/objectives/${casa.id}`;
	const measure = (period: string) =>
		page.request.post(`${api}/measurements`, {
			data: { indicatorId: casa.indicators[0]!.id, period, value: 50 }
		});
	expect((await measure('2026-S1')).status()).toBe(400);
	expect((await measure('2026-Q3')).status()).toBe(201);
	await page.reload();
	await cadence.getByRole('radio', { name: /Annuale/ }).check();
	await cadence.getByRole('button', { name: 'Salva la cadenza' }).click();
	await expect(cadence.getByRole('alert')).toContainText('Ci sono già misurazioni');
	await page.reload();
	await expect(cadence.getByRole('radio', { name: /Trimestrale/ })).toBeChecked();

	await page.goto(`/plans/${planId}/objectives/${casa.id}`);
	const monitoring = page.getByRole('region', { name: 'Monitoraggio' });
	await expect(monitoring.getByRole('row', { name: /Famiglie prese in carico/ })).toContainText(
		'50 (2026-Q3)'
	);

	// Actions by keyboard: type a row, add another with the button, tab through it.
	const actions = page.getByRole('region', { name: 'Azioni' });
	const first = actions.getByRole('group', { name: 'Azione 1' });
	await first.getByLabel('Azione', { exact: true }).fill('Sportello casa');
	await first.getByLabel('Data prevista').fill('2025-03-01');
	await first.getByLabel('Data di realizzazione').fill('2025-04-02');
	for (const [n, title, planned, done] of [
		[2, 'Bando affitti', '2026-01-15', '2026-05-10'],
		[3, 'Tavolo con i proprietari', '2026-09-01', ''],
		[4, 'Da togliere', '2027-01-01', '']
	] as const) {
		await actions.getByRole('button', { name: "Aggiungi un'azione" }).press('Enter');
		const row = actions.getByRole('group', { name: `Azione ${n}` });
		await expect(row.getByLabel('Azione', { exact: true })).toBeFocused();
		await page.keyboard.type(title);
		await row.getByLabel('Data prevista').fill(planned);
		if (done) await row.getByLabel('Data di realizzazione').fill(done);
	}
	await actions.getByRole('button', { name: "Rimuovi l'azione 4" }).press('Enter');
	await expect(actions.getByRole('group')).toHaveCount(3);
	await actions.getByRole('button', { name: 'Salva le azioni' }).click();
	await expect(actions.getByText('Azioni salvate.')).toBeVisible();
	await expect(actions).toContainText('2 realizzate su 3 previste');

	// A planned date outside the plan's years: refused with the reason, nothing saved.
	await first.getByLabel('Data prevista').fill('2024-12-31');
	await actions.getByRole('button', { name: 'Salva le azioni' }).click();
	await expect(actions.getByRole('alert')).toContainText(
		'La data prevista deve cadere negli anni del piano.'
	);
	const stored = (await (await page.request.get(`${api}/actions`)).json()) as {
		actions: { title: string; plannedOn: string }[];
	};
	expect(stored.actions.map((a) => a.plannedOn)).toEqual([
		'2025-03-01',
		'2026-01-15',
		'2026-09-01'
	]);
	await page.reload();

	const budget = page.getByRole('region', { name: 'Risorse per anno (euro)' });
	const year = (y: string) => budget.getByRole('group', { name: y });
	await year('2025').getByLabel('Programmato').fill('10000');
	await year('2025').getByLabel('Impegnato').fill('10000');
	await year('2025').getByLabel('Liquidato').fill('9000');
	await year('2026').getByLabel('Programmato').fill('5000,50');
	await year('2026').getByLabel('Liquidato').fill('6000,50');
	await budget.getByRole('button', { name: 'Salva le risorse' }).click();
	await expect(budget.getByText('Risorse salvate.')).toBeVisible();
	await year('2027').getByLabel('Liquidato').fill('molti');
	await budget.getByRole('button', { name: 'Salva le risorse' }).click();
	await expect(budget.getByRole('alert')).toContainText('riga 3, Liquidato: Inserisci un numero');
	await page.reload();

	// The grid starts from the actions and budget, and its bands follow what is typed.
	const grid = page.getByRole('form', { name: 'Compila la griglia di valutazione' });
	await expect(grid.getByLabel('Azioni previste')).toHaveValue('3');
	await expect(grid.getByLabel('Azioni realizzate')).toHaveValue('2');
	await expect(grid.getByLabel('Risorse programmate (euro)')).toHaveValue('15000,5');
	await expect(grid.getByLabel('Risorse liquidate (euro)')).toHaveValue('15000,5');
	await expect(grid).toContainText('Fascia: sufficiente (66,7%)');
	await expect(grid).toContainText('Fascia: ottimo (100%)');
	await grid.getByLabel('Azioni realizzate').fill('3');
	await expect(grid).toContainText('Fascia: ottimo (100%)', { useInnerText: true });
	await grid.getByLabel('Azioni realizzate').fill('0');
	await expect(grid).toContainText('Fascia: nullo (0%)');
	await grid.getByLabel('Azioni realizzate').fill('2');
	await grid.getByLabel('Risorse liquidate (euro)').fill('16000');
	await expect(grid).toContainText('Fascia: sottostimato');
	await grid.getByLabel('Risorse liquidate (euro)').fill('12000');
	await expect(grid).toContainText('Fascia: non realizzato come programmato o sovrastimato (80%)');
	await grid.getByLabel('Valutazione da parte degli utenti').fill('Questionario: 8 su 10');
	await grid.getByLabel('Adeguatezza delle risorse').selectOption('Adeguato');
	await grid.getByLabel('Criticità rilevate').fill('Ritardi nel bando affitti');
	await grid.getByRole('button', { name: 'Salva la valutazione' }).click();
	await expect(grid.getByText('Valutazione salvata.')).toBeVisible();

	const saved = (await (
		await page.request.get(`/api/plans/${planId}/evaluation?format=json`)
	).json()) as {
		objectives: { id: number; evaluation: Record<string, unknown> | null }[];
	};
	expect(saved.objectives.find((o) => o.id === casa.id)?.evaluation).toEqual({
		actionsPlanned: 3,
		actionsDone: 2,
		budgetPlanned: 15000.5,
		budgetPaid: 12000,
		userEvaluation: 'Questionario: 8 su 10',
		resourceAdequacy: 'Adeguato',
		notes: 'Ritardi nel bando affitti'
	});

	// A non-number is refused by the same schema as the API, nothing saved.
	await grid.getByLabel('Azioni previste').fill('tre');
	await expect(grid).toContainText('Fascia non calcolabile');
	await grid.getByRole('button', { name: 'Salva la valutazione' }).click();
	await expect(grid.getByRole('alert')).toContainText('Azioni previste: Inserisci un numero');

	await page.reload();
	await expect(grid.getByLabel('Azioni previste')).toHaveValue('3');
	expect(await axeSerious(page)).toEqual([]);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByRole('region', { name: 'Monitoraggio' }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/monitoring-evaluation-phone.png', fullPage: true });
	for (const button of await page.getByRole('main').getByRole('button').all()) {
		const box = await button.boundingBox();
		if (box) expect(box.height, await button.innerText()).toBeGreaterThanOrEqual(44);
	}
});

test('[M15-M17] whoever else may see the plan reads actions, budget and grid, without forms', async ({
	page,
	browser
}) => {
	await logInThroughForm(page, 'admin');
	const { planId } = await demoIds(page.request);
	const [objective] = (await (
		await page.request.get(`/api/plans/${planId}/objectives`)
	).json()) as {
		id: number;
	}[];
	const objectivePage = `/plans/${planId}/objectives/${objective!.id}`;
	const api = `/api${objectivePage}`;
	const put = (path: string, data: unknown) => page.request.put(`${api}/${path}`, { data });
	const title = `Sportello casa ${uniqueSuffix()}`;
	const actions = { actions: [{ title, plannedOn: '2025-03-01', doneOn: null }] };
	expect((await put('actions', actions)).status()).toBe(200);
	const years = { years: [{ year: 2025, planned: 100, committed: null, paid: 100 }] };
	expect((await put('budget', years)).status()).toBe(200);

	// Bad input: 400 with the reason, nothing saved.
	const refusals: [string, unknown, unknown][] = [
		[
			'budget',
			{ years: [{ year: 2031, planned: 1, committed: null, paid: null }] },
			'year-outside-plan'
		],
		['budget', { years: [years.years[0], years.years[0]] }, 'year-repeated'],
		['budget', { years: [{ ...years.years[0], paid: '100' }] }, 'invalid-input'],
		[
			'actions',
			{ actions: [{ title: 'X', plannedOn: '2031-01-01', doneOn: null }] },
			'date-outside-plan'
		],
		[
			'actions',
			{ actions: [{ title: 'X', plannedOn: '2025-02-30', doneOn: null }] },
			'invalid-input'
		],
		['actions', { actions: [], extra: true }, 'invalid-input']
	];
	for (const [path, body, reason] of refusals) {
		const refused = await put(path, body);
		expect(refused.status(), JSON.stringify(body)).toBe(400);
		expect(((await refused.json()) as { error: string }).error).toBe(reason);
	}
	const kept = await (await page.request.get(`${api}/actions`)).json();
	expect(kept).toEqual(actions);
	expect(await (await page.request.get(`${api}/budget`)).json()).toEqual(years);

	const context = await browser.newContext();
	const reader = await context.newPage();
	await logInThroughForm(reader, 'facilitator');
	await reader.goto(objectivePage);
	const section = reader.getByRole('region', { name: 'Azioni' });
	await expect(section.getByRole('row', { name: new RegExp(title) })).toContainText(
		'Non ancora realizzata'
	);
	await expect(section.getByRole('button')).toHaveCount(0);
	const budget = reader.getByRole('region', { name: 'Risorse per anno (euro)' });
	await expect(budget.getByRole('row', { name: /2025/ })).toContainText('100 €');
	await expect(reader.getByRole('form', { name: 'Compila la griglia di valutazione' })).toHaveCount(
		0
	);
	expect(await axeSerious(reader)).toEqual([]);
	await context.close();
});
