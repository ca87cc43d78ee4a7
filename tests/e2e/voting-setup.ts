import {
	expect,
	request as playwrightRequest,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { demoIds } from './demo-db';
import { demoAccounts, demoPassword, type DemoRole } from './helpers';

/**
 * Setting up the voting journeys: today's board of "Domiciliarità e Terza Età"
 * back to collecting with every setting off (earlier journeys leave it
 * anonymous or locked), people joining with the code, API contexts by role.
 */
export const todaysMeeting = 'Co-programmazione: bisogni e priorità 2027';
export const phone: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true
};

// Pages left open would keep their boards live (sockets, polling) for the rest of the run.
const contexts: BrowserContext[] = [];
export async function votingPage(browser: Browser, options: BrowserContextOptions = {}) {
	const context = await browser.newContext(options);
	contexts.push(context);
	return context.newPage();
}
export async function closeVotingPages() {
	for (const context of contexts.splice(0)) await context.close();
}

export async function expectConnected(page: Page) {
	await expect(page.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();
}

/** Board settings as a fresh incontro has them. */
export async function resetBoard(request: APIRequestContext, boardId: string) {
	const command = (name: string, data: object) =>
		request.post(`/api/boards/${boardId}/commands/${name}`, { data });
	const settings = { anonymous: false, privateWriting: false, locked: false };
	expect((await command('settings', settings)).status()).toBe(200);
	expect((await command('phase', { phase: 'collect' })).status()).toBe(200);
	// A round an earlier journey left open or unrevealed hides the setup form: finish it.
	const rounds = (await (await request.get(`/api/boards/${boardId}/rounds`)).json()) as {
		roundId: number;
		status: string;
	}[];
	for (const { roundId, status } of rounds) {
		if (status === 'open') await request.post(`/api/rounds/${roundId}/status/close`);
		if (status !== 'revealed') await request.post(`/api/rounds/${roundId}/status/reveal`);
	}
	expect((await command('phase', { phase: 'collect' })).status()).toBe(200);
}

/** The facilitator (logged in) opens today's board from the incontro page. */
export async function openTodaysBoard(page: Page) {
	await page.getByRole('link', { name: todaysMeeting }).click();
	await page.getByRole('button', { name: 'Apri la lavagna' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Lavagna' })).toBeVisible();
	await expectConnected(page);
	const boardId = new URL(page.url()).pathname.split('/').at(-1)!;
	await resetBoard(page.request, boardId);
	const joinUrl = await page
		.getByRole('region', { name: 'Come partecipare' })
		.getByRole('link')
		.getAttribute('href');
	return { boardId, joinUrl: joinUrl! };
}

export async function joinBoard(
	browser: Browser,
	url: string,
	who: { name: string; organization: string },
	onPhone = false
) {
	const page = await votingPage(browser, onPhone ? phone : {});
	await page.goto(url);
	await page.getByRole('textbox', { name: 'Nome e cognome' }).fill(who.name);
	await page.getByLabel('Organizzazione').fill(who.organization);
	await page.getByRole('checkbox', { name: "Ho letto l'informativa e acconsento" }).check();
	await page.getByRole('button', { name: 'Entra' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Lavagna' })).toBeVisible();
	await expectConnected(page);
	return page;
}

/** A JSON API client: logged in as a demo role, or with no session at all. */
export async function apiAs(role: DemoRole | 'anonymous'): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL }
	});
	if (role !== 'anonymous') {
		const response = await context.post('/api/session', {
			data: { email: demoAccounts[role], password: demoPassword }
		});
		expect(response.status()).toBe(200);
	}
	return context;
}

/** Opens today's board through the API and returns it back in the collecting phase. */
export async function todaysBoardByApi(facilitator: APIRequestContext) {
	const response = await facilitator.post(`/api/meetings/${demoIds().todayMeeting}/board`);
	expect(response.status()).toBe(200);
	const board = (await response.json()) as { boardId: string; joinCode: string };
	await resetBoard(facilitator, board.boardId);
	return board;
}

/** A guest who joined with the code, as an API client holding the guest cookie. */
export async function guestByApi(joinCode: string, name: string, organization = '') {
	const context = await playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL }
	});
	const response = await context.post('/api/join', {
		data: { code: joinCode, name, organization, consent: true }
	});
	expect(response.status()).toBe(200);
	const { participantId } = (await response.json()) as { participantId: string };
	return { request: context, participantId };
}

/** Who the guests are and what they write: `n` counts every guest's cards from 0. */
export interface GuestCards {
	guests: number;
	perGuest: number;
	guest: (i: number) => { name: string; organization: string };
	card: (n: number) => { kind: string; text: string; target?: string };
}

/**
 * Guests join with the code and post their cards through the API, all at once
 * (keep `perGuest` under the per-person throttle of 20); every card must be
 * accepted. Returns the guests: dispose their `request` when done.
 */
export async function guestsWriteCards(joinCode: string, boardId: string, seed: GuestCards) {
	return Promise.all(
		Array.from({ length: seed.guests }, async (_, g) => {
			const who = seed.guest(g);
			const guest = await guestByApi(joinCode, who.name, who.organization);
			for (let c = 0; c < seed.perGuest; c++) {
				const response = await guest.request.post(`/api/boards/${boardId}/cards`, {
					data: seed.card(g * seed.perGuest + c)
				});
				expect(response.status()).toBe(201);
			}
			return guest;
		})
	);
}
