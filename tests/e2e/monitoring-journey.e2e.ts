import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import { docxToPdf, pdfPages } from '../support/pdf';
import { openDemoDatabase } from './demo-db';
import {
	demoAccounts,
	demoNames,
	expectNoSeriousViolations,
	isoDayFromToday,
	logInThroughForm,
	uniqueSuffix
} from './helpers';
import { createMonitoredPlan, publishResults, templateColumns } from './monitoring-plan';
import { decide, draftCards, formAction } from './tavolo-outcome';
import { apiAs } from './voting-setup';

/**
 * Issue 15's journey, "Done means": after approval the UdP measures three objectives for two
 * semesters (two on the desk by keyboard, one through the XLSX template), reads progress
 * and what is missing, evaluates them on the regional grid, downloads the resoconto and
 * opens it in LibreOffice, creates the next plan from two of them, publishes the results
 * and reads them logged out on a phone; the tavolo's facilitator reads what became of the
 * cards the tavolo sent. Seeded through the API: the plan, its tavolo and the card the UdP
 * adopted as objective 3 (journeys of their own cover those).
 */
const sfx = uniqueSuffix();
const title = `Piano monitorato ${sfx}`;
const needs = [`Anziani soli la sera ${sfx}`, `Caregiver senza sollievo ${sfx}`];
const reason = `Manca il target: quali caregiver? ${sfx}`;
const tavoloName = `Tavolo anziani ${sfx}`;
const adoptedIndicator = {
	level: 'output',
	kind: 'count',
	description: 'Anziani raggiunti la sera',
	baseline: '10',
	target: '50'
} as const;
const people = [...Object.values(demoNames), ...Object.values(demoAccounts)];
const famiglie = 'Famiglie prese in carico';
const rientri = 'Quota di rientri in comunità';

interface Objective {
	id: number;
	number: number;
	title: string;
}

/** One id from the database of the server under test (demo rows and what the seed just wrote). */
function idFrom(sql: string, ...params: unknown[]): number {
	const db = openDemoDatabase();
	const row = db.prepare(sql).get(...params) as { id: number } | undefined;
	db.close();
	if (!row) throw new Error(`not found: ${sql}`);
	return row.id;
}

/** The plan of two imported objectives, its tavolo, and the tavolo's card adopted as objective 3. */
async function seed() {
	const udp = await apiAs('admin');
	const post = async (path: string, data: unknown) => {
		const response = await udp.post(path, { data });
		return { status: response.status(), json: await response.json() };
	};
	const planId = await createMonitoredPlan(post, title);
	await formAction(udp, `/plans/${planId}/policy-areas?/create`, {
		name: 'Anziani e domiciliarità',
		macroAreaIds: String(
			idFrom("select id from macro_areas where version_id = '2025-2027' and code = 'A'")
		)
	});
	const tavolo = await formAction(udp, `/plans/${planId}/tavoli/new`, {
		name: tavoloName,
		workThemes: '',
		scope: '',
		status: 'active',
		policyAreaIds: String(idFrom('select id from policy_areas where plan_id = ?', planId))
	});
	const tavoloId = Number(/\/tavoli\/(\d+)/.exec(tavolo.location!)![1]);
	await formAction(udp, `/tavoli/${tavoloId}?/addMember`, {
		personId: String(
			idFrom('select person_id as id from users where email = ?', demoAccounts.facilitator)
		),
		role: 'facilitator_third_sector'
	});
	const meeting = await formAction(udp, `/tavoli/${tavoloId}/meetings/new`, {
		title: `Incontro di co-progettazione ${sfx}`,
		subgroupId: '',
		date: isoDayFromToday(-7),
		startTime: '17:00',
		endTime: '19:00',
		mode: 'in_person',
		place: 'Sala civica',
		onlineUrl: '',
		agenda: ''
	});
	const meetingId = Number(/\/meetings\/(\d+)/.exec(meeting.location!)![1]);
	const { cardIds } = await draftCards(udp, meetingId, { needs, indicator: adoptedIndicator });
	const submitted = await udp.post(`/api/meetings/${meetingId}/outcome`);
	expect(submitted.status()).toBe(201);
	const outcomeId = String(((await submitted.json()) as { outcomeId: number }).outcomeId);
	await decide(udp, planId, { outcomeId, cardId: cardIds[0]!, decision: 'adopted' });
	await decide(udp, planId, { outcomeId, cardId: cardIds[1]!, decision: 'sent_back', reason });
	const objectives = (await (
		await udp.get(`/api/plans/${planId}/objectives`)
	).json()) as Objective[];
	await udp.dispose();
	expect(objectives.map((o) => o.number)).toEqual([1, 2, 3]);
	return { planId, tavoloId, objectives };
}

