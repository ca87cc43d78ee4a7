import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/auth/access';
import { templateFields } from '$lib/objectives/objective-template';
import { restoreRevision } from '$lib/plan-objectives/objective-edit-commands.server';
import { importObjectives } from '$lib/plan-objectives/plan-import.server';
import { planObjectiveRevisions, planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import {
	listRevisions,
	type PlanObjectiveRow
} from '$lib/plan-objectives/plan-objective-repo.server';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addPlan, addPolicyArea, TEST_NOW } from '$lib/server/db/test-fixtures';
import { loadTaxonomy } from '$lib/taxonomy/taxonomy-repo.server';
import { actions as directoryImport } from '../../src/routes/import/+page.server';
import { POST as importJson } from '../../src/routes/api/plans/[planId]/import/+server';
import { actions as objectiveList } from '../../src/routes/plans/[planId]/objectives/+page.server';
import { actions as objectivePage } from '../../src/routes/plans/[planId]/objectives/[objectiveId]/+page.server';
import { actions as sheetImport } from '../../src/routes/plans/[planId]/objectives/import-sheet/+page.server';
import { setRuntime } from '$lib/server/runtime';
import { asUdp, domainFixture } from '../support/domain';

/**
 * Issue 12 through the real form actions and endpoint, on a real SQLite file: a
 * bad request gets a 4xx with its reason and changes nothing; a form that omits
 * a control changes nothing it did not send.
 */
const fixture = domainFixture;

let t: TestDatabase;
let actor: Actor;
let planId: number;
let oldPlanId: number;
let areaId: number;

beforeAll(async () => {
	t = createTestDatabase();
	actor = await asUdp(t);
	const ambito = addAmbito(t.db);
	planId = addPlan(t.db, ambito);
	oldPlanId = addPlan(t.db, ambito, '2021-2023');
	const seriate = importObjectives(
		t.db,
		planId,
		fixture('seriate-2025-2027-objectives.json'),
		actor.userId,
		1
	);
	const trompia = importObjectives(
		t.db,
		oldPlanId,
		fixture('valletrompia-2021-2023-objectives.json'),
		actor.userId,
		1
	);
	if (!seriate.ok || !trompia.ok) throw new Error('fixture import refused');
	areaId = addPolicyArea(t.db, planId, 'Area aggiunta');
});
afterAll(() => {
	setRuntime(undefined);
	t.cleanup();
});

type Handler = (event: never) => unknown;

/** Calls a form action or endpoint as SvelteKit would, as the UdP. */
async function call(
	handler: Handler,
	path: string,
	params: Record<string, string>,
	body: FormData | string
) {
	const url = new URL(`http://localhost${path}`);
	const request = new Request(url, {
		method: 'POST',
		body,
		headers: typeof body === 'string' ? { 'content-type': 'application/json' } : {}
	});
	try {
		return await handler({ request, url, params, locals: { actor } } as never);
	} catch (thrown) {
		return thrown;
	}
}

const statusOf = (r: unknown) => (r as { status?: number }).status;
const dataOf = (r: unknown) => (r as { data: Record<string, unknown> }).data;

function objective(id: number): PlanObjectiveRow {
	return t.db.select().from(planObjectives).where(eq(planObjectives.id, id)).get()!;
}
function objectiveNumbered(plan: number, n: number): PlanObjectiveRow {
	return t.db
		.select()
		.from(planObjectives)
		.all()
		.find((o) => o.planId === plan && o.number === n)!;
}
const revisions = () => rowCount(t.db, planObjectiveRevisions);
const objectivesOf = (plan: number) =>
	t.db.select().from(planObjectives).where(eq(planObjectives.planId, plan)).all();

function form(entries: [string, string][]): FormData {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
}

