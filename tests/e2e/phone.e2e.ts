import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations, logInThroughForm, uniqueSuffix } from './helpers';
import { closeVotingPages, joinBoard, openTodaysBoard, votingPage } from './voting-setup';

/**
 * Issue 13 on a phone (390×844): "Le mie schede" says where each of my cards is;
 * the card text counts its characters and refuses, never cuts, a text past 500;
 * a deleted card can be undone for a few seconds, and the others only lose it
 * once that window has passed; the ballot folds each cluster's cards under its
 * title; deleting a cluster asks first.
 */
const sfx = uniqueSuffix();
const giulia = { name: `Giulia Moretti ${sfx}`, organization: 'Auser Seriate' };
const marco = { name: `Marco Galli ${sfx}`, organization: 'Comune di Seriate' };

test.afterEach(closeVotingPages);

const card = (page: Page, text: string): Locator =>
	page.getByRole('article').filter({ hasText: text });
const myCards = (page: Page) => page.getByRole('region', { name: 'Le mie schede' });
const mine = (page: Page, text: string) =>
	myCards(page).getByRole('listitem').filter({ hasText: text });
const undoNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'Scheda eliminata' });

async function writeCard(page: Page, text: string) {
	await page.getByRole('textbox', { name: 'Testo della scheda' }).fill(text);
	await page.getByRole('button', { name: 'Aggiungi la scheda' }).click();
	await expect(card(page, text)).toBeVisible();
}

