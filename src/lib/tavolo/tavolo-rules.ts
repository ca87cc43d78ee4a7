import type { Sector } from '$lib/directory/organization-types';
import { TavoloRole } from './tavolo-roles';

/**
 * Rules the plans set for a tavolo (Seriate plan L2547-L2553): two facilitators,
 * one from the public administration and one from the third sector (T1), and
 * meetings at least quarterly (T2). Both produce warnings, never refusals: the
 * UdP decides, the app makes the gap visible.
 */
export type FacilitatorWarning =
	| 'missing_public_facilitator'
	| 'missing_third_sector_facilitator'
	| 'too_many_facilitators'
	| 'public_facilitator_not_public'
	| 'third_sector_facilitator_not_third_sector';

export interface MemberForRules {
	role: TavoloRole;
	/** Sector of the member's organisation, if any. */
	sector: Sector | null;
}

export function facilitatorWarnings(members: readonly MemberForRules[]): FacilitatorWarning[] {
	const pub = members.filter((m) => m.role === TavoloRole.facilitatorPublic);
	const ts = members.filter((m) => m.role === TavoloRole.facilitatorThirdSector);
	const warnings: FacilitatorWarning[] = [];
	if (pub.length === 0) warnings.push('missing_public_facilitator');
	if (ts.length === 0) warnings.push('missing_third_sector_facilitator');
	if (pub.length + ts.length > 2) warnings.push('too_many_facilitators');
	if (pub.some((m) => m.sector === 'third_sector')) warnings.push('public_facilitator_not_public');
	if (ts.some((m) => m.sector === 'public'))
		warnings.push('third_sector_facilitator_not_third_sector');
	return warnings;
}

export const MAX_DAYS_BETWEEN_MEETINGS = 90;

export interface MeetingGap {
	/** Date of the meeting before the gap. */
	from: string;
	/** Date of the meeting after it, or null when nothing is planned yet. */
	to: string | null;
	days: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/**
 * Gaps of more than 90 days between consecutive incontri (cancelled ones do not
 * count), including the open gap from the last incontro to today when none is
 * planned after it.
 */
export function meetingGaps(dates: readonly string[], today: string): MeetingGap[] {
	const sorted = [...dates].sort();
	const gaps: MeetingGap[] = [];
	for (let i = 1; i < sorted.length; i++) {
		const days = dayNumber(sorted[i]!) - dayNumber(sorted[i - 1]!);
		if (days > MAX_DAYS_BETWEEN_MEETINGS) gaps.push({ from: sorted[i - 1]!, to: sorted[i]!, days });
	}
	const last = sorted.at(-1);
	if (last !== undefined && last < today) {
		const days = dayNumber(today) - dayNumber(last);
		if (days > MAX_DAYS_BETWEEN_MEETINGS) gaps.push({ from: last, to: null, days });
	}
	return gaps;
}
