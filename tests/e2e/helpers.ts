import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	type APIRequestContext,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';

export const demoPassword = 'tavoli-demo';
export const demoAccounts = {
	admin: 'admin@demo.local',
	facilitator: 'facilitatore@demo.local',
	participant: 'partecipante@demo.local',
	observer: 'osservatore@demo.local'
} as const;
export type DemoRole = keyof typeof demoAccounts;

/** Display names the demo seeds for its four accounts (see src/lib/demo/demo-plan.ts). */
export const demoNames: Record<DemoRole, string> = {
	admin: 'Laura Ferrari',
	facilitator: 'Marco Colombo',
	participant: 'Giulia Rossi',
	observer: 'Anna Ghilardi'
};

export const demoPlanTitle = 'Piano di Zona 2025-2027 «Fare insieme»';
export const demoAmbitoName = 'Ambito Territoriale di Seriate';
/** The session cookie's name (src/lib/auth/auth-session.server.ts). */
export const authCookieName = 'tavoli_auth';

/**
 * A short suffix for names a test creates: the database lives for the whole run,
 * so every test makes its own data and never collides with another's.
 */
export function uniqueSuffix(): string {
	return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Logs in through the form with any e-mail and password; waits for the home page. */
export async function logInWith(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByRole('textbox', { name: 'Indirizzo e-mail' }).fill(email);
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
	await page.getByRole('button', { name: 'Accedi' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Inizio' })).toBeVisible();
}

/** Logs in through the form, as a person would. */
export async function logInThroughForm(page: Page, role: DemoRole): Promise<void> {
	await logInWith(page, demoAccounts[role], demoPassword);
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
	const plans = (await (await request.get('/api/plans')).json()) as { id: number; title: string }[];
	const plan = plans.find((p) => p.title === demoPlanTitle);
	expect(plan, 'the demo plan is listed by /api/plans').toBeDefined();
	return { planId: plan!.id };
}

export const mainNav = (page: Page): Locator =>
	page.getByRole('navigation', { name: 'Navigazione principale' });

/** Follows a link of the main navigation. */
export async function goByNav(page: Page, name: string): Promise<void> {
	await mainNav(page).getByRole('link', { name, exact: true }).click();
}

export interface NewAccount {
	email: string;
	displayName: string;
	/** The role as the select shows it, e.g. "Partecipante". */
	roleLabel: string;
	password: string;
}

/** Creates an account through the /users page; the page must be logged in as the UdP. */
export async function createAccountThroughUi(page: Page, account: NewAccount): Promise<void> {
	await goByNav(page, 'Account');
	await page.getByRole('textbox', { name: 'Indirizzo e-mail' }).fill(account.email);
	await page.getByRole('textbox', { name: 'Nome visualizzato' }).fill(account.displayName);
	await page.getByRole('combobox', { name: 'Ruolo' }).selectOption({ label: account.roleLabel });
	await page.getByRole('textbox', { name: 'Password iniziale' }).fill(account.password);
	await page.getByRole('button', { name: 'Crea' }).click();
	await expect(page.getByRole('status')).toHaveText('Account creato.');
	await expect(page.getByRole('cell', { name: account.email, exact: true })).toBeVisible();
}

/** A fresh account made by the UdP, for tests that must not disturb the demo ones. */
export async function freshAccount(page: Page, roleLabel = 'Partecipante'): Promise<NewAccount> {
	const suffix = uniqueSuffix();
	const account = {
		email: `e2e-${suffix}@example.org`,
		displayName: `Prova ${suffix}`,
		roleLabel,
		password: `prima-password-${suffix}`
	};
	await logInThroughForm(page, 'admin');
	await createAccountThroughUi(page, account);
	return account;
}

/** The session cookie held by a browser context, if any. */
export async function authCookie(context: BrowserContext) {
	return (await context.cookies()).find((c) => c.name === authCookieName);
}

/** A date some days from today on the Ambito's wall clock, as yyyy-mm-dd. */
export function isoDayFromToday(days: number): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export const breadcrumbs = (page: Page): Locator =>
	page.getByRole('navigation', { name: 'Percorso' });

/** Opens the directory page (Organizzazioni or Persone) of one Ambito with its picker. */
export async function openDirectory(page: Page, section: string, ambito: string) {
	await goByNav(page, section);
	await page.getByRole('combobox', { name: 'Ambito' }).selectOption({ label: ambito });
	await page.getByRole('button', { name: 'Mostra' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(section);
	await expect(page.getByText(new RegExp(`^${ambito} · `))).toBeVisible();
}

/** Creates an organisation in the given Ambito through its directory page (as the UdP). */
export async function createOrganization(
	page: Page,
	ambito: string,
	org: { name: string; type: string; sector: 'Pubblico' | 'Terzo Settore' }
) {
	await openDirectory(page, 'Organizzazioni', ambito);
	await page.getByRole('link', { name: 'Nuova organizzazione' }).click();
	await expect(page.getByText(ambito, { exact: true })).toBeVisible();
	await page.getByRole('textbox', { name: 'Denominazione' }).fill(org.name);
	await page.getByRole('combobox', { name: 'Tipologia' }).selectOption({ label: org.type });
	await page.getByRole('combobox', { name: 'Settore' }).selectOption({ label: org.sector });
	await page.getByRole('button', { name: 'Crea' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(org.name);
}

/** Creates a person of an organisation in the given Ambito (as the UdP). */
export async function createPerson(
	page: Page,
	ambito: string,
	fullName: string,
	organization: string
) {
	await openDirectory(page, 'Persone', ambito);
	await page.getByRole('link', { name: 'Nuova persona' }).click();
	await page.getByRole('textbox', { name: 'Nome e cognome' }).fill(fullName);
	await page
		.getByRole('combobox', { name: 'Organizzazione' })
		.selectOption({ label: organization });
	await page
		.getByRole('combobox', { name: 'Livello' })
		.selectOption({ label: 'Strategico-direzionale' });
	await page.getByRole('button', { name: 'Crea' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(fullName);
}

/**
 * axe on the page as it is now, WCAG 2.2 AA tags (the touch-target rule
 * included): only serious and critical findings fail, each listed with `what`
 * (the page and state checked) and the offending nodes.
 */
export async function expectNoSeriousViolations(page: Page, what = ''): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
	expect(serious).toEqual([]);
}