/** The edit form exactly as the page sends it for a stored objective (CRLF, sentinels and all). */
function pageForm(o: PlanObjectiveRow): [string, string][] {
	const entries: [string, string][] = [
		['title', o.title],
		['policyAreaId', o.policyAreaId === null ? '' : String(o.policyAreaId)],
		['status', o.status],
		['approvedAt', o.approvedAt ?? '']
	];
	for (const f of templateFields(o.template)) {
		const v = o.fields[f.key];
		if (f.type === 'enumSet') {
			entries.push([`field:${f.key}`, '']);
			for (const x of Array.isArray(v) ? v : []) entries.push([`field:${f.key}`, x]);
		} else entries.push([`field:${f.key}`, typeof v === 'string' ? v.replace(/\n/g, '\r\n') : '']);
	}
	entries.push(['macroAreas', '']);
	for (const c of o.macroAreas) entries.push(['macroAreas', c]);
	const taxonomy = loadTaxonomy(t.db, o.template)!;
	for (const a of taxonomy.macroAreas.filter((a) => a.keyPoints.length)) {
		entries.push([`kp:${a.code}`, '']);
		for (const p of o.keyPoints[a.code] ?? []) entries.push([`kp:${a.code}`, p]);
	}
	if (taxonomy.leps.length) {
		entries.push(['leps', '']);
		for (const l of o.leps) entries.push(['leps', l]);
	}
	return entries;
}

const save = (o: PlanObjectiveRow, entries: [string, string][]) =>
	call(
		objectivePage.save as Handler,
		`/plans/${o.planId}/objectives/${o.id}?/save`,
		{ planId: String(o.planId), objectiveId: String(o.id) },
		form(entries)
	);

