import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext,
	type Page
} from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { openDemoDatabase } from './demo-db';
import { logInThroughForm } from './helpers';

/**
 * [M-V1..M-V9] The verbale of an incontro, as its people use it: the facilitator
 * generates the draft from the foglio firme and a revealed vote, edits a section,
 * shares it; a guest who took part reads it, comments and downloads it; the
 * facilitator freezes it, and a later edit starts version 2 while participants
 * keep reading version 1. Uses an incontro no other test touches.
 */
const guestName = 'Ornella Vanoni';
const guestOrg = 'Cooperativa La Ringhiera';

function untouchedMeeting(): number {
	const db = openDemoDatabase();
	const row = db
		.prepare('select id from meetings where title = ?')
		.get('Stesura delle schede obiettivo') as { id: number };
	db.close();
	return row.id;
}

async function expectAxeClean(page: Page, what: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(serious).toEqual([]);
}

async function newGuest(joinCode: string): Promise<APIRequestContext> {
	const guest = await playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL }
	});
	const joined = await guest.post('/api/join', {
		data: { code: joinCode, name: guestName, organization: guestOrg, consent: true }
	});
	expect(joined.status()).toBe(200);
	return guest;
}

/** A card by the guest, a dot round on cards, the guest's ballot, the reveal. */
async function revealedVote(
	facilitator: APIRequestContext,
	guest: APIRequestContext,
	boardId: string
) {
	const card = await guest.post(`/api/boards/${boardId}/cards`, {
		data: { kind: 'need', text: 'Trasporto serale verso il centro diurno' }
	});
	expect(card.status()).toBe(201);
	const cardId = ((await card.json()) as { id: string }).id;
	const opened = await facilitator.post(`/api/boards/${boardId}/rounds`, {
		data: { method: 'dot', targets: 'cards', budget: 3, cap: 3 }
	});
	expect(opened.status()).toBe(201);
	const { roundId } = (await opened.json()) as { roundId: number };
	const ballot = await guest.put(`/api/rounds/${roundId}/ballot`, {
		data: { allocations: [{ targetId: cardId, points: 3 }] }
	});
	expect(ballot.status()).toBe(200);
	expect((await facilitator.post(`/api/rounds/${roundId}/status/reveal`)).status()).toBe(200);
}

/** The text of a DOCX body (word/document.xml), table cells separated by tabs. */
function docxText(file: Buffer): string {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-minutes-e2e-'));
	try {
		writeFileSync(join(dir, 'verbale.docx'), file);
		const xml = execFileSync('unzip', ['-p', join(dir, 'verbale.docx'), 'word/document.xml']);
		return xml
			.toString('utf8')
			.replace(/<\/w:p><\/w:tc>/g, '\t')
			.replace(/<\/w:p>/g, '\n')
			.replace(/<[^>]+>/g, '');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

test('the verbale: generated, edited, shared, commented, downloaded, frozen, versioned', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const meetingId = untouchedMeeting();
	const minutesPage = `/meetings/${meetingId}/minutes`;
	const api = `/api/meetings/${meetingId}/minutes`;
	await logInThroughForm(page, 'facilitator');
	const opened = await page.request.post(`/api/meetings/${meetingId}/board`);
	expect(opened.status()).toBe(200);
	const { boardId, joinCode } = (await opened.json()) as { boardId: string; joinCode: string };
	const guest = await newGuest(joinCode);
	await revealedVote(page.request, guest, boardId);
	expect((await guest.get(api)).status(), 'nothing shared yet').toBe(404);

	await page.goto(`/meetings/${meetingId}`);
	await page.getByRole('link', { name: 'Apri il verbale' }).click();
	await page.getByRole('button', { name: 'Genera la bozza' }).click();
	await expect(page.getByText('Bozza generata: versione 1.')).toBeVisible();
	const attendance = page.getByRole('region', { name: 'Tabella: Presenti (foglio firme)' });
	await expect(attendance.getByRole('cell', { name: guestName })).toBeVisible();
	const votes = page.getByRole('region', { name: 'Tabella: Esiti delle votazioni' });
	await expect(
		votes.getByRole('cell', { name: 'Trasporto serale verso il centro diurno' })
	).toBeVisible();
	await expectAxeClean(page, 'minutes (facilitator, draft)');

	await page.getByText('Modifica «Decisioni e priorità»').click();
	await page
		.getByRole('textbox', { name: 'Testo della sezione «Decisioni e priorità»' })
		.fill('Il tavolo propone il trasporto serale come priorità.');
	await page.getByRole('button', { name: 'Salva la sezione «Decisioni e priorità»' }).click();
	await expect(page.getByText('Sezione salvata nella versione 1.')).toBeVisible();
	await page.getByRole('button', { name: 'Condividi con i partecipanti' }).click();
	await expect(page.getByText('Verbale condiviso con i partecipanti.')).toBeVisible();

	// A guest has no incontro page: the board links the shared verbale.
	const guestBrowser = await browser.newContext({ storageState: await guest.storageState() });
	const guestPage = await guestBrowser.newPage();
	await guestPage.goto(`/boards/${boardId}`);
	await guestPage.getByRole('link', { name: 'Leggi il verbale' }).click();
	await expect(
		guestPage.getByText('Il tavolo propone il trasporto serale come priorità.')
	).toBeVisible();
	await guestBrowser.close();

	const read = await guest.get(`${api}?format=json`);
	expect(read.status()).toBe(200);
	const shared = (await read.json()) as { version: number; status: string };
	expect(shared).toMatchObject({ version: 1, status: 'shared' });
	const docx = await guest.get(`${api}?format=docx`);
	expect(docx.status()).toBe(200);
	expect(docx.headers()['content-type']).toContain('wordprocessingml');
	const body = docxText(await docx.body());
	expect(body).toContain(`${guestName}\t${guestOrg}\t`);
	expect(body).toContain('Trasporto serale verso il centro diurno\t3\t');
	expect(body).toContain('Il tavolo propone il trasporto serale come priorità.');
	const html = await guest.get(`${api}?format=html`);
	expect(html.headers()['content-type']).toContain('text/html');
	expect(await html.text()).toContain(guestName);
	expect((await guest.get(`${api}?format=pdf`)).status()).toBe(400);
	const comment = await guest.post(`${minutesPage}?/comment`, {
		form: { section: 'votes', text: 'Ho votato anche su carta.' },
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(comment.status()).toBe(200);

	await page.reload();
	await expect(page.getByText('Ho votato anche su carta.')).toBeVisible();
	await page.getByRole('button', { name: 'Congela questa versione' }).click();
	await expect(page.getByText('Versione 1 congelata.')).toBeVisible();
	await page.getByText('Modifica «Decisioni e priorità»').click();
	await page
		.getByRole('textbox', { name: 'Testo della sezione «Decisioni e priorità»' })
		.fill('Rettifica dopo il congelamento.');
	await page.getByRole('button', { name: 'Salva la sezione «Decisioni e priorità»' }).click();
	await expect(page.getByText('Sezione salvata nella versione 2.')).toBeVisible();

	const editorView = (await (await page.request.get(api)).json()) as { version: number };
	expect(editorView.version).toBe(2);
	const guestView = (await (await guest.get(api)).json()) as { version: number; status: string };
	expect(guestView).toMatchObject({ version: 1, status: 'frozen' });
	expect((await guest.get(`${api}?version=2`)).status()).toBe(404);

	await page.goto(`${minutesPage}/print?version=1`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Verbale dell');
	await expectAxeClean(page, 'minutes print page');
	await guest.dispose();
});
