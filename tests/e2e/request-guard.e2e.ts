import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext
} from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { demoIds } from './demo-db';
import { apiAs, todaysBoardByApi } from './voting-setup';

/**
 * What the edge refuses before any route runs (docs/API.md, "Refusals"): a
 * state-changing request from another origin or from nowhere (403), JSON under
 * another Content-Type (415), a body over the limit (413), a form action posted
 * as text/plain (415, where it used to be a 500). Each refusal changes nothing.
 */
const evil = 'https://evil.example';
let fac: APIRequestContext;
let boardId: string;

const settingsUrl = () => `/api/boards/${boardId}/commands/settings`;

async function locked(): Promise<boolean> {
	const board = await fac.get(`/api/boards/${boardId}`);
	expect(board.status()).toBe(200);
	return ((await board.json()) as { settings: { locked: boolean } }).settings.locked;
}

/**
 * An API client holding the facilitator's session but sending no Origin at all
 * (empty headers replace the config's `extraHTTPHeaders`, which every context inherits).
 */
async function withoutOrigin(): Promise<APIRequestContext> {
	return playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: {},
		storageState: await fac.storageState()
	});
}

test.beforeAll(async () => {
	fac = await apiAs('facilitator');
	({ boardId } = await todaysBoardByApi(fac));
});

test.afterAll(async () => {
	await fac.post(settingsUrl(), { data: { locked: false } });
	await fac.dispose();
});

test('a JSON command from another origin is refused with 403 and changes nothing', async () => {
	expect(await locked()).toBe(false);
	const refused = await fac.post(settingsUrl(), {
		data: { locked: true },
		headers: { origin: evil }
	});
	expect(refused.status()).toBe(403);
	expect(await refused.json()).toEqual({
		error: 'cross-origin',
		message: expect.stringContaining(evil)
	});
	for (const method of ['put', 'patch', 'delete'] as const) {
		const other = await fac[method](`/api/boards/${boardId}/priorities`, {
			data: { type: 'card', id: 'x' },
			headers: { origin: evil }
		});
		expect(other.status(), method).toBe(403);
	}
	expect(await locked()).toBe(false);
});

test('a JSON command without Origin is refused with 403; reads need none', async () => {
	const bare = await withoutOrigin();
	try {
		const refused = await bare.post(settingsUrl(), { data: { locked: true } });
		expect(refused.status()).toBe(403);
		expect(((await refused.json()) as { message: string }).message).toMatch(
			/Origin header missing/
		);
		expect((await bare.get(`/api/boards/${boardId}`)).status()).toBe(200);
	} finally {
		await bare.dispose();
	}
	expect(await locked()).toBe(false);
});

test('the same command from our own origin is applied', async () => {
	const applied = await fac.post(settingsUrl(), {
		data: { locked: true },
		headers: { origin: baseURL }
	});
	expect(applied.status()).toBe(200);
	expect(await locked()).toBe(true);
	expect((await fac.post(settingsUrl(), { data: { locked: false } })).status()).toBe(200);
	expect(await locked()).toBe(false);
});

test('JSON sent as text/plain is refused with 415 and changes nothing', async () => {
	const asText = { 'content-type': 'text/plain;charset=UTF-8' };
	const refused = await fac.post(settingsUrl(), {
		data: JSON.stringify({ locked: true }),
		headers: asText
	});
	expect(refused.status()).toBe(415);
	expect(((await refused.json()) as { message: string }).message).toMatch(
		/Content-Type must be application\/json/
	);
	expect(await locked()).toBe(false);

	// The plan endpoints read their bodies themselves; they refuse it the same way.
	const admin = await apiAs('admin');
	try {
		const title = `Piano in text/plain ${Date.now()}`;
		const plan = { title, period: '2025-2027', taxonomyVersion: '2025-2027' };
		const created = await admin.post('/api/plans', { data: JSON.stringify(plan), headers: asText });
		expect(created.status()).toBe(415);
		const plans = (await (await admin.get('/api/plans')).json()) as { title: string }[];
		expect(plans.map((p) => p.title)).not.toContain(title);
	} finally {
		await admin.dispose();
	}

	// From another origin, SvelteKit's own form-type check answers first: 403 all the same.
	const crossSite = await fac.post(settingsUrl(), {
		data: JSON.stringify({ locked: true }),
		headers: { ...asText, origin: evil }
	});
	expect(crossSite.status()).toBe(403);
	expect(await locked()).toBe(false);
});

test('a body over the size limit is refused with 413, not 400', async () => {
	const huge = JSON.stringify({ kind: 'need', text: 'x'.repeat(600 * 1024) });
	const refused = await fac.post(`/api/boards/${boardId}/cards`, {
		data: huge,
		headers: { 'content-type': 'application/json' }
	});
	expect(refused.status()).toBe(413);
	expect(((await refused.json()) as { message: string }).message).toMatch(/too large/);
});

test('a form action posted as text/plain answers 415 with a reason, not 500', async () => {
	const anonymous = await apiAs('anonymous');
	try {
		const body = 'email=admin@demo.local\npassword=tavoli-demo';
		const asJson = await anonymous.post('/login', {
			data: body,
			headers: { 'content-type': 'text/plain', accept: 'application/json' }
		});
		expect(asJson.status()).toBe(415);
		const result = (await asJson.json()) as { type: string; error: { message: string } };
		expect(result.type).toBe('error');
		expect(result.error.message).toMatch(/not text\/plain/);

		const asPage = await anonymous.post('/login', {
			data: body,
			headers: { 'content-type': 'text/plain', accept: 'text/html' }
		});
		expect(asPage.status()).toBe(415);

		const locale = await anonymous.post('/locale', {
			data: 'locale=en',
			headers: { 'content-type': 'text/plain' },
			maxRedirects: 0
		});
		expect(locale.status()).toBe(415);
	} finally {
		await anonymous.dispose();
	}
});

test('an action or command named after an Object property answers 404, never 500', async () => {
	const anonymous = await apiAs('anonymous');
	try {
		for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
			const action = await anonymous.post(`/login?/${name}`, {
				form: {},
				headers: { accept: 'application/json' }
			});
			expect(action.status(), `?/${name}`).toBe(404);
			const command = await fac.post(`/api/boards/${boardId}/commands/${name}`, { data: {} });
			expect(command.status(), `commands/${name}`).toBe(404);
		}
	} finally {
		await anonymous.dispose();
	}
});

test('a field named __proto__ or constructor is refused with 400 and changes nothing', async () => {
	for (const key of ['__proto__', 'constructor', 'prototype']) {
		const json = await fac.post(settingsUrl(), {
			data: `{"locked":true,"${key}":{"locked":true}}`,
			headers: { 'content-type': 'application/json' }
		});
		expect(json.status(), key).toBe(400);
		expect(((await json.json()) as { message: string }).message).toContain(key);
		const form = await fac.post(`/meetings/${demoIds().todayMeeting}?/status`, {
			form: { [key]: 'x', status: 'planned' },
			headers: { accept: 'application/json' }
		});
		expect(form.status(), key).toBe(400);
	}
	expect(await locked()).toBe(false);
});

test('a settings command that sets nothing is refused with 400', async () => {
	const empty = await fac.post(settingsUrl(), { data: {} });
	expect(empty.status()).toBe(400);
	expect(await empty.json()).toEqual({
		error: 'invalid-input',
		fields: { _form: 'nothing_to_change' }
	});
});
