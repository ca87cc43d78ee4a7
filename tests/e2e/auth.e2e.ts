import { expect, test, type APIResponse } from '@playwright/test';
import {
	authCookie,
	authCookieName,
	demoAccounts,
	demoNames,
	demoPassword,
	freshAccount,
	logInThroughForm,
	logInWith,
	type DemoRole
} from './helpers';

const setCookies = (response: APIResponse) =>
	response
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value);

for (const role of Object.keys(demoAccounts) as DemoRole[]) {
	test(`the ${role} logs in through the form and sees the home page`, async ({ page }) => {
		await logInThroughForm(page, role);
		await expect(page).toHaveURL('/');
		await expect(page.getByText(`Buongiorno, ${demoNames[role]}.`)).toBeVisible();
		await expect(page.getByRole('link', { name: `Accesso come ${demoNames[role]}` })).toBeVisible();
	});
}

test('a wrong password is refused and opens no session', async ({ page, context }) => {
	await page.goto('/login');
	await page.getByRole('textbox', { name: 'Indirizzo e-mail' }).fill(demoAccounts.observer);
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill('non-la-password');
	await page.getByRole('button', { name: 'Accedi' }).click();
	await expect(page.getByRole('alert')).toHaveText('E-mail o password non corrette.');
	expect(await authCookie(context)).toBeUndefined();
	await page.goto('/plans');
	await expect(page).toHaveURL(/\/login\?next=%2Fplans$/);
});

test('logging out returns to the log-in page and kills the old cookie', async ({
	page,
	context,
	browser,
	request
}) => {
	await logInThroughForm(page, 'participant');
	const cookie = await authCookie(context);
	expect(cookie).toBeDefined();
	await page.getByRole('button', { name: 'Esci' }).click();
	await expect(page).toHaveURL('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Tavoli');

	const api = await request.get('/api/plans', {
		headers: { cookie: `${authCookieName}=${cookie!.value}` }
	});
	expect(api.status()).toBe(401);
	const other = await browser.newContext();
	await other.addCookies([cookie!]);
	const stale = await other.newPage();
	await stale.goto('/');
	await expect(stale).toHaveURL(/\/login/);
	await other.close();
});

test('the session API sets a safe cookie, refuses bad credentials and logs out', async ({
	request
}) => {
	const refused = await request.post('/api/session', {
		data: { email: demoAccounts.facilitator, password: 'sbagliata-davvero' }
	});
	expect(refused.status()).toBe(401);
	expect(setCookies(refused).some((c) => c.startsWith(`${authCookieName}=`))).toBe(false);

	const ok = await request.post('/api/session', {
		data: { email: demoAccounts.facilitator, password: demoPassword }
	});
	expect(ok.status()).toBe(200);
	expect(await ok.json()).toMatchObject({ ok: true });
	const cookie = setCookies(ok).find((c) => c.startsWith(`${authCookieName}=`));
	expect(cookie).toBeDefined();
	expect(cookie).toMatch(/;\s*HttpOnly/i);
	expect(cookie).toMatch(/;\s*SameSite=Lax/i);
	expect(cookie).toMatch(/;\s*Path=\//i);
	expect((await request.get('/api/plans')).status()).toBe(200);

	const loggedOut = await request.delete('/api/session');
	expect(loggedOut.status()).toBe(204);
	expect((await request.get('/api/plans')).status()).toBe(401);
	const token = cookie!.split(';')[0]!;
	const replay = await request.get('/api/plans', { headers: { cookie: token } });
	expect(replay.status()).toBe(401);
});

test('six wrong passwords lock the account, even for the right one', async ({ page, request }) => {
	const account = await freshAccount(page);
	const attempt = (password: string) =>
		request.post('/api/session', { data: { email: account.email, password } });
	for (let i = 1; i <= 5; i++) expect((await attempt(`sbagliata-${i}`)).status()).toBe(401);
	expect((await attempt('sbagliata-6')).status()).toBe(429);
	const locked = await attempt(account.password);
	expect(locked.status()).toBe(429);
	expect(Number(locked.headers()['retry-after'])).toBeGreaterThan(0);
	expect(setCookies(locked)).toEqual([]);

	// The form tells a person the same thing, in words.
	await page.getByRole('button', { name: 'Esci' }).click();
	await page.getByRole('textbox', { name: 'Indirizzo e-mail' }).fill(account.email);
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Accedi' }).click();
	await expect(page.getByRole('alert')).toContainText('Troppi tentativi non riusciti.');
	await expect(page).toHaveURL(/\/login/);
});

test('a password change needs the current one and logs out the other devices', async ({
	page,
	browser
}) => {
	const account = await freshAccount(page);
	const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
	const here = await laptop.newPage();
	const there = await phone.newPage();
	await logInWith(here, account.email, account.password);
	await logInWith(there, account.email, account.password);

	await here.getByRole('link', { name: `Accesso come ${account.displayName}` }).click();
	await expect(here.getByRole('heading', { level: 1 })).toHaveText('Il mio account');
	const newPassword = `nuova-password-${Date.now()}`;
	const fill = async (current: string) => {
		await here.getByRole('textbox', { name: 'Password attuale' }).fill(current);
		await here.getByRole('textbox', { name: 'Nuova password', exact: true }).fill(newPassword);
		await here.getByRole('textbox', { name: 'Ripeti la nuova password' }).fill(newPassword);
		await here.getByRole('button', { name: 'Cambia password' }).click();
	};

	await fill('non-e-questa');
	const current = here.getByRole('textbox', { name: 'Password attuale' });
	await expect(current).toHaveAccessibleDescription('La password attuale non è corretta.');
	await expect(current).toHaveAttribute('aria-invalid', 'true');
	await there.reload();
	await expect(there.getByRole('heading', { level: 1 })).toHaveText('Inizio');

	await fill(account.password);
	await expect(here.getByRole('status')).toHaveText(
		'Password cambiata. Le altre sessioni sono state chiuse.'
	);
	await here.reload();
	await expect(here.getByRole('heading', { level: 1 })).toHaveText('Il mio account');
	await there.reload();
	await expect(there).toHaveURL(/\/login/);
	await logInWith(there, account.email, newPassword);
	await Promise.all([laptop.close(), phone.close()]);
});

test('what a person types before the scripts arrive is kept and logs them in', async ({ page }) => {
	// A slow connection: the page is there, its scripts come a second later.
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByRole('textbox', { name: 'Indirizzo e-mail' }).fill(demoAccounts.observer);
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demoPassword);
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('textbox', { name: 'Indirizzo e-mail' })).toHaveValue(
		demoAccounts.observer
	);
	await page.getByRole('button', { name: 'Accedi' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Inizio' })).toBeVisible();
});
