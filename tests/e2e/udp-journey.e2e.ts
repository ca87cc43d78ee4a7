import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoIds, openDemoDatabase } from './demo-db';
import { logInThroughApi, logInThroughForm, uniqueSuffix } from './helpers';

/**
 * [PO2-PO5] Two tavoli hand in their outcomes; the UdP adopts one proposal,
 * merges another into it, sends one back (the facilitator reads why) and parks
 * one; the needs matrix shows what is answered; the DOCX carries the objective.
 */
const sfx = uniqueSuffix();
const t = {
	adopt: `Anziani soli la sera ${sfx}`,
	sendBack: `Caregiver senza sollievo ${sfx}`,
	merge: `Affitti inaccessibili ${sfx}`,
	park: `Lavoro povero ${sfx}`,
	gap: `Giovani senza spazi ${sfx}`
};
const reason = `Serve un target più preciso ${sfx}`;
const gapTarget = `Ragazzi 14-18 anni ${sfx}`;

/** The last incontro of a tavolo: no other test opens its board. */
function lastMeeting(tavoloId: number): number {
	const db = openDemoDatabase();
	const row = db
		.prepare('select id from meetings where tavolo_id = ? order by date desc, id desc limit 1')
		.get(tavoloId) as { id: number };
	db.close();
	return row.id;
}

/** A tavolo's incontro run through the API: needs on the board, objective cards, outcome submitted. */
async function submitOutcome(
	api: APIRequestContext,
	meetingId: number,
	needs: string[],
	drafted: string[]
) {
	const opened = await api.post(`/api/meetings/${meetingId}/board`);
	expect(opened.status()).toBe(200);
	const { boardId } = (await opened.json()) as { boardId: string };
	for (const text of needs) {
		const target = text === t.gap ? gapTarget : undefined;
		const card = await api.post(`/api/boards/${boardId}/cards`, {
			data: { kind: 'need', text, target }
		});
		expect(card.status()).toBe(201);
	}
	const board = (await (await api.get(`/api/boards/${boardId}`)).json()) as {
		cards: { id: string; text: string }[];
	};
	const phase = await api.post(`/api/boards/${boardId}/commands/phase`, {
		data: { phase: 'draft' }
	});
	expect(phase.status()).toBe(200);
	for (const text of drafted) {
		const card = board.cards.find((c) => c.text === text)!;
		const created = await api.post(`/api/boards/${boardId}/objectives`, {
			data: { type: 'card', id: card.id }
		});
		expect(created.status()).toBe(201);
	}
	const outcome = await api.post(`/api/meetings/${meetingId}/outcome`);
	expect(outcome.status()).toBe(201);
}

function proposal(page: Page, title: string) {
	return page.locator('li.proposal', {
		has: page.getByRole('heading', { name: title, exact: true })
	});
}

test('the UdP decides on two tavoli outcomes, and the plan shows it', async ({
	page,
	browser,
	request
}) => {
	test.setTimeout(120_000);
	const ids = demoIds();
	await logInThroughApi(request, 'admin');
	await submitOutcome(
		request,
		lastMeeting(ids.tavolo.own),
		[t.adopt, t.sendBack],
		[t.adopt, t.sendBack]
	);
	await submitOutcome(
		request,
		lastMeeting(ids.tavolo.other),
		[t.merge, t.park, t.gap],
		[t.merge, t.park]
	);

	await logInThroughForm(page, 'admin');
	await page.goto(`/plans/${ids.planId}/inbox`);
	await proposal(page, t.adopt)
		.getByRole('button', { name: /Adotta come nuovo obiettivo/ })
		.click();
	await expect(proposal(page, t.adopt)).toContainText('Adottato');
	const adopted = proposal(page, t.adopt).getByRole('link', { name: /apri l'obiettivo/ });
	const objectiveUrl = (await adopted.getAttribute('href'))!;

	const merging = proposal(page, t.merge);
	await merging.getByRole('combobox').selectOption(objectiveUrl.split('/').at(-1)!);
	await merging.getByRole('button', { name: /Unisci/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Unisci la proposta');
	await page.getByRole('button', { name: 'Unisci e salva' }).click();
	await expect(page).toHaveURL(new RegExp(`${objectiveUrl}$`));
	await expect(page.getByRole('region', { name: 'Provenienza' })).toContainText(t.merge);

	await page.goto(`/plans/${ids.planId}/inbox`);
	await proposal(page, t.sendBack).getByLabel('Motivazione').fill(reason);
	await proposal(page, t.sendBack)
		.getByRole('button', { name: /Rinvia al tavolo/ })
		.click();
	await expect(proposal(page, t.sendBack)).toContainText(reason);
	await proposal(page, t.park)
		.getByRole('button', { name: /Rimanda al prossimo ciclo/ })
		.click();
	await expect(proposal(page, t.park)).toContainText('Rimandato al prossimo ciclo');
	for (const title of Object.values(t).filter((x) => x !== t.gap))
		await expect(proposal(page, title).getByRole('button')).toHaveCount(0);

	const facilitator = await browser.newContext();
	const facilitatorPage = await facilitator.newPage();
	await logInThroughForm(facilitatorPage, 'facilitator');
	await facilitatorPage.goto(`/tavoli/${ids.tavolo.own}`);
	await expect(
		facilitatorPage.getByRole('region', { name: "Proposte rinviate dall'Ufficio di Piano" })
	).toContainText(reason);
	await facilitator.close();

	await page.goto(`/plans/${ids.planId}/needs?tavolo=${ids.tavolo.other}`);
	const row = (text: string) => page.getByRole('row').filter({ hasText: text });
	await expect(row(t.merge)).toContainText(t.adopt);
	await expect(row(t.gap)).toContainText('Nessuno: scoperto');
	await expect(row(t.gap)).toContainText(gapTarget);

	await page.goto(`/plans/${ids.planId}/slides?tavolo=${ids.tavolo.own}`);
	const slide = page.getByRole('region', { name: 'Domiciliarità e Terza Età' });
	await expect(slide.getByRole('listitem').filter({ hasText: t.adopt })).toContainText('Adottato');
	await expect(slide.getByRole('listitem').filter({ hasText: t.sendBack })).toContainText(
		'Rinviato al tavolo'
	);

	const docx = await request.get(`/api/plans/${ids.planId}/export?format=docx`);
	expect(docx.status()).toBe(200);
	expect(docxText(await docx.body())).toContain(t.adopt);
});

function docxText(bytes: Buffer): string {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-e2e-docx-'));
	try {
		writeFileSync(join(dir, 'plan.docx'), bytes);
		return execFileSync('unzip', ['-p', join(dir, 'plan.docx'), 'word/document.xml'], {
			maxBuffer: 64 * 1024 * 1024
		}).toString('utf8');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

test('[PO4] the history view restores an earlier version of an objective', async ({ page }) => {
	const ids = demoIds();
	await logInThroughForm(page, 'admin');
	await page.goto(`/plans/${ids.planId}/objectives/${ids.planObjectiveId}`);
	const title = page.getByLabel('Obiettivo', { exact: true });
	const original = await title.inputValue();
	await title.fill(`${original} (bozza ${sfx})`);
	await page.getByRole('button', { name: 'Salva', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`bozza ${sfx}`);
	const history = page.getByRole('region', { name: 'Storico delle versioni' });
	await expect(history).toContainText('title');
	await history.getByRole('button', { name: 'Ripristina 1' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Ripristinata' })).toContainText(
		'Ripristinata la versione 1'
	);
	await expect(page.getByRole('heading', { level: 1 })).not.toContainText(`bozza ${sfx}`);
	await expect(title).toHaveValue(original);
});
