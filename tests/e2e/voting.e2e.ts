import { expect, test, type Page } from '@playwright/test';
import { logInThroughForm } from './helpers';
import {
	closeVotingPages,
	expectConnected,
	joinBoard,
	openTodaysBoard,
	votingPage
} from './voting-setup';

/**
 * Voting on the live board (issue 5), as a workshop runs it: the facilitator
 * clusters the cards, opens a dot vote on the clusters, four people vote on
 * their phones and laptops and say they are done; the facilitator sees how many
 * are done but no totals until the reveal, then promotes two clusters.
 */
const clusters = {
	health: 'Accompagnamento sanitario',
	meals: 'Pasti e spesa a casa',
	carers: 'Sollievo ai caregiver'
};
const cards = [
	['anna', 'Nessuno accompagna alle visite in ospedale', clusters.health],
	['bruno', 'Pasti caldi per chi vive da solo', clusters.meals],
	['carla', 'Un pomeriggio libero per chi assiste un familiare', clusters.carers],
	['dario', 'La spesa a domicilio nei paesi senza negozi', clusters.meals]
] as const;
const people = {
	anna: { name: 'Anna Verdi', organization: 'Cooperativa Il Sole' },
	bruno: { name: 'Bruno Neri', organization: 'Comune di Pedrengo' },
	carla: { name: 'Carla Bianchi', organization: 'Auser Seriate' },
	dario: { name: 'Dario Rota', organization: '' }
};

test.afterEach(closeVotingPages);

const ballot = (page: Page) => page.getByRole('region', { name: 'Il tuo voto' });
const add = (page: Page, item: string) =>
	ballot(page).getByRole('button', { name: `Aggiungi un punto a «${item}»` });
const counter = (page: Page) => ballot(page).getByRole('status').first();
const ranking = (page: Page) => page.getByRole('list', { name: 'Classifica (Voto a punti)' });
const result = (page: Page, item: string) =>
	ranking(page).getByRole('listitem').filter({ hasText: item });

async function vote(page: Page, dots: Partial<Record<string, number>>) {
	for (const [item, count] of Object.entries(dots))
		for (let i = 0; i < count!; i++) await add(page, item).click();
}

