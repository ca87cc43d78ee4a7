/**
 * The life of an incontro: pianificato → convocato → in corso → svolto →
 * verbale condiviso → verbale approvato, plus "annullato". Transitions are the
 * table below and nothing else (SPEC M1).
 */
export const MeetingStatus = {
	planned: 'planned',
	convened: 'convened',
	inProgress: 'in_progress',
	held: 'held',
	minutesShared: 'minutes_shared',
	minutesApproved: 'minutes_approved',
	cancelled: 'cancelled'
} as const;
export type MeetingStatus = (typeof MeetingStatus)[keyof typeof MeetingStatus];
export const meetingStatuses = Object.values(MeetingStatus) as [MeetingStatus, ...MeetingStatus[]];

const transitions: Record<MeetingStatus, readonly MeetingStatus[]> = {
	planned: ['convened', 'cancelled'],
	convened: ['in_progress', 'planned', 'cancelled'],
	in_progress: ['held'],
	held: ['minutes_shared'],
	minutes_shared: ['minutes_approved', 'held'],
	minutes_approved: [],
	cancelled: ['planned']
};

export function nextStatuses(status: MeetingStatus): readonly MeetingStatus[] {
	return transitions[status];
}

export function canMoveTo(from: MeetingStatus, to: MeetingStatus): boolean {
	return transitions[from].includes(to);
}

export const MeetingMode = { inPerson: 'in_person', online: 'online', hybrid: 'hybrid' } as const;
export type MeetingMode = (typeof MeetingMode)[keyof typeof MeetingMode];
export const meetingModes = Object.values(MeetingMode) as [MeetingMode, ...MeetingMode[]];
