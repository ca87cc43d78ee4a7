import type { MergeRefusal } from './line-merge.server';

/**
 * The foglio firme's one table from a refusal reason to an HTTP status, for the
 * API and the meeting page's form actions alike: 400 for a request that cannot
 * mean anything, 404 for a line not on this sheet, 409 for a state that forbids
 * it (SPEC J7, J8).
 */
const statuses = {
	'same-line': 400,
	'unknown-line': 404,
	'different-accounts': 409,
	'no-organization': 409
} as const satisfies Record<MergeRefusal | 'no-organization', number>;

export function refusalStatus(reason: keyof typeof statuses): number {
	return statuses[reason];
}
