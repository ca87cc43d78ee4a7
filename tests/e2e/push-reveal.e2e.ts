import { expect, test, type Page, type Request } from '@playwright/test';
import { apiAs, closeVotingPages, joinBoard, todaysBoardByApi } from './voting-setup';

/**
 * Push, not poll (issue 16; voting SPEC V12, board SPEC B16): a participant's
 * page learns of a reveal, and of the fate of its waiting card, on the board's
 * socket. The page makes no request at all from the moment it waits until it
 * shows the news: the signal carries what the page shows (the results are
 * public from the reveal on), so nothing is fetched, and an idle page polls
 * nothing meanwhile either. A signal missed while offline is made up for by
 * one read when the socket syncs again.
 */
test.afterAll(closeVotingPages);

/** Every HTTP request the page makes from now on (the socket's frames are not requests). */
function recordRequests(page: Page): { urls: string[]; stop(): void } {
	const urls: string[] = [];
	const onRequest = (request: Request) => urls.push(`${request.method()} ${request.url()}`);
	page.on('request', onRequest);
	return { urls, stop: () => page.off('request', onRequest) };
}

// Longer than any poll the board page had (2.5 s rounds, 3 s moderation, 5 s waiting cards).
const IDLE_MS = 6000;

test('a reveal and a moderation decision reach a participant’s page with no request from it', async ({
	browser
}) => {
	const fac = await apiAs('facilitator');
	const { boardId, joinCode } = await todaysBoardByApi(fac);
	const text = 'Un centro diurno aperto il sabato';
	expect(
		(await fac.post(`/api/boards/${boardId}/cards`, { data: { kind: 'need', text } })).status()
	).toBe(201);
	const page = await joinBoard(browser, `/join/${joinCode}`, {
		name: 'Elena Push',
		organization: 'Cooperativa Sabato'
	});

	await test.step('the round opens, the participant votes, the facilitator closes it', async () => {
		const round = await fac.post(`/api/boards/${boardId}/rounds`, {
			data: { method: 'dot', targets: 'cards', budget: 3, cap: 3 }
		});
		expect(round.status()).toBe(201);
		const { roundId } = (await round.json()) as { roundId: number };
		await page.getByRole('button', { name: `Aggiungi un punto a «${text}»` }).click();
		await expect(page.getByText('Punti rimasti: 2 su 3')).toBeVisible();
		expect((await fac.post(`/api/rounds/${roundId}/status/close`)).status()).toBe(200);
		await expect(
			page.getByText('Votazione chiusa: i risultati arriveranno tra poco.')
		).toBeVisible();

		const requests = recordRequests(page);
		await page.waitForTimeout(IDLE_MS);
		expect(requests.urls, 'an idle page polls nothing').toEqual([]);
		expect((await fac.post(`/api/rounds/${roundId}/status/reveal`)).status()).toBe(200);
		const ranking = page.getByRole('list', { name: 'Classifica (Voto a punti)' });
		await expect(ranking.getByRole('listitem').filter({ hasText: text })).toContainText(/1 punt/);
		requests.stop();
		expect(requests.urls, 'the reveal came with the signal').toEqual([]);
	});

	await test.step('an anonymous card waits, then the facilitator rejects it', async () => {
		const commands = (name: string, data: object) =>
			fac.post(`/api/boards/${boardId}/commands/${name}`, { data });
		expect((await commands('phase', { phase: 'collect' })).status()).toBe(200);
		expect((await commands('settings', { anonymous: true })).status()).toBe(200);
		const mine = 'Nessuno risponde al telefono la sera';
		const sent = await page.request.post(`/api/boards/${boardId}/cards`, {
			data: { kind: 'problem', text: mine }
		});
		expect(sent.status()).toBe(201);
		const card = page
			.getByRole('region', { name: 'Le mie schede' })
			.getByRole('listitem')
			.filter({ hasText: mine });
		await expect(card).toContainText("In attesa dell'approvazione del facilitatore");

		const requests = recordRequests(page);
		const queue = (await (await fac.get(`/api/boards/${boardId}/moderation`)).json()) as {
			id: string;
			text: string;
		}[];
		const item = queue.find((i) => i.text === mine)!;
		const decision = await fac.post(`/api/boards/${boardId}/moderation/${item.id}`, {
			data: { approve: false }
		});
		expect(decision.status()).toBe(200);
		await expect(card).toContainText('Non approvata dal facilitatore');
		requests.stop();
		expect(requests.urls, 'the decision came with the signal').toEqual([]);
		expect((await commands('settings', { anonymous: false })).status()).toBe(200);
	});

	await test.step('a reveal missed while offline shows once the socket is back', async () => {
		const round = await fac.post(`/api/boards/${boardId}/rounds`, {
			data: { method: 'dot', targets: 'cards', budget: 3, cap: 3 }
		});
		expect(round.status()).toBe(201);
		const { roundId } = (await round.json()) as { roundId: number };
		await expect(page.getByText('Punti rimasti: 3 su 3')).toBeVisible();
		await page.context().setOffline(true);
		await expect(page.getByRole('status').filter({ hasText: 'Connessione persa' })).toBeVisible();
		expect((await fac.post(`/api/rounds/${roundId}/status/reveal`)).status()).toBe(200);
		await page.context().setOffline(false);
		await expect(
			page.getByRole('list', { name: 'Classifica (Voto a punti)' }).getByRole('listitem')
		).not.toHaveCount(0);
		await expect(page.getByText('Punti rimasti: 3 su 3')).toHaveCount(0);
	});
	await fac.dispose();
});
