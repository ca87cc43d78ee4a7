import { expect, test } from '@playwright/test';
import { demoIds } from './demo-db';
import { logInThroughForm } from './helpers';

/**
 * [PO7] The slide di sintesi draws participation and priorities as bar charts,
 * with the same figures in a table screen readers reach, and counts that agree
 * with their noun.
 */
test('[PO7] the slides have charts with their tables, and plurals that agree', async ({ page }) => {
	const ids = demoIds();
	await logInThroughForm(page, 'admin');
	await page.goto(`/plans/${ids.planId}/slides`);
	const participation = page.getByRole('region', { name: 'Partecipazione' });
	await expect(participation.locator('figure svg')).toBeVisible();
	const table = participation.getByRole('table', { name: 'Partecipazione per tavolo: presenze' });
	await expect(table.getByRole('columnheader', { name: 'Presenze' })).toBeAttached();
	expect(await table.getByRole('row').count()).toBeGreaterThan(1);
	const bars = await participation.locator('figure svg rect').count();
	expect(bars).toBe((await table.getByRole('row').count()) - 1);
	const text = await page.locator('main').innerText();
	expect(text).not.toMatch(/\b1 (incontri|presenze|organizzazioni|tavoli)\b/);
});
