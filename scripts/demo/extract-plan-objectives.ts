/**
 * Writes the demo plan's objectives (src/lib/demo/data/plan-objectives.json) from
 * the domain reference's Seriate fixture, so the app never reads ../shared at run
 * time. The printed text (verbatim) is left out, the demo needs the values, except
 * where the plan marked an answer for a footnote: the mark (SI*) and the note stay,
 * so the demo's documents print them as the plan did.
 * Run: npx tsx scripts/demo/extract-plan-objectives.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fixtureShape, fromFixture } from '../../src/lib/plan-objectives/fixture-format';
import { FOOTNOTE_SUFFIX, footnoteKey } from '../../src/lib/plan-objectives/printed-answer';

const source = fixtureShape.parse(
	JSON.parse(
		readFileSync(
			new URL('../../../shared/domain/fixtures/seriate-2025-2027-objectives.json', import.meta.url),
			'utf8'
		)
	)
);
const plan = fromFixture(source, '2025-2027');
const footnoted = (verbatim: Record<string, string>) =>
	Object.fromEntries(
		Object.entries(verbatim).filter(
			([key]) => key.endsWith(FOOTNOTE_SUFFIX) || verbatim[footnoteKey(key)] !== undefined
		)
	);
const objectives = plan.objectives.map((o) => ({ ...o, verbatim: footnoted(o.verbatim) }));
writeFileSync(
	new URL('../../src/lib/demo/data/plan-objectives.json', import.meta.url),
	JSON.stringify({ ...plan, objectives }, null, '\t') + '\n'
);
console.log(`${objectives.length} objectives written`);
