import { expect, test } from '@playwright/test';
import { demoAccounts, demoPassword } from './helpers';

test('the language button switches the whole interface and the choice lasts', async ({ page }) => {
	const html = page.locator('html');
	await page.goto('/login');
	await expect(html).toHaveAttribute('lang', 'it');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(html).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in to Tavoli');
	await expect(page).toHaveTitle('Log in to Tavoli · Tavoli');

	await page.getByRole('textbox', { name: 'E-mail address' }).fill(demoAccounts.facilitator);
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demoPassword);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Home');
	const nav = page.getByRole('navigation', { name: 'Main navigation' });
	await expect(nav.getByRole('link', { name: 'Plans', exact: true })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Upcoming meetings' })).toContainText('Today');
	await expect(page.getByRole('region', { name: 'My tavoli' })).toContainText('Facilitator');
	await expect(page.locator('body')).not.toContainText('Prossimi incontri');
	await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

	await page.reload();
	await expect(html).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Home');

	await page.getByRole('button', { name: 'Italiano' }).click();
	await expect(html).toHaveAttribute('lang', 'it');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inizio');
	await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
	await page.reload();
	await expect(html).toHaveAttribute('lang', 'it');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inizio');
	await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toBeVisible();
});
