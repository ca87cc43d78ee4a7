import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	test,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { readObjectives, setObjectiveText } from '../../src/lib/objectives/objective-doc';
import type { OutcomePackage } from '../../src/lib/outcomes/outcome';
import { logInThroughForm, uniqueSuffix } from './helpers';
import { leave, nodeClient, type NodeClient } from './sync-node';

/**
 * Stesura obiettivi and sintesi (issue 6) on today's board of "Domiciliarità e
 * Terza Età": the facilitator turns a priority into an objective card and opens
 * two fields; two participants and the facilitator write in it at the same time,
 * in two fields and in the same one; an edit to a closed field is refused by the
 * server; comments; the outcome goes out twice and version 2 shows the change.
 */
const todaysMeeting = 'Co-programmazione: bisogni e priorità 2027';
const server = { origin: baseURL, port: Number(new URL(baseURL).port) };

type OutcomeRecord = OutcomePackage & {
	version: number;
	changesSincePrevious: { version: number } | null;
};

const contexts: BrowserContext[] = [];
const clients: NodeClient[] = [];
async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext();
	contexts.push(context);
	return context.newPage();
}
test.afterEach(async () => {
	for (const client of clients.splice(0)) leave(client);
	for (const context of contexts.splice(0)) await context.close();
});

/** As in a11y.e2e.ts: only serious and critical findings fail. */
async function expectNoSeriousViolations(page: Page, what: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	expect(serious).toEqual([]);
}

async function expectConnected(page: Page) {
	await expect(page.getByRole('status').filter({ hasText: 'Collegato' })).toBeVisible();
}

async function join(browser: Browser, url: string, name: string) {
	const page = await newPage(browser);
	await page.goto(url);
	await page.getByRole('textbox', { name: 'Nome e cognome' }).fill(name);
	await page.getByLabel('Organizzazione').fill('Auser Seriate');
	await page.getByRole('checkbox', { name: "Ho letto l'informativa e acconsento" }).check();
	await page.getByRole('button', { name: 'Entra' }).click();
	await expectConnected(page);
	return page;
}

const field = (page: Page, label: string): Locator =>
	page.getByRole('textbox', { name: label, exact: true });
const objectives = '1. Obiettivi';
const actions = '2. Azioni programmate';
const budget = '4. Risorse economiche preventivate';
const indicatorTexts = [
	['Descrizione', 'Anziani soli raggiunti la sera'],
	['Numeratore', 'anziani soli raggiunti'],
	['Denominatore', 'anziani soli residenti'],
	['Baseline (valore di partenza)', '12%'],
	['Target (valore atteso)', '30%']
] as const;
const crossCutting = (page: Page) =>
	page.getByRole('group', { name: /^6\. Obiettivo trasversale/ });