test('a dot vote on clusters: done count without totals, reveal, priorities', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const fac = await votingPage(browser);
	await logInThroughForm(fac, 'facilitator');
	const { boardId, joinUrl } = await openTodaysBoard(fac);
	const participants = {
		anna: await joinBoard(browser, joinUrl, people.anna),
		bruno: await joinBoard(browser, joinUrl, people.bruno),
		carla: await joinBoard(browser, joinUrl, people.carla, true),
		dario: await joinBoard(browser, joinUrl, people.dario)
	};
	const all = Object.values(participants);

	await test.step('participants write cards, the facilitator clusters them', async () => {
		for (const [who, text] of cards) {
			const r = await participants[who].request.post(`/api/boards/${boardId}/cards`, {
				data: { kind: 'need', text }
			});
			expect(r.status()).toBe(201);
		}
		await fac.getByRole('button', { name: 'Raggruppamento', exact: true }).click();
		for (const title of Object.values(clusters)) {
			await fac.getByRole('textbox', { name: 'Nome del raggruppamento' }).fill(title);
			await fac.getByRole('button', { name: 'Crea il raggruppamento' }).click();
			await expect(fac.getByRole('region', { name: title })).toBeVisible();
		}
		for (const [, text, cluster] of cards) {
			// Select the card, then move it from the inspector (issue 13).
			await fac.getByRole('article').filter({ hasText: text }).getByRole('button').click();
			const inspector = fac.getByRole('region', { name: 'Scheda selezionata' });
			await inspector.getByRole('combobox', { name: /Sposta in/ }).selectOption(cluster);
			await inspector.getByRole('button', { name: /^Sposta/ }).click();
			await expect(fac.getByRole('region', { name: cluster })).toContainText(text);
		}
	});

	const desk = fac.getByRole('region', { name: 'Votazione', exact: true });
	await test.step('the facilitator opens a dot vote on the clusters', async () => {
		await desk.getByRole('radio', { name: /Voto a punti/ }).check();
		await desk.getByRole('radio', { name: 'Raggruppamenti' }).check();
		await desk.getByRole('spinbutton', { name: 'Punti per persona' }).fill('5');
		await desk.getByRole('spinbutton', { name: 'Massimo di punti per voce' }).fill('3');
		await desk.getByRole('button', { name: 'Apri la votazione' }).click();
		await expect(desk.getByText('Votazione aperta')).toBeVisible();
		await expect(desk.getByText('Schede ricevute: 0 · Hanno finito: 0 su 0')).toBeVisible();
	});

	await test.step('everyone votes; the cap and the budget hold; undo restores', async () => {
		for (const page of all) await expect(counter(page)).toHaveText('Punti rimasti: 5 su 5');
		const { anna, bruno, carla, dario } = participants;
		// Carla votes on a phone: every control of her ballot is a 44px target.
		for (const button of await ballot(carla).getByRole('button').all()) {
			const box = (await button.boundingBox())!;
			expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
		}
		await vote(anna, { [clusters.health]: 3, [clusters.meals]: 2 });
		await expect(counter(anna)).toHaveText('Punti rimasti: 0 su 5');
		// "+" is marked disabled at the limit but still answers, saying why.
		await add(anna, clusters.carers).click({ force: true });
		await expect(ballot(anna).getByRole('alert')).toHaveText(/Hai già usato tutti i tuoi punti/);
		await vote(bruno, { [clusters.health]: 2, [clusters.carers]: 3 });
		await vote(carla, { [clusters.meals]: 3 });
		await add(carla, clusters.meals).click({ force: true });
		await expect(ballot(carla).getByRole('alert')).toHaveText(/il massimo dei punti/);
		await expect(counter(carla)).toHaveText('Punti rimasti: 2 su 5');
		await ballot(carla).getByRole('button', { name: "Annulla l'ultima modifica" }).click();
		await expect(counter(carla)).toHaveText('Punti rimasti: 3 su 5');
		await vote(carla, { [clusters.carers]: 2 });
		await vote(dario, { [clusters.health]: 1, [clusters.meals]: 1 });
		for (const page of all) {
			await ballot(page).getByRole('button', { name: 'Ho finito' }).click();
			await expect(ballot(page).getByText(/^Hai finito\./)).toBeVisible();
		}
	});

	await test.step('the facilitator sees 4 of 4 done, nobody sees totals', async () => {
		await expect(desk.getByText('Hanno finito: 4 su 4')).toBeVisible();
		const projector = await fac.context().newPage();
		await projector.goto(`/boards/${boardId}/projector`);
		await expect(projector.getByRole('heading', { name: 'Votazione in corso' })).toBeVisible();
		await expect(projector.getByText('Hanno finito: 4 su 4')).toBeVisible();
		for (const page of [fac, projector, ...all]) {
			await expect(page.getByRole('list', { name: /^Classifica/ })).toHaveCount(0);
			await expect(page.getByText(/punt[oi] Borda|somma delle medie|^\d+ punt[oi]$/)).toHaveCount(
				0
			);
			await expect(page.getByText(/^Risultati/)).toHaveCount(0);
		}
		await projector.close();
	});

	await test.step('reveal: results for the facilitator, the projector and the participants', async () => {
		await desk.getByRole('button', { name: 'Mostra i risultati' }).click();
		await expect(result(fac, clusters.health)).toContainText('6 punti');
		await expect(result(fac, clusters.health)).toContainText(
			'Enti pubblici 2 · Terzo Settore 0 · Non indicato 4'
		);
		const tie = desk.getByText(/^Parità tra:/);
		for (const item of [clusters.meals, clusters.carers]) await expect(tie).toContainText(item);
		await expect(desk.getByText('Schede: 4')).toBeVisible();
		await expect(desk.getByRole('button', { name: 'Ballottaggio' })).toBeVisible();
		const projector = await fac.context().newPage();
		await projector.goto(`/boards/${boardId}/projector`);
		await expect(
			projector.getByRole('heading', { level: 2, name: 'Risultati: Voto a punti' })
		).toBeVisible();
		await expect(result(projector, clusters.meals)).toContainText('5 punti');
		await projector.close();
		await expect(result(participants.carla, clusters.carers)).toContainText('5 punti');
	});

	await test.step('two clusters become priorities; one can be taken back', async () => {
		for (const item of [clusters.health, clusters.meals, clusters.carers])
			await desk.getByRole('button', { name: `Promuovi a priorità «${item}»` }).click();
		const list = desk.getByRole('region', { name: 'Priorità scelte' });
		await list.getByRole('button', { name: `Togli «${clusters.carers}» dalle priorità` }).click();
		// Earlier journeys on today's board may have left priorities of their own.
		const ours = list
			.getByRole('listitem')
			.filter({ hasText: new RegExp(Object.values(clusters).join('|')) });
		await expect(ours).toHaveText([new RegExp(clusters.health), new RegExp(clusters.meals)]);
		await fac.reload();
		await expectConnected(fac);
		await expect(ours).toHaveCount(2);
	});
});