test('on a phone: the counter, my cards and where they are, undoing a delete', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const fac = await votingPage(browser);
	await logInThroughForm(fac, 'facilitator');
	const { joinUrl } = await openTodaysBoard(fac);
	const phone = await joinBoard(browser, joinUrl, giulia, true);
	const texts = {
		first: `Trasporti serali per le visite ${sfx}`,
		second: `Pasti a domicilio il sabato ${sfx}`,
		twin: `Pasti caldi nel fine settimana ${sfx}`,
		gone: `Scheda da eliminare ${sfx}`
	};

	await test.step('a phone has no keyboard: no list of keyboard shortcuts', async () => {
		await expect(fac.getByText('Scorciatoie da tastiera')).toBeVisible();
		await expect(phone.getByText('Scorciatoie da tastiera')).toBeHidden();
	});

	await test.step('the counter warns near 500 and keeps a longer paste whole', async () => {
		const box = phone.getByRole('textbox', { name: 'Testo della scheda' });
		await box.fill('b'.repeat(470));
		await expect(phone.getByText('470/500 caratteri · ne restano 30')).toBeVisible();
		await expect(phone.getByText('Ti avvicini al limite di 500 caratteri.')).toBeVisible();
		const pasted = `${'Un testo lungo incollato da un documento. '.repeat(13)}fine`;
		await box.fill('');
		await box.focus();
		await phone.keyboard.insertText(pasted);
		expect(pasted.length).toBeGreaterThan(500);
		await expect(box).toHaveValue(pasted);
		await expect(box).toHaveAttribute('aria-invalid', 'true');
		await expect(phone.getByText(`${pasted.length - 500} di troppo`)).toBeVisible();
		await expect(phone.getByText(/supera il limite di 500 caratteri/)).toBeVisible();
		await expectNoSeriousViolations(phone, 'composer past the limit (phone)');
		await phone.getByRole('button', { name: 'Aggiungi la scheda' }).click();
		await expect(box).toHaveValue(pasted);
		await expect(card(phone, 'Un testo lungo incollato')).toHaveCount(0);
		await box.fill('');
	});

	await test.step('my cards say where each one is, and lead to it', async () => {
		await expect(myCards(phone)).toContainText('Non hai ancora scritto schede.');
		await writeCard(phone, texts.first);
		await writeCard(phone, texts.second);
		await writeCard(fac, texts.twin);
		await expect(mine(phone, texts.first)).toContainText('Sulla lavagna');
		await expect(myCards(phone).getByRole('listitem')).toHaveCount(2);

		await fac.getByRole('button', { name: 'Raggruppamento', exact: true }).click();
		// The facilitator's board becomes the columns board: wait for it before typing.
		await expect(fac.getByRole('group', { name: 'Tipi mostrati' })).toBeVisible();
		const title = `Trasporti ${sfx}`;
		await fac.getByRole('textbox', { name: 'Nome del raggruppamento' }).fill(title);
		await fac.getByRole('button', { name: 'Crea il raggruppamento' }).click();
		await expect(fac.getByRole('region', { name: title })).toBeVisible();
		// While clustering the facilitator selects a card and uses the inspector.
		const inspector = fac.getByRole('region', { name: 'Scheda selezionata' });
		await card(fac, texts.first).getByRole('button').click();
		await inspector.getByRole('combobox', { name: /Sposta in/ }).selectOption(title);
		await inspector.getByRole('button', { name: /^Sposta/ }).click();
		for (const text of [texts.second, texts.twin]) {
			await card(fac, text).getByRole('button').click();
			await inspector.getByRole('checkbox', { name: /Seleziona per unire/ }).check();
		}
		await fac.getByRole('button', { name: 'Unisci le schede selezionate (2)' }).click();

		await expect(mine(phone, texts.first)).toContainText(`Nel raggruppamento «${title}»`);
		await expect(mine(phone, texts.second)).toContainText('Unita ad altre schede');
		await mine(phone, texts.second)
			.getByRole('link', { name: /Mostra sulla lavagna/ })
			.click();
		const merged = phone.getByRole('article').filter({ hasText: 'Unione di 2 schede:' });
		await expect(merged).toBeInViewport();
		await expectNoSeriousViolations(phone, 'my cards (phone)');
	});

	await test.step('a deleted card comes back with Annulla; the others never lose it', async () => {
		await fac.getByRole('button', { name: 'Raccolta', exact: true }).click();
		await writeCard(phone, texts.gone);
		await expect(card(fac, texts.gone)).toBeVisible();
		await card(phone, texts.gone)
			.getByRole('button', { name: /Elimina/ })
			.click();
		await expect(card(phone, texts.gone)).toHaveCount(0);
		await expect(mine(phone, texts.gone)).toHaveCount(0);
		await expect(undoNotice(phone)).toContainText(texts.gone.slice(0, 20));
		await expectNoSeriousViolations(phone, 'undo notice (phone)');
		await undoNotice(phone)
			.getByRole('button', { name: /Annulla/ })
			.click();
		await expect(card(phone, texts.gone)).toBeVisible();
		await expect(undoNotice(phone)).toHaveCount(0);
		// Longer than the undo window: nothing was deleted anywhere.
		await fac.waitForTimeout(7_000);
		await expect(card(fac, texts.gone)).toBeVisible();
		await expect(card(phone, texts.gone)).toBeVisible();
	});

	await test.step('without Annulla the delete reaches everyone once the window passes', async () => {
		await card(phone, texts.gone)
			.getByRole('button', { name: /Elimina/ })
			.click();
		await expect(card(phone, texts.gone)).toHaveCount(0);
		await expect(card(fac, texts.gone)).toBeVisible();
		await expect(card(fac, texts.gone)).toHaveCount(0, { timeout: 15_000 });
		await expect(undoNotice(phone)).toHaveCount(0);
	});

	await test.step('a card waiting for the reveal says so', async () => {
		await fac.getByRole('checkbox', { name: /Scrittura privata/ }).check();
		await expect(phone.getByText(/Scrittura privata: le tue schede/)).toBeVisible();
		const secret = `Sportello serale per i caregiver ${sfx}`;
		await phone.getByRole('textbox', { name: 'Testo della scheda' }).fill(secret);
		await phone.getByRole('button', { name: 'Aggiungi la scheda' }).click();
		await expect(mine(phone, secret)).toContainText('In attesa: la vedi solo tu');
		await fac.getByRole('button', { name: 'Rivela le schede private' }).click();
		await expect(mine(phone, secret)).toContainText('Sulla lavagna');
		await fac.getByRole('checkbox', { name: /Scrittura privata/ }).uncheck();
	});
});

