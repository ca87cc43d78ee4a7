import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '$lib/forms/form-data';
import { commentInput, sectionEditInput } from '$lib/minutes/minutes';
import { minutesContext } from '$lib/minutes/minutes-access.server';
import {
	changeMinutesStatus,
	commentOnMinutes,
	editMinutes,
	generateMinutes
} from '$lib/minutes/minutes-commands.server';
import type { StatusAction } from '$lib/minutes/minutes-version';
import { agendaMonitoring } from '$lib/monitoring/meeting-monitoring.server';
import { formFailure, readEmptyForm } from '$lib/server/form-failure';

/**
 * The verbale page's actions (SPEC M-V1..M-V8): the facilitators of the tavolo
 * and the UdP generate, edit, share and freeze; participants of the incontro on
 * its foglio firme comment on the shared version.
 */
const conflict = (reason: string, scope: string) =>
	fail(409, { errors: { _form: reason.replaceAll('-', '_') }, values: {}, scope });

/** Regenerating over the facilitator's edits needs the box ticked. */
const generateInput = z.object({ overwrite: z.literal('on').optional() });

export async function generateAction(event: RequestEvent) {
	const { meeting, planId, viewer, services } = minutesContext(event, true);
	const parsed = parseForm(generateInput, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, 'generate');
	const overwrite = parsed.data.overwrite === 'on';
	// The objectives reviewed at the incontro: monitoring sits above the verbale, so it is handed over.
	const reviewed = agendaMonitoring(services.db, {
		id: meeting.id,
		tavoloId: meeting.tavoloId,
		planId
	});
	const result = generateMinutes(services, meeting.id, viewer.userId!, overwrite, reviewed);
	if (!result.ok) error(404, 'Not found');
	return { generated: result.value.version };
}

export async function editAction(event: RequestEvent) {
	const { meeting, viewer, db, now } = minutesContext(event, true);
	const parsed = parseForm(sectionEditInput, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, 'edit');
	const result = editMinutes(db, meeting.id, parsed.data, { userId: viewer.userId!, now });
	if (!result.ok) return conflict(result.reason, 'edit');
	return { saved: parsed.data.section, version: result.value.version };
}

function statusAction(action: StatusAction) {
	return async (event: RequestEvent) => {
		const { meeting, viewer, db, now } = minutesContext(event, true);
		await readEmptyForm(event.request);
		const result = changeMinutesStatus(db, meeting.id, action, { userId: viewer.userId!, now });
		if (!result.ok) return conflict(result.reason, 'status');
		const version = result.value.version;
		return action === 'share' ? { shared: version } : { frozen: version };
	};
}

export const shareAction = statusAction('share');
export const freezeAction = statusAction('freeze');

/** Only someone on the foglio firme comments: their line is the comment's author. */
export async function commentAction(event: RequestEvent) {
	const { meeting, viewer, db, now } = minutesContext(event);
	if (!viewer.participantId) error(403, 'Solo chi era presente può commentare');
	const parsed = parseForm(commentInput, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, 'comment');
	const result = commentOnMinutes(db, meeting.id, viewer.participantId, parsed.data, now);
	if (!result.ok) return conflict(result.reason, 'comment');
	return { commented: true };
}