describe('[PO1] the objective edit form changes nothing it did not send', () => {
	it('a form with only the title changes the title and keeps every other part and its printed text', async () => {
		const before = objectiveNumbered(planId, 3);
		const result = await save(before, [['title', 'Titolo nuovo']]);
		expect(result).toEqual({ saved: true });
		const after = objective(before.id);
		expect(after).toMatchObject({ ...before, title: 'Titolo nuovo', updatedAt: TEST_NOW });
		expect(Object.keys(after.verbatim)).toHaveLength(21);
		expect(listRevisions(t.db, before.id)[0]!.changed).toEqual(['title']);
	});

	it('[PO6] a rewritten answer loses its printed text and footnote; the answers left alone keep theirs', async () => {
		const before = objectiveNumbered(planId, 2);
		expect(before.verbatim['asstInvolvement.footnote']).toMatch(/^\*Gestione comune/);
		expect(await save(before, [['field:asstInvolvement', 'NO']])).toEqual({ saved: true });
		const after = objective(before.id);
		expect(after.verbatim.asstInvolvement).toBeUndefined();
		expect(after.verbatim['asstInvolvement.footnote']).toBeUndefined();
		expect(after.verbatim['interAmbitoCooperation.footnote']).toBe(
			before.verbatim['interAmbitoCooperation.footnote']
		);
	});

	it('a form without any control is refused, changes nothing and records no revision', async () => {
		const before = objectiveNumbered(planId, 4);
		const count = revisions();
		expect(await save(before, [])).toMatchObject({
			status: 400,
			data: { problems: [{ field: '', problem: 'nothing-to-change' }] }
		});
		expect(objective(before.id)).toEqual(before);
		expect(revisions()).toBe(count);
	});

	it('the whole form sent back unchanged, as a browser sends it, changes nothing', async () => {
		const before = objectiveNumbered(planId, 5);
		const count = revisions();
		expect(await save(before, pageForm(before))).toEqual({ saved: true });
		expect(objective(before.id)).toEqual(before);
		expect(revisions()).toBe(count);
	});

	it('a checkbox group with only its empty sentinel clears it; without it, it is kept', async () => {
		const before = objectiveNumbered(planId, 6);
		expect(before.macroAreas.length).toBeGreaterThan(0);
		await save(before, [['field:objectiveType', '']]);
		expect(objective(before.id).macroAreas).toEqual(before.macroAreas);
		expect(objective(before.id).fields.objectiveType).toEqual([]);
		await save(before, [['macroAreas', '']]);
		expect(objective(before.id).macroAreas).toEqual([]);
		expect(objective(before.id).keyPoints).toEqual(before.keyPoints);
	});

	it('punti chiave of one macro-area change without touching the others', async () => {
		const before = objectiveNumbered(planId, 7);
		const [code, points] = Object.entries(before.keyPoints)[0]!;
		await save(before, [
			[`kp:${code}`, ''],
			[`kp:${code}`, points[0]!]
		]);
		expect(objective(before.id).keyPoints).toEqual({ ...before.keyPoints, [code]: [points[0]] });
	});

	const refusals: [string, [string, string][], RegExp][] = [
		['an unknown macro-area', [['macroAreas', 'Z']], /unknown-macro-area Z/],
		['an unknown punto chiave', [['kp:A', 'Punto inventato']], /unknown-key-point Punto inventato/],
		['punti chiave of an unknown macro-area', [['kp:C', 'x']], /unknown-macro-area C/],
		['an unknown LEPS', [['leps', 'LEPS inventato']], /unknown-leps LEPS inventato/],
		['a choice the template lacks', [['field:needType', 'BISOGNO INVENTATO']], /invalid-value/],
		[
			'an impossible date',
			[
				['status', 'approved'],
				['approvedAt', '2024-02-30']
			],
			/invalid-date/
		],
		[
			'approval without a date',
			[
				['status', 'approved'],
				['approvedAt', '']
			],
			/approval-date/
		],
		['a whitespace-only title', [['title', '   ']], /missing/],
		['a policy area of no plan', [['policyAreaId', '99999']], /unknown-policy-area/],
		['a control the form does not have', [['colore', 'rosso']], /unknown-key colore/],
		['a control character', [['field:target', 'Famiglie\u0007']], /invalid-text/],
		[
			'a title sent twice',
			[
				['title', 'A'],
				['title', 'B']
			],
			/sent-twice/
		]
	];
	for (const [name, entries, reason] of refusals)
		it(`refuses ${name} with 400 naming it, changing nothing`, async () => {
			const before = objectiveNumbered(planId, 8);
			const count = revisions();
			const result = await save(before, [['field:target', 'Cambiato'], ...entries]);
			expect(statusOf(result)).toBe(400);
			const problems = dataOf(result).problems as { field: string; problem: string }[];
			expect(problems.map((p) => `${p.field}: ${p.problem}`).join('\n')).toMatch(reason);
			expect(objective(before.id)).toEqual(before);
			expect(revisions()).toBe(count);
		});

	it('refuses a file where a text goes, instead of storing "[object File]"', async () => {
		const before = objectiveNumbered(planId, 8);
		const body = form([['field:target', 'Cambiato']]);
		body.append('title', new File(['Titolo'], 'titolo.txt'));
		const result = await call(
			objectivePage.save as Handler,
			`/plans/${before.planId}/objectives/${before.id}?/save`,
			{ planId: String(before.planId), objectiveId: String(before.id) },
			body
		);
		expect(statusOf(result)).toBe(400);
		expect(dataOf(result).problems).toEqual([{ field: 'title', problem: 'invalid-text' }]);
		expect(objective(before.id)).toEqual(before);
	});

	it('refuses a 2021-2023 choice outside the template', async () => {
		const before = objectiveNumbered(oldPlanId, 2);
		const result = await save(before, [['field:objectiveKind', 'Obiettivo qualsiasi']]);
		expect(statusOf(result)).toBe(400);
		expect(dataOf(result).problems).toEqual([{ field: 'objectiveKind', problem: 'invalid-value' }]);
		expect(objective(before.id)).toEqual(before);
	});

	it('accepts a policy area of the plan, and 29 February of a leap year', async () => {
		const before = objectiveNumbered(planId, 9);
		const result = await save(before, [
			['policyAreaId', String(areaId)],
			['status', 'approved'],
			['approvedAt', '2024-02-29']
		]);
		expect(result).toEqual({ saved: true });
		expect(objective(before.id)).toMatchObject({ policyAreaId: areaId, approvedAt: '2024-02-29' });
	});
});

