/**
 * Writes the demo plan's objectives (src/lib/demo/data/plan-objectives.json) from
 * the domain reference's Seriate fixture, so the app never reads ../shared at run
 * time. The printed text (verbatim) is left out: the demo needs the values only.
 * Run: npx tsx scripts/demo/extract-plan-objectives.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fixtureShape, fromFixture } from '../../src/lib/plan-objectives/fixture-format';

const source = fixtureShape.parse(
	JSON.parse(
		readFileSync(
			new URL('../../../shared/domain/fixtures/seriate-2025-2027-objectives.json', import.meta.url),
			'utf8'
		)
	)
);
const plan = fromFixture(source, '2025-2027');
const objectives = plan.objectives.map((o) => ({ ...o, verbatim: {} }));
writeFileSync(
	new URL('../../src/lib/demo/data/plan-objectives.json', import.meta.url),
	JSON.stringify({ ...plan, objectives }, null, '\t') + '\n'
);
console.log(`${objectives.length} objectives written`);
