import { italianDateTime, statusLabels } from './minutes-labels';

/**
 * The life of a version of the verbale (SPEC M-V5, M-V6): draft → shared →
 * frozen, never back. A frozen version never changes; writing after a freeze
 * starts the next version from the frozen text. Pure, so the page offers only
 * what the server would accept.
 */
export const MinutesStatus = { draft: 'draft', shared: 'shared', frozen: 'frozen' } as const;
export type MinutesStatus = (typeof MinutesStatus)[keyof typeof MinutesStatus];
export const minutesStatuses = Object.values(MinutesStatus) as [MinutesStatus, ...MinutesStatus[]];

export interface VersionHead {
	version: number;
	status: MinutesStatus;
}

/** Where a generation or an edit lands: the open version, or a new one after the last. */
export function writeTarget(latest: VersionHead | undefined): { version: number; isNew: boolean } {
	if (!latest) return { version: 1, isNew: true };
	if (latest.status === 'frozen') return { version: latest.version + 1, isNew: true };
	return { version: latest.version, isNew: false };
}

export type StatusAction = 'share' | 'freeze';

/** M-V5: share a draft, freeze a shared version; anything else is refused. */
export function canApply(action: StatusAction, status: MinutesStatus): boolean {
	return action === 'share' ? status === 'draft' : status === 'shared';
}

export const nextStatus: Record<StatusAction, MinutesStatus> = {
	share: 'shared',
	freeze: 'frozen'
};

/** M-V6: participants read shared and frozen versions only. */
export function readableByParticipants(status: MinutesStatus): boolean {
	return status !== 'draft';
}

/** The line under the title of every rendering: "Versione 2 · definitiva · 3 dic 2026, 18:10". */
export function versionStamp(version: number, status: MinutesStatus, at: number): string {
	return `Versione ${version} · ${statusLabels[status]} · ${italianDateTime(at)}`;
}