test('the ballot folds each cluster’s cards; deleting a cluster asks first', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const fac = await votingPage(browser);
	await logInThroughForm(fac, 'facilitator');
	const { boardId, joinUrl } = await openTodaysBoard(fac);
	const phone = await joinBoard(browser, joinUrl, marco, true);
	const clusters = { night: `Trasporti serali ${sfx}`, spare: `Da eliminare ${sfx}` };
	const notes = [`Nessun pulmino dopo le 18 ${sfx}`, `Visite serali senza passaggio ${sfx}`];

	await test.step('the facilitator clusters two cards', async () => {
		for (const text of notes) {
			const r = await phone.request.post(`/api/boards/${boardId}/cards`, {
				data: { kind: 'need', text }
			});
			expect(r.status()).toBe(201);
		}
		await fac.getByRole('button', { name: 'Raggruppamento', exact: true }).click();
		// The facilitator's board becomes the columns board: wait for it before typing.
		await expect(fac.getByRole('group', { name: 'Tipi mostrati' })).toBeVisible();
		for (const title of Object.values(clusters)) {
			await fac.getByRole('textbox', { name: 'Nome del raggruppamento' }).fill(title);
			await fac.getByRole('button', { name: 'Crea il raggruppamento' }).click();
			await expect(fac.getByRole('region', { name: title })).toBeVisible();
		}
		const inspector = fac.getByRole('region', { name: 'Scheda selezionata' });
		for (const text of notes) {
			await card(fac, text).getByRole('button').click();
			await inspector.getByRole('combobox', { name: /Sposta in/ }).selectOption(clusters.night);
			await inspector.getByRole('button', { name: /^Sposta/ }).click();
			await expect(fac.getByRole('region', { name: clusters.night })).toContainText(text);
		}
	});

	await test.step('deleting a cluster asks, says where the cards go, and can be undone', async () => {
		const spare = fac.getByRole('region', { name: clusters.spare });
		await spare.getByRole('button', { name: /Elimina il raggruppamento/ }).click();
		const dialog = fac.getByRole('dialog', {
			name: `Eliminare il raggruppamento «${clusters.spare}»?`
		});
		await expect(dialog).toContainText('tornano tra le schede senza raggruppamento');
		await expect(dialog.getByRole('button', { name: 'Annulla' })).toBeFocused();
		await dialog.getByRole('button', { name: 'Annulla' }).click();
		await expect(dialog).toBeHidden();
		await expect(spare).toBeVisible();
		await spare.getByRole('button', { name: /Elimina il raggruppamento/ }).click();
		await dialog.getByRole('button', { name: 'Sì, elimina' }).click();
		await expect(spare).toHaveCount(0);
		const notice = fac.getByRole('status').filter({ hasText: 'eliminato' });
		await expect(notice).toContainText(clusters.spare);
		await notice.getByRole('button', { name: /Annulla/ }).click();
		await expect(spare).toBeVisible();
	});

	await test.step('on the phone ballot, a cluster’s cards unfold under its title', async () => {
		const desk = fac.getByRole('region', { name: 'Votazione', exact: true });
		await desk.getByRole('radio', { name: /Voto a punti/ }).check();
		await desk.getByRole('radio', { name: 'Raggruppamenti' }).check();
		await desk.getByRole('button', { name: 'Apri la votazione' }).click();
		const ballot = phone.getByRole('region', { name: 'Il tuo voto' });
		const item = ballot.getByRole('listitem').filter({ hasText: clusters.night });
		const disclosure = item.getByText('Schede del raggruppamento (2)');
		await expect(disclosure).toBeVisible();
		await expect(item.getByText(notes[0]!)).toBeHidden();
		await disclosure.click();
		for (const text of notes) await expect(item.getByText(text)).toBeVisible();
		// The empty cluster has nothing to unfold.
		const empty = ballot.getByRole('listitem').filter({ hasText: clusters.spare });
		await expect(empty.getByText(/Schede del raggruppamento/)).toHaveCount(0);
		await expectNoSeriousViolations(phone, 'ballot with a cluster unfolded (phone)');
		// Later journeys set up their own round on this board: leave it revealed, as they do.
		await desk.getByRole('button', { name: 'Chiudi la votazione' }).click();
		await desk.getByRole('button', { name: 'Mostra i risultati' }).click();
		await expect(desk.getByRole('button', { name: 'Apri la votazione' })).toBeVisible();
	});
});
