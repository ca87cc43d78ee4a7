/**
 * The voting endpoints' one table from a refusal reason to an HTTP status:
 * 409 when the round is not open, 403 for who may not vote (or not for their
 * organisation, V4), 400 for a ballot that breaks the round's rules.
 */
const statuses: Record<string, number> = {
	'round-closed': 409,
	'not-present': 403,
	'not-a-voter': 403,
	'not-delegate': 403
};

export function refusalStatus(reason: string): number {
	return statuses[reason] ?? 400;
}
