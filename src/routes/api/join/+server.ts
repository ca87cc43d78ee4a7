import { json } from '@sveltejs/kit';
import { joinInput } from '$lib/attendance/attendance';
import { joinFromBrowser } from '$lib/attendance/join-request.server';
import { fieldErrors } from '$lib/forms/form-data';
import { readJson } from '$lib/server/read-json';
import { tooManyRequests } from '$lib/server/throttle';
import type { RequestHandler } from './$types';

/**
 * Joining with the code, for scripts and tests: {"code","name","organization",
 * "consent":true} → 200 with the guest cookie (and the device cookie, SPEC J6);
 * the same line again when this browser already joined under that name; 404 for
 * a wrong or closed code; 400 without consent or with bad input; 429 with
 * Retry-After past the join throttle (SPEC J9). No session is created on failure.
 */
const strictJoinInput = joinInput.strict(); // built once: zod's strict() clones the schema

export const POST: RequestHandler = async (event) => {
	const parsed = strictJoinInput.safeParse(await readJson(event.request));
	if (!parsed.success) {
		return json(
			{ error: 'invalid-input', fields: fieldErrors(parsed.error.issues) },
			{ status: 400 }
		);
	}
	const result = joinFromBrowser(event, parsed.data);
	if (!result.ok && result.reason === 'throttled')
		return tooManyRequests(result.retryAfterSeconds, 'too-many-attempts');
	if (!result.ok) return json({ error: 'unknown-code' }, { status: 404 });
	const { boardId, meetingId, participantId, rejoined } = result.value;
	return json({
		boardId,
		meetingId,
		participantId,
		rejoined,
		boardUrl: `/boards/${boardId}`,
		syncUrl: `/sync/${boardId}`
	});
};
