import { describe, expect, it } from 'vitest';
import type { ExportedObjective, PlanExport } from './plan-export';
import { templateFields } from '$lib/objectives/objective-template';
import { printedValue } from './printed-answer';
import { planTables, planTitle, TICK } from './plan-tables';

const objective = (
	number: number,
	policyArea: string | null,
	macroAreas: string[]
): ExportedObjective => ({
	number,
	title: `Obiettivo numero ${number}`,
	policyArea,
	fields: { asstInvolvement: 'SI' },
	verbatim: number === 2 ? { asstInvolvement: '⊙ SI*' } : {},
	macroAreas,
	keyPoints: number === 1 ? { A: ['Primo'] } : {},
	leps: [],
	indicators: [],
	status: 'consolidated',
	approvedAt: null
});

const plan: PlanExport = {
	format: 'tavoli-plan-objectives',
	version: 1,
	plan: { title: 'Piano di Zona', period: '2025-2027', taxonomyVersion: '2025-2027' },
	policyAreas: [
		{ name: 'Domiciliarità', macroAreas: [] },
		{ name: 'Politiche giovanili', macroAreas: [] }
	],
	objectives: [
		objective(3, 'Domiciliarità', ['A']),
		objective(1, 'Politiche giovanili', ['A', 'B']),
		objective(2, 'Domiciliarità', [])
	]
};
const taxonomy = {
	macroAreas: [
		{ code: 'A', label: 'Povertà', keyPoints: [{ label: 'Primo' }, { label: 'Secondo' }] },
		{ code: 'B', label: 'Casa', keyPoints: [] }
	]
};

describe('[PO5a] plan tables for the DOCX', () => {
	it.each([
		['Piano di Zona', 'Piano di Zona 2025-2027'],
		['Piano di Zona 2025-2027 «Fare insieme»', 'Piano di Zona 2025-2027 «Fare insieme»']
	])('titles %s as %s, naming the period once', (title, expected) => {
		expect(planTitle({ ...plan.plan, title })).toBe(expected);
	});

	it.each([
		['2025-2027', 'asstInvolvement', 'SI', '⊙ SI*', 'SI*'],
		['2025-2027', 'asstInvolvement', 'SI', '<input type="radio"/> SI**', 'SI**'],
		[
			'2021-2023',
			'crossCuttingIntegrated',
			'SI',
			'Sì, è trasversale all’Area Anziani.',
			'Sì, è trasversale all’Area Anziani.'
		],
		[
			'2021-2023',
			'objectiveKind',
			'INNOVATIVO',
			'➢ Obiettivo innovativo.',
			'Obiettivo innovativo.'
		],
		['2025-2027', 'asstInvolvement', 'SI', undefined, 'SI'],
		['2025-2027', 'target', '• Primo\n• Secondo', '<ul> Primo; Secondo', '• Primo\n• Secondo'],
		['2025-2027', 'target', null, 'n/d', 'n/d'],
		['2025-2027', 'target', null, undefined, '']
	])('%s %s: %s, printed %s, prints as %s', (version, key, value, verbatim, printed) => {
		const field = templateFields(version).find((f) => f.key === key)!;
		expect(printedValue(version, field, value, verbatim)).toBe(printed);
	});

	it('groups the quadro by policy area, in the plan order, numbers ascending', () => {
		const { overview } = planTables(plan, taxonomy);
		expect(overview.groupBy).toBe(0);
		expect(overview.rows.map((r) => [r[0], r[1]])).toEqual([
			['Domiciliarità', '2'],
			['Domiciliarità', '3'],
			['Politiche giovanili', '1']
		]);
	});

	it('prints the griglie in the quadro order, each under its area, with the SI* of the source', () => {
		const { grids } = planTables(plan, taxonomy);
		expect(grids.map((g) => [g.section, g.title])).toEqual([
			['Domiciliarità', 'Obiettivo 2. Obiettivo numero 2'],
			['Domiciliarità', 'Obiettivo 3. Obiettivo numero 3'],
			['Politiche giovanili', 'Obiettivo 1. Obiettivo numero 1']
		]);
		expect(grids[0]!.rows.find((r) => r[1] === 'SI*')).toBeDefined();
	});

	it('ticks the matrix with ●, codes and a legend for the columns, totals below', () => {
		const { matrix, keyPointTables } = planTables(plan, taxonomy);
		expect(matrix.rows[0]).toEqual(['1. Obiettivo numero 1', TICK, TICK]);
		expect(matrix.footer).toEqual(['Totale', '2', '1']);
		expect(matrix.compact).toEqual({ codes: ['A', 'B'], legend: ['A) Povertà', 'B) Casa'] });
		expect(keyPointTables).toHaveLength(1);
		expect(keyPointTables[0]).toMatchObject({
			rows: [['1. Obiettivo numero 1', TICK, '']],
			footer: ['Totale', '1', '0'],
			compact: { codes: ['1', '2'], legend: ['1. Primo', '2. Secondo'] }
		});
	});
});
