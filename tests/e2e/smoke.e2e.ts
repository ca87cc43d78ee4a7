import { expect, test } from '@playwright/test';
import { logInThroughForm } from './helpers';

test('the health check answers ok', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok' });
});

test('a visitor is sent to the Italian log-in page', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'it');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Tavoli');
});

test('the UdP logs in and sees the demo plan', async ({ page }) => {
	await logInThroughForm(page, 'admin');
	await page
		.getByRole('navigation', { name: 'Navigazione principale' })
		.getByRole('link', { name: 'Piani' })
		.click();
	await expect(
		page.getByRole('link', { name: /Piano di Zona 2025-2027 «Fare insieme»/ })
	).toBeVisible();
});
