import { describe, expect, it } from 'vitest';
import { emptyEvaluation, evaluationGrid, type EvaluationInput } from './evaluation-grid';
import { evaluationReport, NO_DATA, outputText } from './evaluation-report';

const empty = emptyEvaluation;
const filled: EvaluationInput = {
	actionsPlanned: 7,
	actionsDone: 6,
	budgetPlanned: 1000,
	budgetPaid: 1000,
	userEvaluation: 'Non pertinente',
	resourceAdequacy: 'Adeguato',
	notes: 'Ritardi nei bandi'
};

describe('[M40] the resoconto degli esiti as tables', () => {
	it('prints a computed band with its percentage, chosen words as chosen, n/d without data', () => {
		expect(evaluationGrid(filled).map(outputText)).toEqual([
			'buono (85,7%)',
			'Non pertinente',
			'Adeguato',
			'ottimo (100%)',
			'Ritardi nei bandi'
		]);
		expect(evaluationGrid(empty).map(outputText)).toEqual(Array(5).fill(NO_DATA));
		expect(outputText({ key: 'userEvaluation', label: 'x', value: '  ' })).toBe(NO_DATA);
	});

	it('lays out one «Dimensione | Output» grid per objective, formulas under the computed labels', () => {
		const report = evaluationReport('Piano 2025-2027', [
			{ number: 1, title: 'Casa', grid: evaluationGrid(filled) },
			{ number: 2, title: 'Lavoro', grid: evaluationGrid(empty) }
		]);
		expect(report.grids.map((g) => g.title)).toEqual(['1) Casa', '2) Lavoro']);
		const [casa] = report.grids;
		expect(casa!.header).toEqual(['Dimensione', 'Output']);
		expect(casa!.rows[0]![0]).toBe(
			"Grado di raggiungimento dell'obiettivo rispetto a ciò che era stato definito nella programmazione\n(n. azioni realizzate*100)/n. azioni programmate"
		);
		expect(casa!.rows[3]![0]).toMatch(/\n\(pagato\*100\)\/preventivato$/);
		expect(casa!.rows[4]).toEqual([
			"Criticità rilevate nel raggiungimento dell'obiettivo",
			'Ritardi nei bandi'
		]);
	});

	it('summarises objectives × the five dimensions, the sheet with percentages as number columns', () => {
		const report = evaluationReport('Piano', [
			{ number: 1, title: 'Casa', grid: evaluationGrid(filled) },
			{ number: 2, title: 'Lavoro', grid: evaluationGrid(empty) }
		]);
		expect(report.summary.header).toHaveLength(7);
		expect(report.summary.rows[1]).toEqual(['2', 'Lavoro', ...Array(5).fill(NO_DATA)]);
		const sheet = report.summarySheet;
		expect(sheet.rows[0]).toEqual([
			'1',
			'Casa',
			'85.7',
			'buono',
			'Non pertinente',
			'Adeguato',
			'100',
			'ottimo',
			'Ritardi nei bandi'
		]);
		expect(sheet.numberColumns).toEqual([0, 2, 6]);
		expect(sheet.rows[1]!.slice(2, 4)).toEqual(['', NO_DATA]);
	});
});
