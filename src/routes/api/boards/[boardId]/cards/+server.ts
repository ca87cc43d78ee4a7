import { cardEndpoint } from '$lib/board/card-endpoint.server';
import { answerJson } from '$lib/server/live-endpoint';
import { readJson } from '$lib/server/read-json';
import type { RequestHandler } from './$types';

/** Adds a card: `cardEndpoint`, also served by server/live-api.ts. */
export const POST: RequestHandler = async (event) =>
	answerJson(await cardEndpoint.answer(event, () => readJson(event.request)));