async function snap(page: Page, testInfo: TestInfo, name: string) {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The period's template downloaded from the desk, objective `objectiveId`'s rows filled as the UdP would offline. */
async function fillTemplate(page: Page, period: string, objectiveId: number, values: number[]) {
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: `Scarica il modello XLSX del periodo ${period}` }).click();
	const book = new ExcelJS.Workbook();
	await book.xlsx.readFile((await (await download).path())!);
	const sheet = book.getWorksheet('Monitoraggio')!;
	const rows: ExcelJS.Row[] = [];
	sheet.eachRow((row, n) => {
		if (n > 1 && Number(row.getCell(1).value) === objectiveId) rows.push(row);
	});
	expect(rows).toHaveLength(values.length);
	rows.forEach((row, n) => (row.getCell(templateColumns.value).value = values[n]!));
	await page.getByLabel('Modello compilato (XLSX)').setInputFiles({
		name: `monitoraggio-${period}.xlsx`,
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(await book.xlsx.writeBuffer())
	});
	await page.getByRole('button', { name: 'Importa il modello' }).click();
}

/** Types `value` into a value cell of the desk by keyboard, then moves on with Enter. */
async function type(page: Page, n: number, indicator: string, value: string) {
	await page.getByLabel(`${n}. ${indicator} — Valore`, { exact: true }).focus();
	await page.keyboard.type(value);
	await page.keyboard.press('Enter');
}

/** The UdP fills the objective's Allegato B grid on its page; the bands are shown before saving. */
async function evaluate(
	page: Page,
	planId: number,
	o: Objective,
	[planned, done, budget, paid]: readonly string[],
	[achievement, coincidence]: readonly string[]
) {
	await page.goto(`/plans/${planId}/objectives/${o.id}`);
	const grid = page.getByRole('form', { name: 'Compila la griglia di valutazione' });
	await grid.getByLabel('Azioni previste').fill(planned!);
	await grid.getByLabel('Azioni realizzate').fill(done!);
	await grid.getByLabel('Risorse programmate (euro)').fill(budget!);
	await grid.getByLabel('Risorse liquidate (euro)').fill(paid!);
	await expect(grid).toContainText(`Fascia: ${achievement}`);
	await expect(grid).toContainText(`Fascia: ${coincidence}`);
	await grid.getByLabel('Valutazione da parte degli utenti').fill('Questionario: 8 su 10');
	await grid.getByLabel('Adeguatezza delle risorse').selectOption('Adeguato');
	await grid.getByLabel('Criticità rilevate').fill(`Ritardi nelle azioni di ${o.title}`);
	await grid.getByRole('button', { name: 'Salva la valutazione' }).press('Enter');
	await expect(grid.getByText('Valutazione salvata.')).toBeVisible();
}

