import { expect, test } from '@playwright/test';
import { demoIds } from './demo-db';
import { apiAs, guestByApi, todaysBoardByApi } from './voting-setup';

/**
 * Issue 12, data loss: a request changes only what it names. A foglio firme
 * correction without `organization` used to blank the organisation; a form
 * without one of its controls used to blank the stored value.
 */
test('PATCH of a foglio firme line without organization keeps the organisation', async () => {
	const fac = await apiAs('facilitator');
	const { joinCode } = await todaysBoardByApi(fac);
	const guest = await guestByApi(joinCode, 'Maria Parziale', 'Cooperativa Il Sentiero');
	const line = `/api/meetings/${demoIds().todayMeeting}/attendance/${guest.participantId}`;
	const read = async () => {
		const sheet = await fac.get(`/api/meetings/${demoIds().todayMeeting}/attendance`);
		const lines = (await sheet.json()) as { id: string; name: string; organization: string }[];
		return lines.find((l) => l.id === guest.participantId);
	};
	const renamed = await fac.patch(line, { data: { name: 'Maria Rossi' } });
	expect(renamed.status()).toBe(200);
	expect(await read()).toMatchObject({
		name: 'Maria Rossi',
		organization: 'Cooperativa Il Sentiero'
	});
	const before = await read();
	for (const data of [{}, { organization: 7 }, { name: '   ' }, { name: 'X', extra: 1 }]) {
		const refused = await fac.patch(line, { data });
		expect(refused.status(), JSON.stringify(data)).toBe(400);
	}
	expect(await read()).toEqual(before);
	await guest.request.dispose();
	await fac.dispose();
});

test('an organisation edit form without some controls is refused and changes nothing', async () => {
	const admin = await apiAs('admin');
	const page = `/organizations/${demoIds().organizationId}`;
	const read = async () => (await admin.get(`${page}/__data.json`)).text();
	const before = await read();
	const refused = await admin.post(`${page}?/save`, {
		form: { name: 'Nome cambiato', type: 'social_cooperative', sector: 'third_sector' },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(400);
	expect(await read()).toEqual(before);
	await admin.dispose();
});
