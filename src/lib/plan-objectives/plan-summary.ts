import { bestVote, participationOf } from '$lib/outcomes/meeting-read';
import type { OutcomePackage } from '$lib/outcomes/outcome';
import { roundTops, type NeedRow } from './needs-matrix';

/**
 * The slide di sintesi (SPEC PO7): what the political level needs to see of each
 * tavolo and of the whole plan — participation, priorities, proposed objectives
 * and what the UdP made of them. Pure: the loader hands in counted rows and the
 * latest outcome packages, whose priorities carry the incontro's one rank (E4).
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
	return { meetings: new Set(lines.map((l) => l.meetingId)).size, ...participationOf(lines) };
}

/** A priority of an incontro on the slides: the rank, tie and score its outcome gives it. */
export interface PriorityLine {
	key: string;
	tavoloId: number;
	meeting: string;
	label: string;
	rank: number | null;
	tied: boolean;
	score: number | null;
	/** Its score over the best score of the same round (0..1), for the bar; null without votes. */
	share: number | null;
}

/** PO7: the priorities of one outcome, each with its best vote (outcomes E4) and its bar. */
export function priorityLines(
	tavoloId: number,
	outcome: Pick<OutcomePackage, 'meeting' | 'objectives' | 'priorities' | 'unchosen'>
): PriorityLine[] {
	const tops = roundTops(outcome);
	return outcome.priorities.map((p) => {
		const best = p.best === undefined ? bestVote(p.votes) : p.best;
		const max = best ? (tops.get(best.roundId) ?? 0) : 0;
		return {
			key: `${outcome.meeting.id}:${p.type}:${p.id}`,
			tavoloId,
			meeting: `${outcome.meeting.title} (${outcome.meeting.date})`,
			label: p.label,
			rank: best?.rank ?? null,
			tied: best?.tied ?? false,
			score: best?.score ?? null,
			share: best ? (max > 0 ? Math.max(0, best.score) / max : 0) : null
		};
	});
}

const byShare = (a: PriorityLine, b: PriorityLine) =>
	(b.share ?? -1) - (a.share ?? -1) ||
	(a.rank ?? Infinity) - (b.rank ?? Infinity) ||
	a.label.localeCompare(b.label, 'it');

export function planSummary(
	tavoli: readonly { id: number; name: string }[],
	lines: readonly AttendanceLine[],
	needs: readonly NeedRow[],
	proposals: readonly Proposal[],
	priorities: readonly PriorityLine[],
	topPriorities = 5
) {
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
			priorities: priorities
				.filter((p) => p.tavoloId === t.id)
				.sort(byShare)
				.slice(0, topPriorities),
			proposals: proposals.filter((p) => p.tavoloId === t.id)
		}))
	};
}
