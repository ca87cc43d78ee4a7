import { budgetInput } from '$lib/monitoring/monitoring-input';
import { resourceEndpoint } from '$lib/monitoring/resource-endpoint.server';
import { saveBudget } from '$lib/monitoring/resources-commands.server';
import { listBudget } from '$lib/monitoring/resources-read.server';

/**
 * The objective's budget by year (monitoring M16): GET `{years}` (whoever may see the plan);
 * PUT replaces it (UdP): 400 `invalid-input`, `year-outside-plan` or `year-repeated`, 404
 * another plan's objective.
 */
const endpoint = resourceEndpoint({
	key: 'years',
	schema: budgetInput,
	save: saveBudget,
	list: listBudget
});

export const GET = endpoint.GET;
export const PUT = endpoint.PUT;