test('co-writing an objective card, a refused edit, comments and two versions of the outcome', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const need = `Anziani soli la sera ${uniqueSuffix()}`;
	const fac = await newPage(browser);
	await logInThroughForm(fac, 'facilitator');
	await fac.getByRole('link', { name: todaysMeeting }).click();
	await fac.getByRole('button', { name: 'Apri la lavagna' }).click();
	await expectConnected(fac);
	const boardId = new URL(fac.url()).pathname.split('/').at(-1)!;
	const api = `/api/boards/${boardId}`;
	const command = (name: string, data: object) =>
		fac.request.post(`${api}/commands/${name}`, { data });
	await command('settings', { anonymous: false, privateWriting: false, locked: false });
	await command('open-fields', { fields: [] });
	const card = await fac.request.post(`${api}/cards`, { data: { kind: 'need', text: need } });
	const { id: cardId } = (await card.json()) as { id: string };
	await fac.request.post(`${api}/priorities`, { data: { type: 'card', id: cardId } });
	let firstVersion = 0;
	let meetingId = '';
	const joinUrl = (await fac
		.getByRole('region', { name: 'Come partecipare' })
		.getByRole('link')
		.getAttribute('href'))!;

	await test.step('the facilitator makes a card from the priority and opens two fields', async () => {
		await fac.getByRole('button', { name: 'Stesura obiettivi', exact: true }).click();
		await fac
			.getByRole('region', { name: 'Priorità emerse dal voto' })
			.getByRole('button', { name: `Crea scheda obiettivo: ${need}` })
			.click();
		await expect(fac.getByRole('heading', { level: 3, name: need })).toBeVisible();
		await expect(field(fac, '14. Aree di bisogno')).toHaveValue(`• ${need}`);
		await expect(fac.getByText('1 campo su 21').first()).toBeVisible();
		const open = fac.getByRole('region', { name: 'Campi aperti ai partecipanti' });
		await open.getByRole('checkbox', { name: objectives }).check();
		await open.getByRole('checkbox', { name: actions }).check();
		await expect(open.getByRole('checkbox', { name: actions })).toBeChecked();
		await field(fac, budget).fill('n/d');
	});

	await test.step('the facilitator uses the other controls: enumerations, taxonomy, an indicator', async () => {
		await fac
			.getByRole('group', { name: /^15\. Tipologia di bisogno/ })
			.getByRole('radio', { name: 'NUOVO BISOGNO' })
			.check();
		await fac
			.getByRole('group', { name: /^16\. Tipologia di obiettivo/ })
			.getByRole('checkbox', { name: 'PREVENTIVO' })
			.check();
		await fac
			.getByRole('group', { name: /^17\. Presenza di modelli innovativi/ })
			.getByRole('radio', { name: 'n.d. (non disponibile)' })
			.check();
		const area = fac.getByRole('group', { name: 'Macroaree' }).getByRole('checkbox').first();
		await area.check();
		await fac.getByRole('button', { name: 'Aggiungi un indicatore' }).click();
		const indicator = fac.getByRole('group', { name: 'Indicatore 1' });
		await indicator.getByLabel('Livello').selectOption('outcome');
		await indicator.getByLabel('Tipo di misura').selectOption('ratio');
		for (const [label, text] of indicatorTexts) {
			await indicator.getByLabel(label).fill(text);
			await indicator.getByLabel(label).press('Tab');
			await expect(indicator.getByLabel(label)).toHaveValue(text);
		}
		await expect(area).toBeChecked();
	});

	const anna = await join(browser, joinUrl, 'Anna Verdi');
	const bruno = await join(browser, joinUrl, 'Bruno Neri');
	const everyone = [fac, anna, bruno];
	for (const page of [anna, bruno]) {
		await page.getByRole('button', { name: new RegExp(need) }).click();
		await expect(field(page, objectives)).toBeEditable();
		await expect(field(page, budget)).not.toBeEditable();
		await expect(field(page, budget)).toHaveValue('n/d');
	}
	await expectNoSeriousViolations(fac, 'the facilitator drafting a card');
	await expectNoSeriousViolations(anna, 'a participant drafting a card');

	await test.step('three people write at once, in two fields and in the same one', async () => {
		await field(anna, objectives).pressSequentially('Ridurre l’isolamento', { delay: 20 });
		for (const page of everyone)
			await expect(field(page, objectives)).toHaveValue('Ridurre l’isolamento');
		await field(fac, objectives).click();
		await field(fac, objectives).press('Control+Home');
		await field(anna, objectives).press('Control+End');
		await field(bruno, actions).click();
		await Promise.all([
			field(fac, objectives).pressSequentially('Obiettivo: ', { delay: 60 }),
			field(anna, objectives).pressSequentially(' degli anziani soli', { delay: 60 }),
			field(bruno, actions).pressSequentially('Trasporto sociale serale', { delay: 60 })
		]);
		for (const page of everyone) {
			await expect(field(page, objectives)).toHaveValue(
				'Obiettivo: Ridurre l’isolamento degli anziani soli'
			);
			await expect(field(page, actions)).toHaveValue('Trasporto sociale serale');
		}
	});

	await test.step('the server refuses an edit to a field not open to participants', async () => {
		// A guest of their own, outside every browser: the stock y-websocket client.
		const joined = await fetch(`${baseURL}/api/join`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: baseURL },
			body: JSON.stringify({
				code: joinUrl.split('/').at(-1),
				name: 'Dario Rota',
				organization: '',
				consent: true
			})
		});
		expect(joined.status).toBe(200);
		const cookie = joined.headers.get('set-cookie')!.split(';')[0]!;
		const dario = nodeClient(server, boardId, cookie);
		clients.push(dario);
		await dario.synced;
		const objective = readObjectives(dario.doc).find((o) => o.title === need)!;
		expect(objective.fields.budgetedResources).toBe('n/d');
		setObjectiveText(dario.doc, objective.id, 'budgetedResources', 'Tutto gratis');
		await expect
			.poll(() => dario.refusals)
			.toContainEqual(expect.stringMatching(/^4403 refused: objectives: this field is not open/));
		const fresh = nodeClient(server, boardId, cookie);
		clients.push(fresh);
		await fresh.synced;
		const kept = readObjectives(fresh.doc).find((o) => o.id === objective.id)!;
		expect(kept.fields.budgetedResources).toBe('n/d');
		for (const page of everyone) {
			await expect(field(page, budget)).toHaveValue('n/d');
			await expectConnected(page);
			await expect(page.getByRole('alert')).toHaveCount(0);
		}
		await field(bruno, actions).press('Control+End');
		await field(bruno, actions).pressSequentially(' e pasti a domicilio');
		await expect(field(fac, actions)).toHaveValue('Trasporto sociale serale e pasti a domicilio');
	});

	await test.step('comments: a thread with a reply, resolved by the facilitator', async () => {
		// Anna with the keyboard only: open the thread, write, send.
		await anna.getByText('Commenta «Obiettivi»').focus();
		await anna.keyboard.press('Enter');
		await anna.keyboard.press('Tab');
		await expect(
			anna.getByRole('textbox', { name: 'Nuovo commento su «Obiettivi»' })
		).toBeFocused();
		await anna.keyboard.type('Quali orari?');
		await anna.keyboard.press('Tab');
		await anna.keyboard.press('Enter');
		const summary = (page: Page, total: number, open: number) =>
			page.getByText(`Commenti su «Obiettivi»: ${total} (aperti: ${open})`);
		await summary(fac, 1, 1).click();
		await fac.getByRole('button', { name: 'Rispondi' }).click();
		await fac.getByRole('textbox', { name: 'La tua risposta' }).fill('Dalle 18 alle 21');
		await fac.getByRole('button', { name: 'Invia la risposta' }).click();
		await fac.getByRole('button', { name: 'Segna come risolto' }).click();
		await expect(summary(anna, 2, 0)).toBeVisible();
		await expect(anna.getByText('Dalle 18 alle 21')).toBeVisible();
		await expect(anna.getByText('Risolto', { exact: true })).toBeVisible();
	});

	await test.step('the outcome goes out twice; version 2 shows what changed', async () => {
		await crossCutting(fac).getByRole('radio', { name: 'NO' }).check();
		await expect(crossCutting(anna).getByRole('radio', { name: 'NO' })).toBeChecked();
		await expect(crossCutting(anna).getByRole('radio', { name: 'NO' })).toBeDisabled();
		await fac.getByRole('button', { name: 'Sintesi', exact: true }).click();
		await expect(field(anna, objectives)).not.toBeEditable();
		const panel = fac.getByRole('region', { name: 'Esito del tavolo' });
		// A first version, or a new one when this demo incontro already has an outcome (repeated runs).
		await panel
			.getByRole('button', { name: /^Invia (l'esito|una nuova versione dell'esito)$/ })
			.click();
		const version = Number(
			(await panel.getByRole('status').textContent())!.match(/Versione (\d+) inviata/)![1]
		);
		await crossCutting(fac).getByRole('radio', { name: 'SI' }).check();
		await panel.getByRole('button', { name: "Invia una nuova versione dell'esito" }).click();
		await expect(panel.getByRole('status')).toContainText(`Versione ${version + 1} inviata.`);
		// The diff is shown right away on the board, then on the version's page.
		const shown = panel
			.getByRole('region', { name: `Modifiche rispetto alla versione ${version}` })
			.getByRole('listitem')
			.filter({ hasText: 'Obiettivo trasversale ed integrato con altre aree di policy' });
		await expect(shown.getByRole('definition')).toHaveText(['NO', 'SI']);
		await expectNoSeriousViolations(fac, 'the board at sintesi, after a resubmission');
		await panel.getByRole('link', { name: `Apri la versione ${version + 1}` }).click();
		await expect(fac.getByRole('heading', { level: 1, name: 'Esito del tavolo' })).toBeVisible();
		await expectNoSeriousViolations(fac, 'the outcome page with its changes');
		const changes = fac.getByRole('region', {
			name: `Modifiche rispetto alla versione ${version}`
		});
		const change = changes
			.getByRole('listitem')
			.filter({ hasText: 'Obiettivo trasversale ed integrato con altre aree di policy' });
		await expect(change).toContainText(need);
		await expect(change.getByRole('definition')).toHaveText(['NO', 'SI']);
		const card = fac.getByRole('article', { name: need });
		await expect(card).toContainText('Obiettivo: Ridurre l’isolamento degli anziani soli');
		await expect(card).toContainText('Trasporto sociale serale e pasti a domicilio');
		await expect(card).toContainText(`Anziani soli la sera`);
		await fac.getByRole('link', { name: `Versione ${version}`, exact: true }).click();
		await expect(fac.getByRole('heading', { level: 2, name: `Versione ${version}` })).toBeVisible();
		firstVersion = version;
		meetingId = new URL(fac.url()).pathname.split('/')[2]!;
	});

	await test.step('GET /api/outcomes/:id has every field exactly as typed; version 1 is kept', async () => {
		const listed = (await (await fac.request.get(`/api/meetings/${meetingId}/outcome`)).json()) as {
			outcomeId: number;
			version: number;
		}[];
		const idOf = (v: number) => listed.find((o) => o.version === v)!.outcomeId;
		const read = async (v: number) => {
			const response = await fac.request.get(`/api/outcomes/${idOf(v)}`);
			expect(response.status()).toBe(200);
			return (await response.json()) as OutcomeRecord;
		};
		const [first, second] = [await read(firstVersion), await read(firstVersion + 1)];
		expect(first.version).toBe(firstVersion);
		expect(second.changesSincePrevious?.version).toBe(firstVersion);
		const mine = (o: OutcomeRecord) => o.objectives.find((card) => card.title === need)!;
		const drafted = {
			objectives: 'Obiettivo: Ridurre l’isolamento degli anziani soli',
			plannedActions: 'Trasporto sociale serale e pasti a domicilio',
			budgetedResources: 'n/d',
			needAreas: `• ${need}`,
			needType: 'NUOVO BISOGNO',
			objectiveType: ['PREVENTIVO'],
			innovativeCareModels: 'n/d'
		};
		expect(mine(first).fields).toMatchObject({ ...drafted, crossCuttingIntegrated: 'NO' });
		expect(mine(second).fields).toMatchObject({ ...drafted, crossCuttingIntegrated: 'SI' });
		expect(Object.keys(mine(second).fields)).toHaveLength(21);
		expect(mine(second).macroAreas).toHaveLength(1);
		expect(mine(second).indicators).toEqual([
			{
				level: 'outcome',
				kind: 'ratio',
				description: indicatorTexts[0][1],
				numerator: indicatorTexts[1][1],
				denominator: indicatorTexts[2][1],
				baseline: indicatorTexts[3][1],
				target: indicatorTexts[4][1]
			}
		]);
		// Traceable back to the sticky note it came from.
		expect(mine(second).sources).toEqual([
			expect.objectContaining({
				type: 'card',
				id: cardId,
				notes: [expect.objectContaining({ id: cardId, text: need })]
			})
		]);
	});
});
