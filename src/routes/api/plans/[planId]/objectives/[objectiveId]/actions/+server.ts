import { actionsInput } from '$lib/monitoring/monitoring-input';
import { resourceEndpoint } from '$lib/monitoring/resource-endpoint.server';
import { saveActions } from '$lib/monitoring/resources-commands.server';
import { listActions } from '$lib/monitoring/resources-read.server';

/**
 * The objective's actions (monitoring M15): GET `{actions}` in order (whoever may see the plan);
 * PUT replaces them (UdP): 400 `invalid-input` or `date-outside-plan`, 404 another plan's objective.
 */
const endpoint = resourceEndpoint({
	key: 'actions',
	schema: actionsInput,
	save: saveActions,
	list: listActions
});

export const GET = endpoint.GET;
export const PUT = endpoint.PUT;
