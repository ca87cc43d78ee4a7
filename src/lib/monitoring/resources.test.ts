import { describe, expect, it } from 'vitest';
import { prefilledNumbers, resourceTotals } from './resources';

const action = (doneOn: string | null) => ({ title: 'Azione', plannedOn: '2025-03-01', doneOn });

describe('[M17] what actions and budget give the evaluation', () => {
	it('counts every action as planned and those with a date as done', () => {
		const totals = resourceTotals([action(null), action('2025-04-01'), action('2026-01-10')], []);
		expect(totals).toEqual({
			actionsPlanned: 3,
			actionsDone: 2,
			budgetPlanned: null,
			budgetPaid: null
		});
	});

	it('sums the budget over the years, leaving out years not entered', () => {
		const budget = [
			{ year: 2025, planned: 1000.1, committed: 900, paid: 800.2 },
			{ year: 2026, planned: 2000.2, committed: null, paid: null },
			{ year: 2027, planned: null, committed: null, paid: null }
		];
		expect(resourceTotals([], budget)).toEqual({
			actionsPlanned: null,
			actionsDone: null,
			budgetPlanned: 3000.3,
			budgetPaid: 800.2
		});
	});

	it('prefills from the saved evaluation, and from the totals where it has no number', () => {
		const totals = { actionsPlanned: 4, actionsDone: 2, budgetPlanned: 100, budgetPaid: 50 };
		expect(prefilledNumbers(null, totals)).toEqual(totals);
		const saved = { actionsPlanned: 5, actionsDone: null, budgetPlanned: 0, budgetPaid: null };
		expect(prefilledNumbers(saved, totals)).toEqual({
			actionsPlanned: 5,
			actionsDone: 2,
			budgetPlanned: 0,
			budgetPaid: 50
		});
	});
});
