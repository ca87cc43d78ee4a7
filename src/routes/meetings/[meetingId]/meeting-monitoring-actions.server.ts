import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { access } from '$lib/auth/access';
import { idField } from '$lib/forms/fields';
import { parseForm } from '$lib/forms/form-data';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import {
	addToAgenda,
	removeFromAgenda,
	type AgendaRefusal
} from '$lib/monitoring/meeting-monitoring.server';
import { formFailure } from '$lib/server/form-failure';

/**
 * The incontro page's monitoring agenda (monitoring SPEC M32): the tavolo's facilitators
 * and the UdP put plan objectives on it and take them off.
 */
const SCOPE = 'monitoring';
const objectiveInput = z.object({ objectiveId: idField });
const statusOf: Record<AgendaRefusal, number> = {
	'objective-not-found': 404,
	'already-on-agenda': 409,
	'not-on-agenda': 409
};
const refused = (reason: AgendaRefusal, values: Record<string, unknown>) =>
	fail(statusOf[reason], {
		errors: { objectiveId: reason.replaceAll('-', '_') },
		values,
		scope: SCOPE
	});

export async function addMonitoringAction(event: RequestEvent) {
	const { actor, meeting, planId, db, now } = meetingContext(event, access.manageTavolo);
	const parsed = parseForm(objectiveInput, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, SCOPE);
	const target = { id: meeting.id, tavoloId: meeting.tavoloId, planId };
	const result = addToAgenda(db, target, parsed.data.objectiveId, { userId: actor.userId, now });
	if (!result.ok) return refused(result.reason, parsed.data);
	return { monitoringAdded: result.value.objectiveId };
}

export async function removeMonitoringAction(event: RequestEvent) {
	const { meeting, db } = meetingContext(event, access.manageTavolo);
	const parsed = parseForm(objectiveInput, await event.request.formData());
	if (!parsed.ok) return formFailure(parsed.errors, parsed.values, SCOPE);
	const result = removeFromAgenda(db, meeting.id, parsed.data.objectiveId);
	if (!result.ok) return refused(result.reason, parsed.data);
	return { monitoringRemoved: result.value.objectiveId };
}
