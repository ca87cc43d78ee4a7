import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { answerJson, invalidInput } from './live-endpoint';

/**
 * Expected failures are values, not exceptions: a use case answers
 * `{ ok: true, value }` or `{ ok: false, reason }`, and the edges map the reason
 * to an HTTP status and an Italian message.
 */
export type Result<T, Reason extends string> =
	{ ok: true; value: T } | { ok: false; reason: Reason; issues?: z.core.$ZodIssue[] };

/**
 * The JSON answer to a refused command: `{"error": reason}`, plus `unknown`
 * (the ids or keys that name nothing) when the refusal lists them.
 */
export function refusalJson(
	refusal: { reason: string; unknown?: string[] },
	status: number
): Response {
	const { reason, unknown } = refusal;
	return json({ error: reason, ...(unknown ? { unknown } : {}) }, { status });
}

/** 400 `invalid-input` naming each field of the body that is wrong (an unknown key too). */
export const invalidInputJson = (error: z.ZodError) => answerJson(invalidInput(error));
