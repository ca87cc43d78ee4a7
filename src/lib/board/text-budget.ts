import { typedText } from '$lib/forms/plain-text';

/**
 * The character counter of a card's text (issue 13). The box never cuts what
 * someone types or pastes: it counts what would be sent (trimmed, controls
 * dropped, as board-doc writes it), warns near the limit and, past it, the
 * card is refused until shortened — the text stays in the box.
 */
export type TextBudgetState = 'ok' | 'near' | 'over';

export interface TextBudget {
	count: number;
	/** Negative past the limit: how much to cut. */
	remaining: number;
	state: TextBudgetState;
}

/** The counter warns within a tenth of the limit (50 of 500), and never later than 20 before it. */
export function warnFrom(max: number): number {
	return max - Math.max(20, Math.ceil(max / 10));
}

export function textBudget(text: string, max: number): TextBudget {
	const count = typedText(text).trim().length;
	const remaining = max - count;
	const state = remaining < 0 ? 'over' : count > warnFrom(max) ? 'near' : 'ok';
	return { count, remaining, state };
}
