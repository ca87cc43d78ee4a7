import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldErrors } from '$lib/forms/form-data';

/** A JSON answer as a plain value, so that it can go out through SvelteKit or straight to Node. */
export interface JsonAnswer {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export const answerJson = (answer: JsonAnswer): Response =>
	json(answer.body, { status: answer.status, headers: answer.headers });

/** 400 `invalid-input` naming each field of the body that is wrong (an unknown key too). */
export const invalidInput = (error: z.ZodError): JsonAnswer => ({
	status: 400,
	body: { error: 'invalid-input', fields: fieldErrors(error.issues) }
});

/** 429 with Retry-After: the client may try again after that many seconds. */
export const tooMany = (retryAfterSeconds: number, reason = 'too-many-requests'): JsonAnswer => ({
	status: 429,
	body: { error: reason, retryAfterSeconds },
	headers: { 'Retry-After': String(retryAfterSeconds) }
});

/**
 * A request of the live path that a plenary sends by the hundred (a ballot, a
 * card), written once and served two ways (docs/ARCHITECTURE.md, "The live
 * path"): by its SvelteKit route, and by `server/live-api.ts` straight from
 * Node's request, which skips SvelteKit's own work per request. `answer` runs
 * every check of the route; it reads the body only through `body` (JSON as
 * `readJson` gives it: the same refusals), and refuses who may not call it by
 * throwing SvelteKit's `error` before reading it, so that the fast path can hand
 * such a request to SvelteKit untouched.
 */
export interface LiveEndpoint {
	method: 'POST' | 'PUT';
	/** The route's id, as SvelteKit names it (logs). */
	route: string;
	/** The path, with one capturing group per parameter, in `params` order. */
	path: RegExp;
	params: readonly string[];
	answer(
		event: Pick<RequestEvent, 'locals' | 'params'>,
		body: () => Promise<unknown>
	): Promise<JsonAnswer>;
}
