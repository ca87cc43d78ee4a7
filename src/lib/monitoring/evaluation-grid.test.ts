import { describe, expect, it } from 'vitest';
import data from '$lib/taxonomy/data/2025-2027.json';
import {
	achievementBands,
	achievementDegree,
	evaluationGrid,
	resourceAdequacyScale,
	resourceCoincidence
} from './evaluation-grid';

describe('[M5] degree of achievement, banded by the template', () => {
	it('takes its thresholds from the template data', () => {
		const dim = data.evaluationTemplate.dimensions.find((d) => d.key === 'achievementDegree')!;
		expect(achievementBands).toEqual(dim.normalized);
		expect(achievementBands.map((b) => b.min)).toEqual([0, 1, 50, 80, 100]);
	});

	it.each([
		[0, 'nullo', 0],
		[1, 'insufficiente', 1],
		[49, 'insufficiente', 49],
		[50, 'sufficiente', 50],
		[79, 'sufficiente', 79],
		[80, 'buono', 80],
		[99, 'buono', 99],
		[100, 'ottimo', 100],
		[130, 'ottimo', 130]
	])('%i of 100 actions is %s (%i%%)', (done, band, percent) => {
		expect(achievementDegree(100, done)).toEqual({ percent, band });
	});

	it('puts a percentage between two bands in the lower one, and any action above nullo', () => {
		expect(achievementDegree(200, 99)).toEqual({ percent: 49.5, band: 'insufficiente' });
		expect(achievementDegree(200, 1)).toEqual({ percent: 0.5, band: 'insufficiente' });
		expect(achievementDegree(3, 2)).toEqual({ percent: 66.7, band: 'sufficiente' });
	});

	it('is null without actions planned', () => {
		expect(achievementDegree(0, 3)).toEqual({ percent: null, band: null });
		expect(achievementDegree(null, 3)).toEqual({ percent: null, band: null });
		expect(achievementDegree(4, null)).toEqual({ percent: null, band: null });
	});
});

describe('[M5] coincidence of resources', () => {
	it.each([
		[0, 'non realizzato come programmato o sovrastimato'],
		[1, 'non realizzato come programmato o sovrastimato'],
		[49, 'non realizzato come programmato o sovrastimato'],
		[50, 'non realizzato come programmato o sovrastimato'],
		[79, 'non realizzato come programmato o sovrastimato'],
		[80, 'non realizzato come programmato o sovrastimato'],
		[99, 'non realizzato come programmato o sovrastimato'],
		[100, 'ottimo'],
		[101, 'sottostimato']
	])('paid %i of 100 planned is %s', (paid, band) => {
		expect(resourceCoincidence(100, paid)).toEqual({ percent: paid, band });
	});

	it('bands the exact share, not the rounded one', () => {
		expect(resourceCoincidence(100000, 99999.99).band).toBe(
			'non realizzato come programmato o sovrastimato'
		);
		expect(resourceCoincidence(100000, 100000.01).band).toBe('sottostimato');
		expect(resourceCoincidence(0, 10)).toEqual({ percent: null, band: null });
	});
});

describe('[M6–M7] the grid', () => {
	it('offers the template’s adequacy scale', () => {
		expect(resourceAdequacyScale).toEqual([
			'Gravemente inadeguato',
			'Inadeguato',
			'Sufficientemente adeguato',
			'Adeguato',
			'Perfettamente adeguato'
		]);
	});

	it('gives the five dimensions with their labels and computed bands', () => {
		const grid = evaluationGrid({
			actionsPlanned: 10,
			actionsDone: 8,
			budgetPlanned: 5000,
			budgetPaid: 5000,
			userEvaluation: 'Non pertinente',
			resourceAdequacy: 'Adeguato',
			notes: 'Ritardi nell’avvio'
		});
		expect(grid.map((r) => [r.key, r.value])).toEqual([
			['achievementDegree', 'buono'],
			['userEvaluation', 'Non pertinente'],
			['resourceAdequacy', 'Adeguato'],
			['resourceCoincidence', 'ottimo'],
			['criticalIssues', 'Ritardi nell’avvio']
		]);
		expect(grid[0]!.label).toBe(
			"Grado di raggiungimento dell'obiettivo rispetto a ciò che era stato definito nella programmazione"
		);
		expect(grid[3]).toMatchObject({ percent: 100, band: 'ottimo' });
	});
});
