import type { ConsistencyIssue } from '$lib/objectives/consistency';
import type { FieldValue, Indicator } from '$lib/objectives/objective-template';

/**
 * The outcome package of an incontro (esito del tavolo, SPEC E1-E3): a frozen,
 * self-contained copy of what the tavolo hands to the Ufficio di Piano.
 */
export interface VoteSummary {
	roundId: number;
	method: string;
	score: number;
	/** Competition rank (voting V11): ties share it. Packages before E4 hold the list position. */
	rank: number;
	tied: boolean;
	bySector: Record<string, number>;
}

export interface SourceNote {
	id: string;
	kind: string;
	text: string;
	/** Null for anonymous cards. */
	author: { name: string; organization: string } | null;
	/** Who the need concerns, when the author said (packages before it was kept lack it). */
	target?: string;
}

export interface OutcomeObjective {
	id: string;
	title: string;
	fields: Record<string, FieldValue>;
	macroAreas: string[];
	keyPoints: Record<string, string[]>;
	leps: string[];
	indicators: Indicator[];
	sources: {
		type: 'card' | 'cluster';
		id: string;
		label: string;
		notes: SourceNote[];
		votes: VoteSummary[];
	}[];
	completeness: { filled: number; total: number; missing: string[] };
	consistency: ConsistencyIssue[];
}

export interface OutcomeNeed {
	type: 'card' | 'cluster';
	id: string;
	label: string;
	notes: SourceNote[];
	votes: VoteSummary[];
	/** Its best result (meeting-read `bestVote`); packages before E4 lack it. */
	best?: VoteSummary | null;
}

export interface OutcomePackage {
	meeting: {
		id: number;
		title: string;
		date: string;
		place: string;
		mode: string;
		tavolo: { id: number; name: string };
		plan: { id: number; title: string };
	};
	objectives: OutcomeObjective[];
	priorities: OutcomeNeed[];
	/** Needs not chosen this time: kept for the next cycle, never dropped. */
	unchosen: OutcomeNeed[];
	attendance: { name: string; organization: string; source: string; joinedAt: string }[];
	phaseSnapshots: { id: number; phase: string; createdAt: string }[];
}

export interface OutcomeChange {
	path: string;
	before: unknown;
	after: unknown;
}

/**
 * What changed between two versions (E2): objectives added or removed, and every
 * field, mapping and source that differs; priorities and unchosen needs by id.
 */
export function diffOutcomes(before: OutcomePackage, after: OutcomePackage): OutcomeChange[] {
	const changes: OutcomeChange[] = [];
	const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
	const prev = byId(before.objectives);
	const next = byId(after.objectives);
	for (const [id, o] of prev)
		if (!next.has(id)) changes.push({ path: `objectives/${id}`, before: o.title, after: null });
	for (const [id, o] of next) {
		const p = prev.get(id);
		if (!p) {
			changes.push({ path: `objectives/${id}`, before: null, after: o.title });
			continue;
		}
		if (p.title !== o.title)
			changes.push({ path: `objectives/${id}/title`, before: p.title, after: o.title });
		for (const key of new Set([...Object.keys(p.fields), ...Object.keys(o.fields)])) {
			if (JSON.stringify(p.fields[key] ?? null) !== JSON.stringify(o.fields[key] ?? null)) {
				changes.push({
					path: `objectives/${id}/fields/${key}`,
					before: p.fields[key] ?? null,
					after: o.fields[key] ?? null
				});
			}
		}
		for (const part of ['macroAreas', 'keyPoints', 'leps', 'indicators'] as const) {
			if (JSON.stringify(p[part]) !== JSON.stringify(o[part]))
				changes.push({ path: `objectives/${id}/${part}`, before: p[part], after: o[part] });
		}
	}
	for (const list of ['priorities', 'unchosen'] as const) {
		const a = new Set(before[list].map((n) => `${n.type}:${n.id}`));
		const b = new Set(after[list].map((n) => `${n.type}:${n.id}`));
		for (const k of a)
			if (!b.has(k)) changes.push({ path: `${list}/${k}`, before: k, after: null });
		for (const k of b)
			if (!a.has(k)) changes.push({ path: `${list}/${k}`, before: null, after: k });
	}
	return changes;
}