test('[issue 15] measured for two semesters, evaluated, reported, carried into the next plan, published, fed back to the tavolo', async ({
	page,
	browser
}, testInfo) => {
	test.setTimeout(150_000);
	const { planId, tavoloId, objectives } = await seed();
	const [casa, lavoro, adopted] = objectives as [Objective, Objective, Objective];
	const summary = (text: string) => page.getByText(text, { exact: true });
	const progressOf = (n: number, indicator: string) =>
		page
			.getByRole('row')
			.filter({ has: page.getByLabel(`${n}. ${indicator} — Valore`, { exact: true }) });

	// 1. First semester: objective 2 through the template, objectives 1 and 3 by keyboard.
	await logInThroughForm(page, 'admin');
	await page.goto(`/plans/${planId}`);
	await page.getByRole('link', { name: 'Monitoraggio degli indicatori' }).click();
	await page.getByLabel('Periodo di monitoraggio').selectOption('2026-S1');
	await page.getByRole('button', { name: 'Mostra' }).press('Enter');
	await expect(page).toHaveURL(/period=2026-S1/);
	await expect(
		summary('Periodo 2026-S1: indicatori da misurare 5, misurati 0, mancanti 5.')
	).toBeVisible();
	await fillTemplate(page, '2026-S1', lavoro.id, [45, 25]);
	await expect(
		page.getByText('Modello importato. Valori registrati: 2; invariati: 0; righe vuote saltate: 3.')
	).toBeVisible();
	await expect(
		summary('Periodo 2026-S1: indicatori da misurare 5, misurati 2, mancanti 3.')
	).toBeVisible();
	await type(page, 1, famiglie, '50');
	await expect(page.getByLabel(`1. ${rientri} — Valore`, { exact: true })).toBeFocused();
	await page.keyboard.type('20%');
	await type(page, 3, adoptedIndicator.description, '30');
	await page.getByRole('button', { name: 'Salva i valori' }).press('Enter');
	await expect(
		page.getByText('Valori registrati: 3. Righe invariate, non registrate di nuovo: 2.')
	).toBeVisible();
	await expect(
		summary('Periodo 2026-S1: indicatori da misurare 5, misurati 5, mancanti 0.')
	).toBeVisible();

	// Second semester: the same, one indicator of objective 1 left unmeasured.
	await page.getByLabel('Periodo di monitoraggio').selectOption('2026-S2');
	await page.getByRole('button', { name: 'Mostra' }).press('Enter');
	await expect(
		summary('Periodo 2026-S2: indicatori da misurare 5, misurati 0, mancanti 5.')
	).toBeVisible();
	await fillTemplate(page, '2026-S2', lavoro.id, [60, 10]);
	await expect(
		summary('Periodo 2026-S2: indicatori da misurare 5, misurati 2, mancanti 3.')
	).toBeVisible();
	await type(page, 1, famiglie, '55');
	await type(page, 3, adoptedIndicator.description, '42');
	await page.getByRole('button', { name: 'Salva i valori' }).press('Enter');
	await expect(
		page.getByText('Valori registrati: 2. Righe invariate, non registrate di nuovo: 2.')
	).toBeVisible();

	// 2. Progress per indicator and what is missing.
	await expect(
		summary('Periodo 2026-S2: indicatori da misurare 5, misurati 4, mancanti 1.')
	).toBeVisible();
	await expect(progressOf(1, famiglie)).toContainText('75%');
	await expect(progressOf(1, famiglie)).toContainText('50 (2026-S1)');
	await expect(progressOf(2, famiglie)).toContainText('100%');
	await expect(progressOf(2, rientri)).toContainText('100%');
	await expect(progressOf(3, adoptedIndicator.description)).toContainText('80%');
	const onlyMissing = page.getByLabel('Solo gli indicatori non ancora misurati nel periodo');
	await onlyMissing.check();
	await expect(page.getByLabel(`1. ${rientri} — Valore`, { exact: true })).toBeVisible();
	await expect(page.getByLabel(`1. ${famiglie} — Valore`, { exact: true })).toBeHidden();
	await expect(
		page.getByLabel(`3. ${adoptedIndicator.description} — Valore`, { exact: true })
	).toBeHidden();
	await snap(page, testInfo, 'journey-desk-missing');
	await onlyMissing.uncheck();
	const monitoring = await (
		await page.request.get(`/api/plans/${planId}/monitoring?period=2026-S2`)
	).json();
	expect((monitoring.objectives as { missing: string[] }[]).map((o) => o.missing.length)).toEqual([
		1, 0, 0
	]);

	// 3. The regional grid for the three objectives, on each objective's page: the bands follow
	// the numbers as they are typed, then the evaluation is saved.
	const grids = [
		[casa, ['10', '8', '20000', '20000'], ['buono (80%)', 'ottimo (100%)']],
		[
			lavoro,
			['4', '4', '15000', '12000'],
			['ottimo (100%)', 'non realizzato come programmato o sovrastimato (80%)']
		],
		[adopted, ['6', '3', '5000', '6000'], ['sufficiente (50%)', 'sottostimato (120%)']]
	] as const;
	for (const [o, numbers, bands] of grids) await evaluate(page, planId, o, numbers, bands);

	// 4. The resoconto degli esiti, downloaded from the plan's page, opens in LibreOffice.
	await page.goto(`/plans/${planId}`);
	const cycle = page.getByRole('region', { name: 'Esiti e piano successivo' });
	const docx = page.waitForEvent('download');
	await cycle.getByRole('link', { name: 'Scarica il resoconto degli esiti (DOCX)' }).click();
	const file = await docx;
	expect(file.suggestedFilename()).toMatch(/\.docx$/);
	const pdf = await docxToPdf(
		readFileSync((await file.path())!),
		testInfo.outputPath(),
		'resoconto'
	);
	const printed = (await pdfPages(pdf)).join('\n').replace(/\s+/g, ' ');
	for (const o of objectives) expect(printed).toContain(o.title);
	for (const band of ['buono (80%)', 'ottimo (100%)', 'sufficiente (50%)', 'sottostimato (120%)'])
		expect(printed).toContain(band);

	// 5. The next plan from objectives 1 and 3.
	await cycle.getByRole('link', { name: 'Crea il piano successivo' }).click();
	const form = page.locator('form[action="?/create"]');
	const nextTitle = `Piano di Zona 2028-2030 ${sfx}`;
	await form.getByLabel('Titolo del nuovo piano').fill(nextTitle);
	await form.getByLabel('Periodo').fill('2028-2030');
	await form.getByRole('checkbox', { name: `1. ${casa.title}` }).check();
	await form.getByRole('checkbox', { name: `3. ${adopted.title}` }).check();
	await snap(page, testInfo, 'journey-successor-form');
	await form.getByRole('button', { name: 'Crea il piano' }).click();
	await expect(page).toHaveURL(/\/plans\/\d+\/objectives$/);
	const nextPlanId = Number(/\/plans\/(\d+)\//.exec(page.url())![1]);
	expect(nextPlanId).not.toBe(planId);
	const carriedList = (await (
		await page.request.get(`/api/plans/${nextPlanId}/objectives`)
	).json()) as { title: string; status: string }[];
	expect(carriedList.map((o) => [o.title, o.status])).toEqual([
		[casa.title, 'draft'],
		[adopted.title, 'draft']
	]);
	for (const [o, band] of [
		[casa, 'buono (80%)'],
		[adopted, 'sufficiente (50%)']
	] as const) {
		await page.goto(`/plans/${nextPlanId}/objectives`);
		await page
			.getByRole('link', { name: new RegExp(o.title) })
			.first()
			.click();
		const carried = page.getByRole('region', { name: 'In continuità con il piano precedente' });
		await expect(carried).toContainText(
			`Prosegue l'obiettivo ${o.number}. ${o.title} del piano ${title}.`
		);
		await expect(carried.getByRole('table')).toContainText(band);
		await carried.screenshot({ path: testInfo.outputPath(`journey-carried-${o.number}.png`) });
	}

	// 6. Published, read logged out on a phone.
	const publicPath = await publishResults(page, planId);
	const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const reader = await phone.newPage();
	expect((await reader.goto(publicPath))?.status()).toBe(200);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText(`Risultati: ${title}`);
	const article = (o: Objective) =>
		reader.getByRole('article', { name: `${o.number}. ${o.title}` });
	await expect(article(casa)).toContainText('75% verso il target');
	await expect(article(casa)).toContainText('50% verso il target');
	await expect(article(lavoro)).toContainText('100% verso il target');
	await expect(article(adopted)).toContainText('80% verso il target');
	await expect(article(adopted)).toContainText(tavoloName);
	expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		390
	);
	await expectNoSeriousViolations(reader, 'public results on a phone');
	const html = await reader.content();
	expect(people.filter((p) => html.includes(p))).toEqual([]);
	await snap(reader, testInfo, 'journey-public-phone');
	await phone.close();

	// 7. The tavolo's facilitator reads what became of its cards.
	const facilitatorContext = await browser.newContext();
	const facilitator = await facilitatorContext.newPage();
	await logInThroughForm(facilitator, 'facilitator');
	await facilitator.goto(`/tavoli/${tavoloId}`);
	const feedback = facilitator.getByRole('region', {
		name: 'Cosa è successo alle proposte del tavolo'
	});
	const cardOf = (text: string) => feedback.getByRole('listitem').filter({ hasText: `«${text}` });
	await expect(cardOf(needs[0]!).first()).toContainText(
		`Adottata come obiettivo ${adopted.number} del piano`
	);
	await expect(cardOf(needs[0]!).first()).toContainText('80% verso il target');
	await expect(cardOf(needs[1]!).first()).toContainText('Rinviata al tavolo');
	await expect(cardOf(needs[1]!).first()).toContainText(reason);
	await snap(facilitator, testInfo, 'journey-tavolo-feedback');
	await facilitatorContext.close();
});
