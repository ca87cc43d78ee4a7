import { expect, test } from '@playwright/test';
import { demoIds } from './demo-db';
import { apiAs, closeVotingPages, joinBoard, todaysBoardByApi } from './voting-setup';

/**
 * One voice per organisation in the booth (voting SPEC V4, attendance J8): the
 * delegate the facilitator confirmed gets the ballot; a colleague who typed the
 * same organisation is told that the delegate votes for it, and sees nothing of
 * the organisation's choices until the facilitator confirms them too.
 */
test.afterAll(closeVotingPages);

test('the delegate fills in the organisation’s ballot; a colleague is told who votes for it', async ({
	browser
}) => {
	const fac = await apiAs('facilitator');
	const { boardId, joinCode } = await todaysBoardByApi(fac);
	const joinUrl = `/join/${joinCode}`;
	const org = 'Associazione Amici del Borgo';
	const delegate = await joinBoard(browser, joinUrl, { name: 'Dora Delegata', organization: org });
	const colleague = await joinBoard(browser, joinUrl, { name: 'Carlo Collega', organization: org });
	const card = await fac.post(`/api/boards/${boardId}/cards`, {
		data: { kind: 'need', text: 'Un pulmino per il borgo' }
	});
	expect(card.status()).toBe(201);
	const me = (await (await delegate.request.get(`/api/boards/${boardId}`)).json()) as {
		me: { participantId: string };
	};
	const meetingId = demoIds().todayMeeting;
	const confirm = await fac.put(
		`/api/meetings/${meetingId}/attendance/${me.me.participantId}/delegate`
	);
	expect(confirm.status()).toBe(200);
	const round = await fac.post(`/api/boards/${boardId}/rounds`, {
		data: { method: 'dot', targets: 'cards', voice: 'organization', budget: 3, cap: 3 }
	});
	expect(round.status()).toBe(201);

	await expect(delegate.getByRole('heading', { name: 'Il tuo voto' })).toBeVisible();
	await delegate
		.getByRole('button', { name: 'Aggiungi un punto a «Un pulmino per il borgo»' })
		.click();
	await expect(delegate.getByText('Punti rimasti: 2 su 3')).toBeVisible();

	await expect(
		colleague.getByRole('status').filter({ hasText: 'la compila il suo delegato' })
	).toBeVisible();
	await expect(colleague.getByRole('heading', { name: 'Il tuo voto' })).toHaveCount(0);
	await expect(colleague.getByText(/Punti rimasti/)).toHaveCount(0);

	// Once confirmed too, the colleague's page shows the organisation's one ballot.
	const colleagueId = (
		(await (await colleague.request.get(`/api/boards/${boardId}`)).json()) as {
			me: { participantId: string };
		}
	).me.participantId;
	const second = await fac.put(`/api/meetings/${meetingId}/attendance/${colleagueId}/delegate`);
	expect(second.status()).toBe(200);
	await expect(colleague.getByText('Punti rimasti: 2 su 3')).toBeVisible();
	await fac.dispose();
});
