import type { EvaluationInput } from './evaluation-grid';

/**
 * Pure rules of an objective's actions and budget (SPEC M15–M17): what the evaluation
 * grid's formulas take from them.
 */

export interface ActionLine {
	title: string;
	plannedOn: string;
	doneOn: string | null;
}

export interface BudgetLine {
	year: number;
	planned: number | null;
	committed: number | null;
	paid: number | null;
}

export type ResourceTotals = Pick<
	EvaluationInput,
	'actionsPlanned' | 'actionsDone' | 'budgetPlanned' | 'budgetPaid'
>;

/** The sum of the numbers entered, or null when none was: "not entered" is not 0 €. */
function sumOf(values: (number | null)[]): number | null {
	const entered = values.filter((v): v is number => v !== null);
	return entered.length ? Math.round(entered.reduce((a, b) => a + b, 0) * 100) / 100 : null;
}

/**
 * [M17] The evaluation's four numbers as the actions and budget give them: every action
 * is planned, those with a date carried out are done; the budget planned and paid are the
 * sums over the years. Null where nothing was entered, so the grid leaves that band empty.
 */
export function resourceTotals(actions: ActionLine[], budget: BudgetLine[]): ResourceTotals {
	return {
		actionsPlanned: actions.length || null,
		actionsDone: actions.length ? actions.filter((a) => a.doneOn !== null).length : null,
		budgetPlanned: sumOf(budget.map((b) => b.planned)),
		budgetPaid: sumOf(budget.map((b) => b.paid))
	};
}

/**
 * [M17] The numbers the grid form starts from: the saved evaluation's where it has one,
 * else what the actions and budget give.
 */
export function prefilledNumbers(saved: ResourceTotals | null, totals: ResourceTotals) {
	return {
		actionsPlanned: saved?.actionsPlanned ?? totals.actionsPlanned,
		actionsDone: saved?.actionsDone ?? totals.actionsDone,
		budgetPlanned: saved?.budgetPlanned ?? totals.budgetPlanned,
		budgetPaid: saved?.budgetPaid ?? totals.budgetPaid
	};
}
