import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/auth/access';
import { importObjectives } from '$lib/plan-objectives/plan-import.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addPlan } from '$lib/server/db/test-fixtures';
import { load as listLoad } from '../../src/routes/plans/[planId]/objectives/+page.server';
import { load as objectiveLoad } from '../../src/routes/plans/[planId]/objectives/[objectiveId]/+page.server';
import { setRuntime } from '$lib/server/runtime';
import { asUdp, domainFixture } from '../support/domain';

/**
 * SPEC PO3 through the real page loads, on a real SQLite file with the domain
 * fixtures imported: the plan page lists the warnings of its cycle, and an
 * objective's page shows the ones that compare it with the other objectives.
 */
const fixture = domainFixture;

let t: TestDatabase;
let actor: Actor;
let seriatePlan: number;
let trompiaPlan: number;

beforeAll(async () => {
	t = createTestDatabase();
	actor = await asUdp(t);
	const ambito = addAmbito(t.db);
	seriatePlan = addPlan(t.db, ambito);
	trompiaPlan = addPlan(t.db, ambito, '2021-2023');
	const a = importObjectives(
		t.db,
		seriatePlan,
		fixture('seriate-2025-2027-objectives.json'),
		null,
		1
	);
	const b = importObjectives(
		t.db,
		trompiaPlan,
		fixture('valletrompia-2021-2023-objectives.json'),
		null,
		1
	);
	if (!a.ok || !b.ok) throw new Error('fixture import refused');
});
afterAll(() => {
	setRuntime(undefined);
	t.cleanup();
});

const event = (params: Record<string, string>) =>
	({ params, locals: { actor }, url: new URL('http://localhost/') }) as never;

type Warning = { number: number; issue: { code: string } };

async function planPage(planId: number) {
	const data = (await listLoad(event({ planId: String(planId) }))) as { warnings: Warning[] };
	return data.warnings;
}

describe('[PO3] the plan page’s warnings', () => {
	it('Seriate: copies, «n/d» fields and the footnoted SI* among the card checks', async () => {
		const codes = new Set((await planPage(seriatePlan)).map((w) => w.issue.code));
		for (const code of [
			'copied-field',
			'fields-not-given',
			'footnoted-answer',
			'not-cross-cutting-but-several-areas',
			'key-point-outside-mapping',
			'macro-area-without-key-points'
		])
			expect(codes).toContain(code);
	});

	it('Valle Trompia (2021-2023): only the four innovative-but-continuing cards, no punto chiave noise', async () => {
		const warnings = await planPage(trompiaPlan);
		expect(warnings.map((w) => [w.number, w.issue.code])).toEqual([
			[5, 'innovative-but-continuing'],
			[9, 'innovative-but-continuing'],
			[14, 'innovative-but-continuing'],
			[33, 'innovative-but-continuing']
		]);
	});

	it('an objective’s page names the objective its target was copied from', async () => {
		const eighteen = listPlanObjectives(t.db, seriatePlan).find((o) => o.number === 18)!;
		const data = (await objectiveLoad(
			event({ planId: String(seriatePlan), objectiveId: String(eighteen.id) })
		)) as { warnings: unknown[] };
		expect(data.warnings).toContainEqual({ code: 'copied-field', field: 'Target', other: 17 });
	});
});
