import { expect, test, type APIRequestContext } from '@playwright/test';
import ExcelJS from 'exceljs';
import { demoIds, logInThroughApi, uniqueSuffix } from './helpers';

/**
 * [PO6a] `POST /api/plans/:id/import-sheet` (docs/API.md): the spreadsheet import of the
 * page, for scripts — guesses, confirm, all or nothing, on plans of both cycles — and the
 * JSON import's refusals of malformed objectives.
 */
async function newPlan(request: APIRequestContext, cycle: '2025-2027' | '2021-2023') {
	const created = await request.post('/api/plans', {
		data: { title: `Piano da foglio ${uniqueSuffix()}`, period: cycle, taxonomyVersion: cycle }
	});
	expect(created.status()).toBe(201);
	return ((await created.json()) as { id: number }).id;
}

const csvFile = (text: string) => ({
	name: 'obiettivi.csv',
	mimeType: 'text/csv',
	buffer: Buffer.from(text)
});

const sendSheet = (
	request: APIRequestContext,
	planId: number,
	file: ReturnType<typeof csvFile>,
	options?: unknown
) =>
	request.post(`/api/plans/${planId}/import-sheet`, {
		multipart: options === undefined ? { file } : { file, options: JSON.stringify(options) }
	});

const objectivesOf = async (request: APIRequestContext, planId: number) =>
	(await (await request.get(`/api/plans/${planId}/export?format=json`)).json()).objectives as {
		number: number;
		title: string;
		policyArea: string | null;
		fields: Record<string, unknown>;
	}[];

/** The layout of a 2021-2023 plan's table: its name, an empty row, the header; `;` and a BOM. */
const older =
	'\uFEFFPiano di Zona 2021-2023 — Ambito di prova;;;\n' +
	';;;\n' +
	'Area di policy;Titolo;DESCRIZIONE OBIETTIVO;QUALI RISULTATI VUOLE RAGGIUNGERE?\n' +
	'Famiglia;Centro per la famiglia;Aprire un centro;"Più famiglie seguite\nMeno allontanamenti"\n' +
	';;;\n' +
	'Casa;Agenzia per l’abitare;Un’agenzia sovracomunale;Più contratti a canone concordato\n';

test('[PO6a] on a 2021-2023 plan the guesses name that form’s fields, and confirm imports every row', async ({
	request
}) => {
	await logInThroughApi(request, 'admin');
	const planId = await newPlan(request, '2021-2023');
	const guessed = await sendSheet(request, planId, csvFile(older));
	expect(guessed.status()).toBe(200);
	const body = await guessed.json();
	expect(body).toMatchObject({ headerRow: 3, splitLists: [3], problems: [] });
	expect(body.columns).toEqual([
		{ index: 0, header: 'Area di policy', samples: ['Famiglia', 'Casa'], target: 'policyArea' },
		expect.objectContaining({ index: 1, target: 'title' }),
		expect.objectContaining({ index: 2, target: 'description' }),
		expect.objectContaining({
			index: 3,
			target: 'expectedResults',
			samples: ['Più famiglie seguite\nMeno allontanamenti', 'Più contratti a canone concordato']
		})
	]);
	expect(
		body.objectives.map((o: { row: number; policyArea: string }) => [o.row, o.policyArea])
	).toEqual([
		[4, 'Famiglia'],
		[6, 'Casa']
	]);
	expect(await objectivesOf(request, planId)).toEqual([]);

	const confirmed = await sendSheet(request, planId, csvFile(older), { confirm: true });
	expect(await confirmed.json()).toEqual({ imported: 2 });
	const saved = await objectivesOf(request, planId);
	expect(saved[0]).toMatchObject({
		number: 1,
		title: 'Centro per la famiglia',
		policyArea: 'Famiglia',
		fields: {
			title: 'Centro per la famiglia',
			description: 'Aprire un centro',
			expectedResults: '• Più famiglie seguite\n• Meno allontanamenti'
		}
	});
	expect(saved[1]).toMatchObject({ number: 2, policyArea: 'Casa' });
});

test('[PO6a] on the Seriate plan an XLSX with a notes sheet is guessed to the 2025-2027 form, nothing saved', async ({
	request
}) => {
	await logInThroughApi(request, 'admin');
	const { planId } = await demoIds(request);
	const before = (await objectivesOf(request, planId)).length;
	const workbook = new ExcelJS.Workbook();
	// A notes sheet before the table: the sheet whose header names our columns is read.
	workbook.addWorksheet('Note').addRows([['Note dell’Ufficio di Piano'], ['Da rivedere', 'sì']]);
	const sheet = workbook.addWorksheet('Obiettivi');
	sheet.addRows([
		['Obiettivi del Piano'],
		[],
		['Risultati attesi', 'OBIETTIVI', 'Azioni', 'Macro-aree'],
		['+20% utenti', 'Potenziare il SAD', 'Voucher\nTrasporti', 'A, B']
	]);
	const file = {
		name: 'obiettivi.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from(await workbook.xlsx.writeBuffer())
	};
	const answer = await sendSheet(request, planId, file);
	expect(answer.status()).toBe(200);
	const body = await answer.json();
	expect(body.headerRow).toBe(3);
	expect(body.columns.map((c: { target: string }) => c.target)).toEqual([
		'expectedResults',
		'objectives',
		'plannedActions',
		'macroAreas'
	]);
	expect(body.objectives[0]).toMatchObject({
		row: 4,
		number: before + 1,
		title: 'Potenziare il SAD',
		macroAreas: ['A', 'B'],
		fields: { plannedActions: '• Voucher\n• Trasporti' }
	});
	expect(await objectivesOf(request, planId)).toHaveLength(before);
});

