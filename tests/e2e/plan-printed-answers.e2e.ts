import { expect, test } from '@playwright/test';
import { demoIds, openDemoDatabase } from './demo-db';
import { logInThroughForm } from './helpers';

/**
 * SPEC PO3b, PO5, PO6 on the demo plan (the Seriate objectives): objective 2 answers
 * SI* with a note under its grid, 18 copies 17's target. A reader who may see the
 * plan reads the answers as the plan printed them, and the warnings name what to fix.
 */
function objectiveId(number: number): number {
	const db = openDemoDatabase();
	try {
		const row = db
			.prepare('select id from plan_objectives where plan_id = ? and number = ?')
			.get(demoIds().planId, number) as { id: number };
		return row.id;
	} finally {
		db.close();
	}
}

test('[PO5-PO6] objective 2 reads SI* with its footnote, and warns that the answer points to it', async ({
	page
}) => {
	const { planId } = demoIds();
	await logInThroughForm(page, 'observer');
	await page.goto(`/plans/${planId}/objectives/${objectiveId(2)}`);
	const asst = page.getByRole('definition').filter({ hasText: /^SI\*$/ });
	await expect(asst).toHaveCount(2);
	await expect(
		page.getByRole('definition').filter({ hasText: /^\*Gestione comune/ })
	).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'rimanda a una nota' })).toHaveCount(2);
});

test('[PO3b] the plan page names the target objective 18 copied from 17', async ({ page }) => {
	const { planId } = demoIds();
	await logInThroughForm(page, 'admin');
	await page.goto(`/plans/${planId}/objectives`);
	const warnings = page.getByRole('region', { name: /^Controlli di coerenza/ });
	await expect(
		warnings
			.getByRole('listitem')
			.filter({ hasText: "campo «Target» identico a quello dell'obiettivo 17" })
	).toHaveCount(1);
	await page.goto(`/plans/${planId}/objectives/${objectiveId(18)}`);
	await expect(page.getByText("campo «Target» identico a quello dell'obiettivo 17")).toBeVisible();
});