describe('[PO4] restoring works on every revision', () => {
	it('restores the content of an objective stored approvato without a date, keeping its status', async () => {
		const row = objectiveNumbered(planId, 10);
		// The state the fixture import used to leave behind.
		t.db
			.update(planObjectives)
			.set({ status: 'approved', approvedAt: null })
			.where(eq(planObjectives.id, row.id))
			.run();
		expect(await save(row, [['title', 'Modificato']])).toEqual({ saved: true });
		const result = await call(
			objectivePage.restore as Handler,
			`/plans/${planId}/objectives/${row.id}?/restore`,
			{ planId: String(planId), objectiveId: String(row.id) },
			form([['revision', '1']])
		);
		expect(result).toEqual({ restored: 1 });
		expect(objective(row.id)).toMatchObject({
			title: row.title,
			fields: row.fields,
			verbatim: row.verbatim,
			status: 'approved',
			approvedAt: null
		});
	});

	it('brings back the printed text and fields a later edit dropped', () => {
		const row = objectiveNumbered(planId, 11);
		const edited = { ...row.fields, objectives: 'Riscritto' };
		t.db
			.update(planObjectives)
			.set({ fields: edited, verbatim: {} })
			.where(eq(planObjectives.id, row.id))
			.run();
		expect(restoreRevision(t.db, planId, row.id, 1, actor.userId, TEST_NOW).ok).toBe(true);
		expect(objective(row.id)).toMatchObject({ fields: row.fields, verbatim: row.verbatim });
	});

	it('answers 404 for a revision that does not exist, changing nothing', async () => {
		const row = objectiveNumbered(planId, 12);
		const result = await call(
			objectivePage.restore as Handler,
			`/plans/${planId}/objectives/${row.id}?/restore`,
			{ planId: String(planId), objectiveId: String(row.id) },
			form([['revision', '999']])
		);
		expect(statusOf(result)).toBe(404);
		expect(objective(row.id)).toEqual(row);
	});
});

/** JSON text nested 100,000 arrays deep where the document holds "DEEP": too deep to walk recursively. */
const DEEP = '"DEEP"';
const deepText = '['.repeat(100_000) + ']'.repeat(100_000);
const seriate = () => fixture('seriate-2025-2027-objectives.json');
const text = (doc: unknown) => JSON.stringify(doc).replace(DEEP, deepText);
function set<T>(doc: T, change: (d: T & Record<string, never>) => void): T {
	change(doc as T & Record<string, never>);
	return doc;
}
const badImports: [string, () => string][] = [
	['objective a string', () => text({ ...seriate(), objectives: ['x'] })],
	['objective null', () => text({ ...seriate(), objectives: [null] })],
	['objective nested deep', () => text({ ...seriate(), objectives: ['DEEP'] })],
	['fields a string', () => text(set(seriate(), (d) => (d.objectives[0].fields = 'campi')))],
	['fields a number', () => text(set(seriate(), (d) => (d.objectives[0].fields = 7)))],
	['fields nested deep', () => text(set(seriate(), (d) => (d.objectives[0].fields = 'DEEP')))],
	['policyAreas a string', () => text({ ...seriate(), policyAreas: 'aree' })],
	['policyAreas [1]', () => text({ ...seriate(), policyAreas: [1] })],
	['policyAreas nested deep', () => text({ ...seriate(), policyAreas: 'DEEP' })]
];

