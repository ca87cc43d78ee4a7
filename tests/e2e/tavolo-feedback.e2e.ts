import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { demoIds, openDemoDatabase } from './demo-db';
import { expectNoSeriousViolations, logInThroughForm, uniqueSuffix } from './helpers';
import { decide, draftCards } from './tavolo-outcome';
import { apiAs } from './voting-setup';

/**
 * [M31-M33] Feedback to the tavoli: the tavolo's incontro sends two objective cards; the
 * UdP adopts one (its indicator then measured) and sends the other back with a reason;
 * the facilitator reads on the tavolo's page what became of both, puts the adopted
 * objective's monitoring on the incontro's agenda and sees it on the board.
 */
const sfx = uniqueSuffix();
const needs = [`Anziani soli la sera ${sfx}`, `Caregiver senza sollievo ${sfx}`];
const reason = `Manca il target: quali caregiver? ${sfx}`;
const indicator = {
	level: 'output',
	kind: 'count',
	description: `Anziani raggiunti la sera ${sfx}`,
	baseline: '10',
	target: '50'
} as const;

/** An incontro of the tavolo that no other journey opens: neither the first, the last nor today's. */
function quietMeeting(tavoloId: number, avoid: number[]): number {
	const db = openDemoDatabase();
	const rows = db
		.prepare('select id from meetings where tavolo_id = ? order by date desc, id desc')
		.all(tavoloId) as { id: number }[];
	db.close();
	const found = rows.slice(1).find((r) => !avoid.includes(r.id));
	if (!found) throw new Error('the demo tavolo has no spare incontro');
	return found.id;
}

async function snap(page: Page, testInfo: TestInfo, name: string) {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a facilitator reads what became of the tavolo cards and reviews an objective on the board', async ({
	page
}, testInfo) => {
	test.setTimeout(120_000);
	const ids = demoIds();
	const udp = await apiAs('admin');
	const meetingId = quietMeeting(ids.tavolo.own, [ids.meeting.own, ids.todayMeeting]);
	const { boardId, cardIds } = await draftCards(udp, meetingId, { needs, indicator });
	const submitted = await udp.post(`/api/meetings/${meetingId}/outcome`);
	expect(submitted.status()).toBe(201);
	const { outcomeId } = (await submitted.json()) as { outcomeId: number };
	const outcome = String(outcomeId);
	await decide(udp, ids.planId, { outcomeId: outcome, cardId: cardIds[0]!, decision: 'adopted' });
	await decide(udp, ids.planId, {
		outcomeId: outcome,
		cardId: cardIds[1]!,
		decision: 'sent_back',
		reason
	});
	const objectives = (await (await udp.get(`/api/plans/${ids.planId}/objectives`)).json()) as {
		id: number;
		number: number;
		title: string;
		indicators: { id: string; name: string }[];
	}[];
	const adopted = objectives.find((o) =>
		o.indicators.some((i) => i.name === indicator.description)
	)!;
	const measured = await udp.post(
		`/api/plans/${ids.planId}/objectives/${adopted.id}/measurements`,
		{ data: { indicatorId: adopted.indicators[0]!.id, period: '2026-S1', value: 30 } }
	);
	expect(measured.status()).toBe(201);
	await udp.dispose();

	await logInThroughForm(page, 'facilitator');
	await page.goto(`/tavoli/${ids.tavolo.own}`);
	const feedback = page.getByRole('region', { name: 'Cosa è successo alle proposte del tavolo' });
	const cardOf = (text: string) => feedback.getByRole('listitem').filter({ hasText: `«${text}` });
	const adoptedCard = cardOf(needs[0]!).first();
	await expect(adoptedCard).toContainText(`Adottata come obiettivo ${adopted.number} del piano`);
	await expect(adoptedCard).toContainText(indicator.description);
	await expect(adoptedCard).toContainText('50% verso il target');
	await expect(adoptedCard).toContainText('Bozza');
	await expect(
		adoptedCard.getByRole('link', { name: `${adopted.number}. ${adopted.title}` })
	).toHaveAttribute('href', `/plans/${ids.planId}/objectives/${adopted.id}`);
	const sentBack = cardOf(needs[1]!).first();
	await expect(sentBack).toContainText('Rinviata al tavolo');
	await expect(sentBack).toContainText(reason);
	await adoptedCard.scrollIntoViewIfNeeded();
	await snap(page, testInfo, 'tavolo-feedback');
	await expectNoSeriousViolations(page, 'tavolo, esiti delle proposte');

	await page.goto(`/meetings/${meetingId}`);
	const agenda = page.getByRole('region', { name: "Monitoraggio all'ordine del giorno" });
	await expect(agenda).toContainText("Nessun obiettivo del piano all'ordine del giorno.");
	const choice = agenda.getByLabel('Obiettivo del piano da rivedere');
	await expect(choice.locator('optgroup').first()).toHaveAttribute(
		'label',
		'Nati dalle proposte del tavolo'
	);
	await choice.selectOption(String(adopted.id));
	await agenda.getByRole('button', { name: "Metti all'ordine del giorno" }).click();
	await expect(page.getByText("Obiettivo messo all'ordine del giorno.")).toBeVisible();
	await expect(
		agenda.getByRole('link', { name: `${adopted.number}. ${adopted.title}` })
	).toBeVisible();
	await snap(page, testInfo, 'meeting-monitoring-agenda');
	await expectNoSeriousViolations(page, 'incontro, monitoraggio');

	await page.goto(`/boards/${boardId}`);
	await page.getByRole('link', { name: 'Monitoraggio degli obiettivi' }).click();
	const panel = page.getByRole('region', { name: 'Monitoraggio', exact: true });
	await expect(panel).toBeInViewport();
	await expect(panel).toContainText(`${adopted.number}. ${adopted.title}`);
	await expect(panel).toContainText(indicator.description);
	await expect(panel).toContainText('50% verso il target');
	await panel.screenshot({ path: testInfo.outputPath('board-monitoring.png') });
	await expectNoSeriousViolations(page, 'lavagna, monitoraggio');

	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto(`/boards/${boardId}/projector`);
	const show = page.getByRole('button', { name: 'Monitoraggio degli obiettivi' });
	await show.click();
	const projected = page.getByRole('region', { name: 'Monitoraggio', exact: true });
	await expect(projected).toContainText('50% verso il target');
	const smallest = await projected.evaluate((root) =>
		Math.min(
			...[...root.querySelectorAll('*')]
				.filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3))
				.map((e) => parseFloat(getComputedStyle(e).fontSize))
		)
	);
	expect(smallest).toBeGreaterThanOrEqual(18);
	await snap(page, testInfo, 'projector-monitoring');
	await expectNoSeriousViolations(page, 'proiettore, monitoraggio');
	await page.keyboard.press('Escape');
	await expect(projected).toBeHidden();
	await expect(page.getByRole('button', { name: 'Monitoraggio degli obiettivi' })).toBeFocused();
});
