import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { logInThroughApi, uniqueSuffix } from './helpers';

/** The plan API of docs/API.md over HTTP: create a plan, import the real objectives, export them. */
const fixture = (name: string) =>
	JSON.parse(
		readFileSync(new URL(`../../../shared/domain/fixtures/${name}`, import.meta.url), 'utf8')
	);

test('[PO5-PO6] a plan created through the API takes the Seriate objectives and gives them back', async ({
	request
}) => {
	await logInThroughApi(request, 'admin');
	const created = await request.post('/api/plans', {
		data: {
			title: `Piano importato ${uniqueSuffix()}`,
			period: '2025-2027',
			taxonomyVersion: '2025-2027'
		}
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: number };

	const seriate = fixture('seriate-2025-2027-objectives.json');
	const broken = structuredClone(seriate);
	broken.objectives[0].macroAreas = ['Q'];
	const refused = await request.post(`/api/plans/${id}/import`, { data: broken });
	expect(refused.status()).toBe(400);
	expect((await refused.json()).problems).toContainEqual(
		expect.objectContaining({ objective: 1, problem: 'unknown-macro-area Q' })
	);

	const imported = await request.post(`/api/plans/${id}/import`, { data: seriate });
	expect(imported.status()).toBe(200);
	expect(await imported.json()).toMatchObject({ imported: 20, policyAreasCreated: 8 });

	const exported = await request.get(`/api/plans/${id}/export?format=json`);
	expect(exported.status()).toBe(200);
	const body = await exported.json();
	expect(body.objectives).toHaveLength(20);
	expect(body.objectives[0].verbatim.plannedActions).toBe(
		seriate.objectives[0].fields.plannedActions.verbatim
	);

	const docx = await request.get(`/api/plans/${id}/export?format=docx`);
	expect(docx.headers()['content-type']).toContain('wordprocessingml');
	expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
	expect((await request.get(`/api/plans/${id}/export?format=pdf`)).status()).toBe(400);
});

test('[PO6] the Valle Trompia cards go into a plan on the 2021-2023 taxonomy', async ({
	request
}) => {
	await logInThroughApi(request, 'admin');
	const created = await request.post('/api/plans', {
		data: {
			title: `Valle Trompia ${uniqueSuffix()}`,
			period: '2021-2023',
			taxonomyVersion: '2021-2023'
		}
	});
	expect(created.status()).toBe(201);
	const { id } = (await created.json()) as { id: number };
	const imported = await request.post(`/api/plans/${id}/import`, {
		data: fixture('valletrompia-2021-2023-objectives.json')
	});
	expect(await imported.json()).toMatchObject({ imported: 34 });
});

test('[PO1] only the UdP creates plans, and a bad body says why', async ({ request }) => {
	await logInThroughApi(request, 'facilitator');
	const denied = await request.post('/api/plans', {
		data: { title: 'No', period: '2025-2027', taxonomyVersion: '2025-2027' }
	});
	expect(denied.status()).toBe(403);
	await logInThroughApi(request, 'admin');
	const bad = await request.post('/api/plans', {
		data: { title: 'Piano', period: '2025-2026', taxonomyVersion: '2019-2021' }
	});
	expect(bad.status()).toBe(400);
	const fields = ((await bad.json()).problems as { field: string }[]).map((p) => p.field);
	expect(fields).toEqual(expect.arrayContaining(['period', 'taxonomyVersion']));
});
