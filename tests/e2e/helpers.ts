import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const demoPassword = 'tavoli-demo';
export const demoAccounts = {
	admin: 'admin@demo.local',
	facilitator: 'facilitatore@demo.local',
	participant: 'partecipante@demo.local',
	observer: 'osservatore@demo.local'
} as const;
export type DemoRole = keyof typeof demoAccounts;

/** Logs in through the form, as a person would. */
export async function logInThroughForm(page: Page, role: DemoRole): Promise<void> {
	await page.goto('/login');
	await page.getByRole('textbox', { name: 'Indirizzo e-mail' }).fill(demoAccounts[role]);
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demoPassword);
	await page.getByRole('button', { name: 'Accedi' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Inizio' })).toBeVisible();
}

/** Logs in through the JSON API: quicker where the form is not what is tested. */
export async function logInThroughApi(request: APIRequestContext, role: DemoRole): Promise<void> {
	const response = await request.post('/api/session', {
		data: { email: demoAccounts[role], password: demoPassword }
	});
	expect(response.status()).toBe(200);
}

/** Ids of demo entities, looked up by name so tests do not depend on insertion order. */
export async function demoIds(request: APIRequestContext) {
	const plans = (await (await request.get('/api/plans')).json()) as { id: number }[];
	return { planId: plans[0]!.id };
}