describe('[PO6] bad imports get 400 with every problem, never a 500', () => {
	it('a body that is not JSON: invalid-json, from the endpoint and the file form', async () => {
		const empty = addPlan(t.db, addAmbito(t.db, 'Non JSON'));
		const params = { planId: String(empty) };
		const api = (await call(
			importJson as Handler,
			`/api/plans/${empty}/import`,
			params,
			'{"objectives": ['
		)) as Response;
		expect(api.status).toBe(400);
		const problem = { objective: null, field: null, problem: 'invalid-json', path: '' };
		expect(await api.json()).toEqual({ problems: [problem] });
		const body = new FormData();
		body.append('file', new File(['{"objectives": ['], 'piano.json'));
		const page = await call(
			objectiveList.import as Handler,
			`/plans/${empty}/objectives?/import`,
			params,
			body
		);
		expect(statusOf(page)).toBe(400);
		expect(dataOf(page).importProblems).toEqual([problem]);
		expect(objectivesOf(empty)).toEqual([]);
	});

	for (const [name, doc] of badImports) {
		it(`POST /api/plans/:id/import: ${name}`, async () => {
			const empty = addPlan(t.db, addAmbito(t.db, name));
			const response = (await call(
				importJson as Handler,
				`/api/plans/${empty}/import`,
				{ planId: String(empty) },
				doc()
			)) as Response;
			expect(response.status).toBe(400);
			const body = (await response.json()) as { problems: { path: string; problem: string }[] };
			expect(body.problems.length).toBeGreaterThan(0);
			expect(body.problems[0]!.path).toMatch(/^(objectives|policyAreas)/);
			if (name.endsWith('deep')) expect(body.problems[0]!.problem).toBe('too-deep');
			expect(objectivesOf(empty)).toEqual([]);
		});

		it(`the objectives page's file form: ${name}`, async () => {
			const empty = addPlan(t.db, addAmbito(t.db, `${name} (file)`));
			const file = new File([doc()], 'piano.json', { type: 'application/json' });
			const body = new FormData();
			body.append('file', file);
			const result = await call(
				objectiveList.import as Handler,
				`/plans/${empty}/objectives?/import`,
				{ planId: String(empty) },
				body
			);
			expect(statusOf(result)).toBe(400);
			expect((dataOf(result).importProblems as unknown[]).length).toBeGreaterThan(0);
			expect(objectivesOf(empty)).toEqual([]);
		});
	}
});

describe('sheet and directory imports refuse what they cannot take', () => {
	const upload = (text: string) => {
		const body = new FormData();
		body.append('file', new File([text], 'obiettivi.csv', { type: 'text/csv' }));
		return call(
			sheetImport.upload as Handler,
			`/plans/${planId}/objectives/import-sheet?/upload`,
			{ planId: String(planId) },
			body
		);
	};

	it('a CSV of 200,000 short rows is a 400, not a stack overflow', async () => {
		const result = await upload('Titolo\n' + 'a\n'.repeat(200_000));
		expect(statusOf(result)).toBe(400);
		expect(dataOf(result)).toEqual({ fileError: 'sheet_too_many_rows' });
	});

	it('a CSV wider than any plan layout is a 400', async () => {
		const result = await upload('a;'.repeat(100_000) + '\nb');
		expect(statusOf(result)).toBe(400);
		expect(dataOf(result)).toEqual({ fileError: 'too_many_columns' });
	});

	it('an unknown column target is a 400 naming it, not "ignore"', async () => {
		const count = rowCount(t.db, planObjectives);
		const result = await call(
			sheetImport.confirm as Handler,
			`/plans/${planId}/objectives/import-sheet?/confirm`,
			{ planId: String(planId) },
			form([
				[
					'rows',
					JSON.stringify([
						{ row: 1, cells: ['Titolo', 'Colonna'] },
						{ row: 2, cells: ['Nuovo obiettivo', 'x'] }
					])
				],
				['headerRow', '1'],
				['column-0', 'title'],
				['column-1', 'field:inventato']
			])
		);
		expect(statusOf(result)).toBe(400);
		expect(dataOf(result)).toEqual({
			fileError: 'unknown_column_target',
			columns: ['column-1: field:inventato']
		});
		expect(rowCount(t.db, planObjectives)).toBe(count);
	});

	it('a directory import of an unknown kind is a 400, not organisations', async () => {
		const body = new FormData();
		body.append('kind', 'comuni');
		body.append('file', new File(['Nome;Tipo\nComune di Prova;comune\n'], 'a.csv'));
		const result = await call(directoryImport.preview as Handler, '/import?/preview', {}, body);
		expect(statusOf(result)).toBe(400);
		expect(dataOf(result)).toMatchObject({ fileError: 'unknown_kind' });
	});

	it('an Ambito id that names none is a 404, not the first Ambito', async () => {
		const body = new FormData();
		body.append('kind', 'organizations');
		body.append(
			'table',
			JSON.stringify([
				['Nome', 'Tipo'],
				['Comune di Prova', 'comune']
			])
		);
		const result = await call(
			directoryImport.confirm as Handler,
			'/import?ambito=999&/confirm',
			{},
			body
		);
		expect(statusOf(result)).toBe(404);
	});
});
