import { expect, test } from '@playwright/test';
import { openDemoDatabase } from './demo-db';
import {
	expectNoSeriousViolations,
	logInThroughApi,
	logInThroughForm,
	uniqueSuffix
} from './helpers';

/**
 * [PO2, PO2a, PO2b] The UdP's inbox, issue 13: a proposal can be read in full
 * before deciding, the "Unisci…" list preselects the most similar objective
 * (not objective 1), and an adopted objective keeps its tavolo's policy area.
 * The "Giovani" tavolo has one area, "Politiche giovanili"; no other journey
 * uses its incontri.
 */
const sfx = uniqueSuffix();
const proposalTitle = `Protagonismo e partecipazione dei giovani ${sfx}`;

function demoRows() {
	const db = openDemoDatabase();
	const tavolo = db.prepare("select id from tavoli where name = 'Giovani'").get() as { id: number };
	const meeting = db
		.prepare('select id from meetings where tavolo_id = ? order by date desc, id desc limit 1')
		.get(tavolo.id) as { id: number };
	const similar = db
		.prepare("select id from plan_objectives where title like 'Promuovere protagonismo%'")
		.get() as { id: number };
	const plan = db.prepare('select id from plans limit 1').get() as { id: number };
	db.close();
	return { meetingId: meeting.id, similarId: similar.id, planId: plan.id };
}

test('the inbox shows the proposal, suggests the similar objective, adoption keeps the area', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const { meetingId, similarId, planId } = demoRows();
	await logInThroughApi(request, 'admin');
	const opened = await request.post(`/api/meetings/${meetingId}/board`);
	expect(opened.status()).toBe(200);
	const { boardId } = (await opened.json()) as { boardId: string };
	const posted = await request.post(`/api/boards/${boardId}/cards`, {
		data: { kind: 'need', text: proposalTitle }
	});
	expect(posted.status()).toBe(201);
	const { id: cardId } = (await posted.json()) as { id: string };
	const phase = await request.post(`/api/boards/${boardId}/commands/phase`, {
		data: { phase: 'draft' }
	});
	expect(phase.status()).toBe(200);
	const drafted = await request.post(`/api/boards/${boardId}/objectives`, {
		data: { type: 'card', id: cardId }
	});
	expect(drafted.status()).toBe(201);
	expect((await request.post(`/api/meetings/${meetingId}/outcome`)).status()).toBe(201);

	await logInThroughForm(page, 'admin');
	await page.goto(`/plans/${planId}/inbox`);
	const proposal = page.locator('li.proposal', {
		has: page.getByRole('heading', { name: proposalTitle, exact: true })
	});

	await test.step('the merge list preselects the most similar objective', async () => {
		const into = proposal.getByRole('combobox', { name: /Obiettivo del piano in cui unire/ });
		await expect(into).toHaveValue(String(similarId));
		await expect(into.locator('option:checked')).toContainText('(suggerito)');
	});

	await test.step('the proposal can be read in full before deciding', async () => {
		await expect(proposal.getByText(/camp[oi] su \d+/)).toBeHidden();
		await proposal.getByText('Leggi la proposta').click();
		await expect(proposal.getByText(/camp[oi] su \d+/)).toBeVisible();
		await expect(proposal.getByRole('term').first()).toBeVisible();
		await expect(proposal.getByRole('heading', { name: 'Da dove nasce' })).toBeVisible();
		await expectNoSeriousViolations(page, 'inbox proposal');
	});

	await test.step('adopted, it keeps the policy area of its tavolo', async () => {
		await proposal.getByRole('button', { name: /Adotta come nuovo obiettivo/ }).click();
		await expect(proposal).toContainText('Adottato');
		await proposal.getByRole('link', { name: /apri l'obiettivo/ }).click();
		await expect(page.getByRole('combobox', { name: 'Area di policy' })).toHaveValue(/\d+/);
		await expect(
			page.getByRole('combobox', { name: 'Area di policy' }).locator('option:checked')
		).toHaveText('Politiche giovanili');
	});

	await test.step('resubmitted, the proposal is offered for merging into its objective, not adopted twice', async () => {
		const adoptedId = Number(new URL(page.url()).pathname.split('/').at(-1));
		expect((await request.post(`/api/meetings/${meetingId}/outcome`)).status()).toBe(201);
		await page.goto(`/plans/${planId}/inbox`);
		// The newest version comes first: the proposal in it has no decision yet.
		const again = page
			.locator('li.proposal', {
				has: page.getByRole('heading', { name: proposalTitle, exact: true })
			})
			.first();
		await expect(again).toContainText(/Già nel piano come obiettivo \d+/);
		await expect(again.getByRole('button', { name: /Adotta come nuovo obiettivo/ })).toHaveCount(0);
		await expect(
			again.getByRole('combobox', { name: /Obiettivo del piano in cui unire/ })
		).toHaveValue(String(adoptedId));
		await expectNoSeriousViolations(page, 'inbox resubmitted proposal');
		// On a phone the list of long objective titles shrinks to the card (WCAG 1.4.10).
		await page.setViewportSize({ width: 390, height: 844 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390
		);
	});
});
