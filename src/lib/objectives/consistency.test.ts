import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consistencyIssues, type ConsistencyIssue } from './consistency';
import { completeness, objectiveFields, type FieldValue } from './objective-template';

/**
 * The consistency checks (SPEC O3) against the real objectives of two plans in
 * ../shared/domain/fixtures, some of which really carry these inconsistencies.
 */
const fixtures = new URL('../../../../shared/domain/fixtures/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));

interface SeriateObjective {
	number: number;
	macroAreas: string[];
	keyPoints: Record<string, string[]>;
	fields: Record<string, { verbatim: string; normalized?: unknown }>;
}
const seriate: SeriateObjective[] = read('seriate-2025-2027-objectives.json').objectives;

function draftOf(o: SeriateObjective) {
	const fields: Record<string, FieldValue> = {};
	for (const [key, field] of Object.entries(o.fields)) {
		const value = 'normalized' in field ? field.normalized : field.verbatim;
		fields[key] =
			typeof value === 'string' || Array.isArray(value)
				? (value as FieldValue)
				: value === null
					? null
					: field.verbatim;
	}
	return { fields, macroAreas: o.macroAreas, keyPoints: o.keyPoints };
}

const flagged = (code: ConsistencyIssue['code']) =>
	seriate
		.filter((o) => consistencyIssues(draftOf(o)).some((i) => i.code === code))
		.map((o) => o.number);

describe('[O3] consistency checks on the Seriate plan 2025-2027', () => {
	it('a: objective 17 ticks punti chiave of F without being mapped to F', () => {
		expect(flagged('key-point-outside-mapping')).toEqual([17]);
		expect(consistencyIssues(draftOf(seriate[16]!))).toContainEqual({
			code: 'key-point-outside-mapping',
			macroArea: 'F'
		});
	});

	it('b: objective 19 is mapped to F but ticks none of its punti chiave (L has none to tick)', () => {
		expect(flagged('macro-area-without-key-points')).toEqual([19]);
	});

	it('c: objectives 7 and 19 say "trasversale: NO" yet map to several macro-areas', () => {
		expect(flagged('not-cross-cutting-but-several-areas')).toEqual([7, 19]);
	});

	it('d: objectives mapped to F that answer "digitalizzazione: NO", objective 6 among them', () => {
		expect(flagged('digital-area-without-digital-aspects')).toEqual([2, 5, 6, 19]);
	});

	it('e and f: no Seriate objective breaks the continuity checks', () => {
		expect(flagged('rewarded-project-without-continuity')).toEqual([]);
		expect(flagged('innovative-but-continuing')).toEqual([]);
	});

	it('e: continuing a rewarded project without continuing the plan is flagged', () => {
		const issues = consistencyIssues({
			fields: { continuityWithPreviousPlan: 'NO', continuityWithRewardedProject: 'SI' },
			macroAreas: ['A'],
			keyPoints: { A: ['x'] }
		});
		expect(issues).toEqual([{ code: 'rewarded-project-without-continuity' }]);
	});
});

describe('[O3f] innovative objectives marked as continuing (Valle Trompia 2021-2023)', () => {
	interface ValleObjective {
		number: number;
		macroArea: string;
		fields: {
			objectiveKind?: { normalized?: string };
			continuityWithPreviousPlan?: { normalized?: unknown };
		};
	}
	const valle: ValleObjective[] = read('valletrompia-2021-2023-objectives.json').objectives;

	it('flags the four cards marked "Obiettivo innovativo" that answer Sì to continuity: 5, 9, 14, 33', () => {
		const numbers = valle
			.filter((o) => {
				const continuity = o.fields.continuityWithPreviousPlan?.normalized;
				const kind =
					o.fields.objectiveKind?.normalized === 'INNOVATIVO' ? 'INNOVATIVO' : 'IN_CONTINUITA';
				const draft = {
					kind: kind as 'INNOVATIVO' | 'IN_CONTINUITA',
					fields: {
						continuityWithPreviousPlan: typeof continuity === 'string' ? continuity : null
					},
					macroAreas: [o.macroArea],
					keyPoints: { [o.macroArea]: ['x'] }
				};
				return consistencyIssues(draft).some((i) => i.code === 'innovative-but-continuing');
			})
			.map((o) => o.number);
		expect(numbers).toEqual([5, 9, 14, 33]);
	});
});

describe('[O2] completeness', () => {
	it('counts the 21 fields of the template and names the empty ones', () => {
		expect(objectiveFields).toHaveLength(21);
		const result = completeness({
			fields: { objectives: 'Ridurre l’isolamento', target: '  ', objectiveType: [] }
		});
		expect(result.filled).toBe(1);
		expect(result.missing.map((f) => f.key)).toContain('target');
	});

	it('finds the real objective 1 complete but for the values the plan left n/d', () => {
		const missing = completeness(draftOf(seriate[0]!)).missing.map((f) => f.key);
		expect(missing).toEqual(expect.arrayContaining(['objectiveType', 'innovativeCareModels']));
	});
});
