import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { logInThroughForm, uniqueSuffix } from './helpers';
import { apiPost, createMonitoredPlan } from './monitoring-plan';

/**
 * The objective's page shows its monitoring read-only (monitoring SPEC M4, M7): per
 * indicator the latest value and progress, and the evaluation grid with its bands.
 */
test('[M4-M7] the objective page shows progress per indicator and the evaluation bands', async ({
	page
}) => {
	await logInThroughForm(page, 'admin');
	const post = apiPost(page.request);
	const planId = await createMonitoredPlan(post, `Piano sul monitoraggio ${uniqueSuffix()}`);
	const [casa] = (await (await page.request.get(`/api/plans/${planId}/objectives`)).json()) as {
		id: number;
		indicators: { id: string }[];
	}[];
	const api = `/api/plans/${planId}/objectives/${casa!.id}`;

	await page.goto(`/plans/${planId}/objectives/${casa!.id}`);
	const section = page.getByRole('region', { name: 'Monitoraggio' });
	await expect(section.getByRole('row', { name: /Famiglie prese in carico/ })).toContainText(
		'Non ancora misurato'
	);
	await expect(section).toContainText('La griglia di valutazione non è ancora stata compilata.');

	const measured = await post(`${api}/measurements`, {
		indicatorId: casa!.indicators[0]!.id,
		period: '2026-S1',
		value: 50
	});
	expect(measured.status).toBe(201);
	const evaluated = await page.request.put(`${api}/evaluation`, {
		data: {
			actionsPlanned: 4,
			actionsDone: 3,
			budgetPlanned: 1000,
			budgetPaid: 800,
			userEvaluation: 'Non pertinente',
			resourceAdequacy: 'Sufficientemente adeguato',
			notes: null
		}
	});
	expect(evaluated.status()).toBe(200);

	await page.reload();
	const families = section.getByRole('row', { name: /Famiglie prese in carico/ });
	await expect(families).toContainText('50 (2026-S1)');
	await expect(families).toContainText('50% verso il target');
	await expect(section.getByRole('row', { name: /Quota di rientri/ })).toContainText(
		'Non calcolabile'
	);
	// The UdP sees the grid as its form (SPEC M17), the bands computed from the saved numbers.
	await expect(section).toContainText('Fascia: sufficiente (75%)');
	await expect(section).toContainText(
		'Fascia: non realizzato come programmato o sovrastimato (80%)'
	);

	const results = await new AxeBuilder({ page })
		.include('#po-monitoring')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	const whole = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(
		whole.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => v.id)
	).toEqual([]);
});
