import { delegateStanding } from './attendance';
import type { AttendanceLine } from './attendance-commands.server';

/**
 * A line of the foglio firme as the facilitator's list shows it; `delegate` says
 * whether it speaks for its organisation in rounds with one voice per
 * organisation (SPEC J8): "confirmed" by the facilitator, "member" of it in the
 * directory, or null.
 */
export function attendanceJson(line: AttendanceLine & { personOrganizationId?: number | null }) {
	return {
		id: line.id,
		name: line.name,
		organization: line.organizationName,
		organizationId: line.organizationId,
		source: line.source,
		joinedAt: new Date(line.joinedAt).toISOString(),
		consent: line.consentAt !== null,
		delegate: delegateStanding(line, line.personOrganizationId ?? null)
	};
}