test('[PO6a] with a problem, confirm saves nothing and names the row; the row left out, the rest imports', async ({
	request
}) => {
	await logInThroughApi(request, 'admin');
	const planId = await newPlan(request, '2025-2027');
	const csv =
		'Titolo,Obiettivo trasversale ed integrato con altre aree di policy\n' +
		'Casa,SI\n' +
		'\n' +
		'Lavoro,forse\n' +
		',NO\n';
	const refused = await sendSheet(request, planId, csvFile(csv), { confirm: true });
	expect(refused.status()).toBe(422);
	expect((await refused.json()).problems).toEqual([
		{ row: 5, column: null, problem: 'title-missing' }
	]);
	const stillBad = await sendSheet(request, planId, csvFile(csv), { skipRows: [5], confirm: true });
	expect(stillBad.status()).toBe(422);
	expect((await stillBad.json()).problems).toEqual([
		{ row: 4, column: 1, problem: 'invalid-value' }
	]);
	expect(await objectivesOf(request, planId)).toEqual([]);

	const done = await sendSheet(request, planId, csvFile(csv), { skipRows: [4, 5], confirm: true });
	expect(await done.json()).toEqual({ imported: 1 });
	expect((await objectivesOf(request, planId)).map((o) => o.title)).toEqual(['Casa']);
});

test('[PO6a] bad options are refused with every reason, and only the UdP imports', async ({
	request
}) => {
	await logInThroughApi(request, 'admin');
	const planId = await newPlan(request, '2021-2023');
	const file = csvFile('Titolo;Descrizione\nUno;Due\n');
	const refusals: [unknown, { path: string; problem: unknown }[]][] = [
		[{ zz: 1 }, [{ path: 'zz', problem: 'unknown-key zz' }]],
		[{ headerRow: 0 }, [{ path: 'headerRow', problem: expect.any(String) }]],
		[{ headerRow: 9 }, [{ path: 'headerRow', problem: 'not-a-row-with-text' }]],
		[
			{ mapping: { '5': 'title', '1': 'plannedActions' }, splitLists: [7], skipRows: [1] },
			[
				{ path: 'mapping.1', problem: 'unknown-target plannedActions' },
				{ path: 'mapping.5', problem: 'no-such-column' },
				{ path: 'splitLists[0]', problem: 'no-such-column' },
				{ path: 'skipRows[0]', problem: 'not-a-data-row' }
			]
		],
		[{ confirm: 'yes' }, [{ path: 'confirm', problem: expect.any(String) }]]
	];
	for (const [options, problems] of refusals) {
		// Each would import if its options were read: confirm is asked for.
		const answer = await sendSheet(request, planId, file, {
			confirm: true,
			...(options as object)
		});
		expect(answer.status(), JSON.stringify(options)).toBe(400);
		expect((await answer.json()).problems).toEqual(expect.arrayContaining(problems));
	}
	const notJson = await request.post(`/api/plans/${planId}/import-sheet`, {
		multipart: { file, options: '{"headerRow":' }
	});
	expect(notJson.status()).toBe(400);
	const noFile = await request.post(`/api/plans/${planId}/import-sheet`, {
		multipart: { options: '{}' }
	});
	expect(noFile.status()).toBe(400);
	expect(await objectivesOf(request, planId)).toEqual([]);

	await logInThroughApi(request, 'facilitator');
	expect((await sendSheet(request, planId, file, { confirm: true })).status()).toBe(403);
	await logInThroughApi(request, 'admin');
	expect(await objectivesOf(request, planId)).toEqual([]);
});

test('[PO6] a malformed JSON objective of each kind is refused with every problem, nothing saved', async ({
	request
}) => {
	await logInThroughApi(request, 'admin');
	const planId = await newPlan(request, '2025-2027');
	const objective = {
		number: 1,
		title: 'Casa',
		policyArea: null,
		fields: { target: 'Famiglie' },
		verbatim: {},
		macroAreas: [],
		keyPoints: {},
		leps: [],
		indicators: [],
		status: 'draft',
		approvedAt: null
	};
	const document = (objectives: unknown[]) => ({
		format: 'tavoli-plan-objectives',
		version: 1,
		plan: { title: 'Piano', period: '2025-2027', taxonomyVersion: '2025-2027' },
		policyAreas: [],
		objectives
	});
	const { fields: _, ...withoutFields } = objective;
	const refused = await request.post(`/api/plans/${planId}/import`, {
		data: document([
			{ ...objective, fields: 'Famiglie' },
			{ ...withoutFields, number: 2, title: 'Lavoro', verbatim: { target: 12 } }
		])
	});
	expect(refused.status()).toBe(400);
	const paths = ((await refused.json()).problems as { path: string }[]).map((p) => p.path);
	expect(paths).toEqual(
		expect.arrayContaining([
			'objectives[0].fields',
			'objectives[1].fields',
			'objectives[1].verbatim.target'
		])
	);
	expect(await objectivesOf(request, planId)).toEqual([]);
	const accepted = await request.post(`/api/plans/${planId}/import`, {
		data: document([objective])
	});
	expect(accepted.status()).toBe(200);
});
