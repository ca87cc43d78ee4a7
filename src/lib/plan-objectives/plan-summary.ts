import type { NeedRow } from './needs-matrix';

/**
 * The slide di sintesi (SPEC PO7): what the political level needs to see of each
 * tavolo and of the whole plan — participation, priorities, proposed objectives
 * and what the UdP made of them. Pure: the loader hands in counted rows.
 */
export interface AttendanceLine {
	tavoloId: number;
	meetingId: number;
	person: string;
	organization: string;
	sector: 'public' | 'third_sector' | string | null;
}

export interface Proposal {
	tavoloId: number;
	title: string;
	decision: 'adopted' | 'merged' | 'sent_back' | 'parked' | null;
}

export interface Participation {
	meetings: number;
	presences: number;
	organizations: number;
	publicOrganizations: number;
	thirdSectorOrganizations: number;
}

function participation(lines: readonly AttendanceLine[]): Participation {
	const orgs = new Map<string, string | null>();
	for (const l of lines)
		if (l.organization.trim()) orgs.set(l.organization.trim().toLowerCase(), l.sector);
	return {
		meetings: new Set(lines.map((l) => l.meetingId)).size,
		presences: lines.length,
		organizations: orgs.size,
		publicOrganizations: [...orgs.values()].filter((s) => s === 'public').length,
		thirdSectorOrganizations: [...orgs.values()].filter((s) => s === 'third_sector').length
	};
}

export function planSummary(
	tavoli: readonly { id: number; name: string }[],
	lines: readonly AttendanceLine[],
	needs: readonly NeedRow[],
	proposals: readonly Proposal[],
	topPriorities = 5
) {
	const byPriority = (a: NeedRow, b: NeedRow) => (b.priority ?? -1) - (a.priority ?? -1);
	return {
		plan: {
			participation: participation(lines),
			needs: needs.length,
			gaps: needs.filter((n) => n.objective === null).length,
			proposals: proposals.length,
			adopted: proposals.filter((p) => p.decision === 'adopted' || p.decision === 'merged').length
		},
		tavoli: tavoli.map((t) => ({
			...t,
			participation: participation(lines.filter((l) => l.tavoloId === t.id)),
			priorities: needs
				.filter((n) => n.tavolo.id === t.id && n.chosen)
				.sort(byPriority)
				.slice(0, topPriorities),
			proposals: proposals.filter((p) => p.tavoloId === t.id)
		}))
	};
}
