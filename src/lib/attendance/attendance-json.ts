import type { AttendanceLine } from './attendance-commands.server';

/** A line of the foglio firme as the facilitator's list shows it. */
export function attendanceJson(line: AttendanceLine) {
	return {
		id: line.id,
		name: line.name,
		organization: line.organizationName,
		organizationId: line.organizationId,
		source: line.source,
		joinedAt: new Date(line.joinedAt).toISOString(),
		consent: line.consentAt !== null
	};
}
