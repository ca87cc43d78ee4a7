import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import {
	addAmbito,
	addPlan,
	addObjectives,
	exportedObjective,
	planDocument
} from '$lib/server/db/test-fixtures';
import { listArchivedObjectives, setArchived } from './objective-archive-commands.server';
import { buildPlanExport } from './plan-export.server';
import { importObjectives } from './plan-import.server';
import { listPlanObjectives, listRevisions } from './plan-objective-repo.server';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const objective = (number: number, title: string) =>
	exportedObjective(number, title, { fields: { target: 'Famiglie' } });

function planWithTwo() {
	const planId = addPlan(t.db, addAmbito(t.db));
	addObjectives(t.db, planId, [objective(1, 'Casa'), objective(2, 'Lavoro')]);
	const [casa, lavoro] = listPlanObjectives(t.db, planId);
	return { planId, casa: casa!.id, lavoro: lavoro!.id };
}

describe('[PO8] archiving an objective', () => {
	it('takes it out of the plan’s lists and exports, keeps it and its history, and brings it back', () => {
		const { planId, casa } = planWithTwo();
		const actor = { userId: null, now: 5 };
		expect(setArchived(t.db, { planId, objectiveId: casa }, true, actor)).toEqual({
			ok: true,
			value: null
		});
		expect(listPlanObjectives(t.db, planId).map((o) => o.title)).toEqual(['Lavoro']);
		expect(buildPlanExport(t.db, planId)!.objectives.map((o) => o.title)).toEqual(['Lavoro']);
		expect(listArchivedObjectives(t.db, planId)).toEqual([
			{ id: casa, number: 1, title: 'Casa', archivedAt: 5 }
		]);
		expect(listRevisions(t.db, casa).map((r) => r.changed)).toEqual([['archivedAt'], ['*']]);

		expect(setArchived(t.db, { planId, objectiveId: casa }, true, actor)).toMatchObject({
			ok: false,
			reason: 'already-archived'
		});
		expect(setArchived(t.db, { planId, objectiveId: casa }, false, actor).ok).toBe(true);
		expect(buildPlanExport(t.db, planId)!.objectives.map((o) => o.title)).toEqual([
			'Casa',
			'Lavoro'
		]);
		expect(setArchived(t.db, { planId, objectiveId: casa }, false, actor)).toMatchObject({
			reason: 'not-archived'
		});
	});

	it('refuses an objective of another plan', () => {
		const { casa } = planWithTwo();
		const other = addPlan(t.db, addAmbito(t.db, 'Altro'));
		expect(
			setArchived(t.db, { planId: other, objectiveId: casa }, true, { userId: null, now: 1 })
		).toMatchObject({ ok: false, reason: 'not-found' });
	});

	it('keeps its number taken, so an import cannot reuse it', () => {
		const { planId, casa } = planWithTwo();
		setArchived(t.db, { planId, objectiveId: casa }, true, { userId: null, now: 1 });
		const again = importObjectives(t.db, planId, planDocument([objective(1, 'Scuola')]), null, 2);
		expect(again).toMatchObject({ ok: false, problems: [{ problem: 'duplicate-number' }] });
	});
});
