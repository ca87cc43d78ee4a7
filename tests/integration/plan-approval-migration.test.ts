import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreRevision } from '$lib/plan-objectives/objective-edit-commands.server';
import { planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import {
	listRevisions,
	recordRevision,
	type PlanObjectiveRow
} from '$lib/plan-objectives/plan-objective-repo.server';
import type { Database } from '$lib/server/db/database';
import { ensureTaxonomies } from '$lib/taxonomy/taxonomy-repo.server';
import { addPlanAsFirstWritten, databaseBefore } from '../support/migrations';

/**
 * [PO1] drizzle/0008_approval_dates.sql, on a database in the state the fixture
 * import left: approvato without a date (or with an impossible one) becomes
 * consolidato with a revision naming the change; real approvals stay.
 */
let removeDatabase: () => void;
let database: Database;

const ids: Record<string, number> = {};

beforeAll(() => {
	const before = databaseBefore('0008_approval_dates');
	database = before.database;
	removeDatabase = before.remove;
	ensureTaxonomies(database.db);
	const planId = addPlanAsFirstWritten(database);
	const cases: [string, string, string | null][] = [
		['noDate', 'approved', null],
		['impossible', 'approved', '2024-02-30'],
		['approved', 'approved', '2024-02-29'],
		['draft', 'draft', null]
	];
	// Written as the schema stood before 0008: later columns (0009's archived_at) are not there yet.
	const insert = database.sqlite.prepare(
		`insert into plan_objectives (plan_id, number, title, template, fields, verbatim, macro_areas,
			key_points, leps, indicators, status, approved_at, created_at, updated_at)
		values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)`
	);
	cases.forEach(([name, status, approvedAt], i) => {
		const values = {
			planId,
			number: i + 1,
			title: `Obiettivo ${name}`,
			template: '2025-2027',
			fields: { target: 'Famiglie' },
			verbatim: { target: '<p>Famiglie</p>' },
			macroAreas: ['A'],
			keyPoints: {},
			leps: [],
			indicators: [],
			status: status as 'approved' | 'draft',
			approvedAt
		};
		const id = Number(
			insert.run(
				...[values.planId, values.number, values.title, values.template],
				...[values.fields, values.verbatim, values.macroAreas, values.keyPoints].map((v) =>
					JSON.stringify(v)
				),
				...[JSON.stringify(values.leps), JSON.stringify(values.indicators)],
				...[values.status, values.approvedAt]
			).lastInsertRowid
		);
		const row: Omit<PlanObjectiveRow, 'archivedAt'> = {
			id,
			...values,
			policyAreaId: null,
			createdAt: 1,
			updatedAt: 1
		};
		// A revision written before 0009 has no archivedAt in its snapshot.
		recordRevision(database.db, row as PlanObjectiveRow, ['*'], null, 1);
		ids[name] = id;
	});
	before.migrateRest();
});
afterAll(() => removeDatabase());

const row = (name: string) =>
	database.db.select().from(planObjectives).where(eq(planObjectives.id, ids[name]!)).get()!;

describe('[PO1] 0008: approvato only with a real approval date', () => {
	it('makes approvato without a date consolidato, recording the change as a revision', () => {
		expect(row('noDate')).toMatchObject({ status: 'consolidated', approvedAt: null });
		const [latest] = listRevisions(database.db, ids.noDate!);
		expect(latest).toMatchObject({ revision: 2, changed: ['status'], changedBy: null });
		expect(latest!.snapshot).toMatchObject({
			title: 'Obiettivo noDate',
			fields: { target: 'Famiglie' },
			verbatim: { target: '<p>Famiglie</p>' },
			status: 'consolidated',
			approvedAt: null
		});
	});

	it('treats an impossible date as none', () => {
		expect(row('impossible')).toMatchObject({ status: 'consolidated', approvedAt: null });
		expect(listRevisions(database.db, ids.impossible!)[0]!.changed).toEqual([
			'status',
			'approvedAt'
		]);
	});

	it('leaves real approvals and other statuses alone', () => {
		expect(row('approved')).toMatchObject({ status: 'approved', approvedAt: '2024-02-29' });
		expect(row('draft')).toMatchObject({ status: 'draft', updatedAt: 1 });
		expect(listRevisions(database.db, ids.approved!)).toHaveLength(1);
	});

	it('keeps every revision restorable', () => {
		const planId = row('noDate').planId;
		expect(restoreRevision(database.db, planId, ids.noDate!, 1, null, 2).ok).toBe(true);
	});
});
