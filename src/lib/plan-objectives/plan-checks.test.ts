import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureShape, fixtureVersion, fromFixture } from './fixture-format';
import { planWarnings, type CheckedObjective } from './plan-checks';
import { poLabel } from './plan-labels';

/** A domain fixture as the plan holds it after the import: the objectives the checks read. */
function imported(name: string): CheckedObjective[] {
	const raw = JSON.parse(
		readFileSync(new URL(`../../../../shared/domain/fixtures/${name}`, import.meta.url), 'utf8')
	);
	const fixture = fixtureShape.parse(raw);
	const version = fixtureVersion(fixture.meta.fieldOrder);
	return fromFixture(fixture, version).objectives.map((o) => ({
		...o,
		id: o.number,
		template: version
	}));
}

const seriate = imported('seriate-2025-2027-objectives.json');
const trompia = imported('valletrompia-2021-2023-objectives.json');

const codes = (objectives: CheckedObjective[], code: string) =>
	planWarnings(objectives)
		.filter((w) => w.issue.code === code)
		.map((w) => ({ number: w.number, ...w.issue }));

describe('[PO3b] the plan checks find the Seriate plan’s known irregularities', () => {
	it('flags objective 4’s «Aree di bisogno», identical to objective 3’s', () => {
		expect(codes(seriate, 'copied-field')).toContainEqual({
			number: 4,
			code: 'copied-field',
			field: 'Aree di bisogno',
			other: 3
		});
	});

	it('flags objective 18’s target, copied from objective 17', () => {
		expect(codes(seriate, 'copied-field')).toContainEqual({
			number: 18,
			code: 'copied-field',
			field: 'Target',
			other: 17
		});
	});

	it('does not call the shared staff or the «n/d» budgets copies', () => {
		const fields = new Set(
			codes(seriate, 'copied-field').map((w) => ('field' in w ? w.field : ''))
		);
		expect(fields).not.toContain('Personale dedicato');
		expect(fields).not.toContain('Risorse economiche preventivate');
	});

	it('flags the budgets left «n/d» in 19 grids, and the other fields left «n/d»', () => {
		const missing = codes(seriate, 'fields-not-given') as unknown as {
			number: number;
			fields: string[];
		}[];
		const budget = missing.filter((w) => w.fields.includes('Risorse economiche preventivate'));
		expect(budget).toHaveLength(19);
		// Objective 2 holds a staffing narrative there instead: text, not «n/d».
		expect(budget.map((w) => w.number)).not.toContain(2);
		const impact = missing.filter((w) => w.fields.includes('Impatto sociale previsto'));
		expect(impact.map((w) => w.number)).toEqual([2, 4]);
		expect(missing.find((w) => w.number === 1)!.fields).toContain(
			'Presenza di modelli innovativi di presa in carico, di risposta al bisogno e cooperazione con altri attori della rete'
		);
	});

	it('flags the two SI* answers with a footnote on objective 2', () => {
		expect(codes(seriate, 'footnoted-answer')).toEqual([
			{
				number: 2,
				code: 'footnoted-answer',
				field: "Coinvolgimento di ASST nell'analisi del bisogno e nella programmazione"
			},
			{
				number: 2,
				code: 'footnoted-answer',
				field: "Cooperazione con altri ambiti nella realizzazione dell'intervento"
			}
		]);
	});

	it('keeps the card checks: 7 and 19 not cross-cutting on several areas, 17 ticked for F, 19 without F’s points', () => {
		expect(codes(seriate, 'not-cross-cutting-but-several-areas').map((w) => w.number)).toEqual([
			7, 19
		]);
		expect(codes(seriate, 'key-point-outside-mapping')).toContainEqual({
			number: 17,
			code: 'key-point-outside-mapping',
			macroArea: 'F'
		});
		expect(codes(seriate, 'macro-area-without-key-points')).toContainEqual({
			number: 19,
			code: 'macro-area-without-key-points',
			macroArea: 'F'
		});
	});
});

describe('[PO3] on a 2021-2023 plan only the checks its form allows', () => {
	it('gives no "without any punto chiave" warning: the 2021-2023 form maps none', () => {
		expect(trompia.length).toBe(34);
		expect(codes(trompia, 'macro-area-without-key-points')).toEqual([]);
	});

	it('still flags the four «Obiettivo innovativo» cards that answer Sì to continuity', () => {
		expect(codes(trompia, 'innovative-but-continuing').map((w) => w.number)).toEqual([
			5, 9, 14, 33
		]);
	});

	it('takes a co-progettato answer without Sì/No as given: its text is there', () => {
		const missing = codes(trompia, 'fields-not-given') as unknown as { fields: string[] }[];
		for (const w of missing)
			expect(w.fields).not.toContain('L’INTERVENTO È CO-PROGETTATO CON ALTRI ATTORI DELLA RETE?');
	});
});

describe('[PO3b] every warning reads as a sentence', () => {
	it('names the fields and objectives it is about, with no placeholder left', () => {
		const sentences = planWarnings([...seriate]).map((w) => poLabel.issue(w.issue));
		for (const s of sentences) expect(s).not.toMatch(/^po_check_|[{}]/);
		expect(sentences).toContain("campo «Target» identico a quello dell'obiettivo 17");
		expect(sentences).toContain('campi vuoti o «n/d»: «Impatto sociale previsto»');
	});
});
