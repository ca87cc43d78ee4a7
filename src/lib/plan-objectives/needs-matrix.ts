import { needKinds } from '$lib/outcomes/meeting-read';
import type { OutcomeNeed, OutcomePackage, VoteSummary } from '$lib/outcomes/outcome';

/**
 * The matrice dei bisogni (SPEC PO3b): every need and problem the tavoli raised,
 * with its priority, the tavolo, its areas, and the plan objective that answers
 * it — or none, so the gaps show. Pure: the caller hands in the latest outcome of
 * each incontro and the UdP's decisions.
 */
export interface MatrixSource {
	outcome: Pick<OutcomePackage, 'meeting' | 'objectives' | 'priorities' | 'unchosen'>;
	tavolo: { id: number; name: string; policyAreas: { name: string; macroAreas: string[] }[] };
	/** Objective card id → the plan objective it was adopted as or merged into. */
	answeredBy: ReadonlyMap<
		string,
		{ id: number; number: number; title: string; macroAreas: string[] }
	>;
}

export interface NeedRow {
	key: string;
	label: string;
	kinds: string[];
	/** Who the need concerns, as the sticky notes said (target). */
	targets: string[];
	notes: number;
	tavolo: { id: number; name: string };
	meeting: string;
	policyAreas: string[];
	macroAreas: string[];
	chosen: boolean;
	/** Best score in its rounds divided by the round's top score: 0..1, null without votes. */
	priority: number | null;
	objective: { id: number; number: number; title: string } | null;
}

/**
 * The best score of each vote round among everything an outcome shows (its
 * priorities, what was not chosen, the cards' sources), never below 0: what a
 * priority's share is measured against, in the matrix and on the slides.
 */
export function roundTops(
	outcome: Pick<OutcomePackage, 'priorities' | 'unchosen' | 'objectives'>
): Map<number, number> {
	const items = [
		...outcome.priorities,
		...outcome.unchosen,
		...outcome.objectives.flatMap((o) => o.sources)
	];
	const tops = new Map<number, number>();
	for (const item of items)
		for (const v of item.votes) tops.set(v.roundId, Math.max(tops.get(v.roundId) ?? 0, v.score));
	return tops;
}

function priorityOf(votes: VoteSummary[], tops: Map<number, number>): number | null {
	const shares = votes
		.filter((v) => (tops.get(v.roundId) ?? 0) > 0)
		.map((v) => v.score / tops.get(v.roundId)!);
	// A reduce, not Math.max(...shares): a spread of a long list overflows the stack.
	return shares.length ? shares.reduce((a, b) => Math.max(a, b)) : null;
}

export function needsMatrix(sources: readonly MatrixSource[]): NeedRow[] {
	return sources.flatMap(({ outcome, tavolo, answeredBy }) => {
		const sourcesOfCards = outcome.objectives.flatMap((o) => o.sources);
		const tops = roundTops(outcome);
		const chosen = new Set(outcome.priorities.map((p) => `${p.type}:${p.id}`));
		const seen = new Set<string>();
		const items: OutcomeNeed[] = [
			...outcome.priorities,
			...sourcesOfCards,
			...outcome.unchosen
		].filter((n) => {
			const key = `${n.type}:${n.id}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return n.notes.some((note) => needKinds.has(note.kind));
		});
		return items.map((need) => {
			const notes = new Set(need.notes.map((n) => n.id));
			const answering = outcome.objectives
				.filter((o) => o.sources.some((s) => s.notes.some((n) => notes.has(n.id))))
				.map((o) => answeredBy.get(o.id))
				.find((o) => o !== undefined);
			return {
				key: `${outcome.meeting.id}:${need.type}:${need.id}`,
				label: need.label,
				kinds: [...new Set(need.notes.map((n) => n.kind))],
				targets: [...new Set(need.notes.map((n) => n.target?.trim() ?? '').filter(Boolean))],
				notes: need.notes.length,
				tavolo: { id: tavolo.id, name: tavolo.name },
				meeting: `${outcome.meeting.title} (${outcome.meeting.date})`,
				policyAreas: tavolo.policyAreas.map((a) => a.name),
				macroAreas: answering?.macroAreas ?? [
					...new Set(tavolo.policyAreas.flatMap((a) => a.macroAreas))
				],
				chosen: chosen.has(`${need.type}:${need.id}`),
				priority: priorityOf(need.votes, tops),
				objective: answering
					? { id: answering.id, number: answering.number, title: answering.title }
					: null
			};
		});
	});
}

export interface MatrixFilter {
	policyArea?: string;
	macroArea?: string;
	target?: string;
	tavoloId?: number;
	answered?: 'yes' | 'no';
	sort?: 'priority' | 'tavolo' | 'label';
}

export function filterMatrix(rows: readonly NeedRow[], f: MatrixFilter): NeedRow[] {
	const kept = rows.filter(
		(r) =>
			(!f.policyArea || r.policyAreas.includes(f.policyArea)) &&
			(!f.macroArea || r.macroAreas.includes(f.macroArea)) &&
			(!f.target || r.targets.includes(f.target)) &&
			(!f.tavoloId || r.tavolo.id === f.tavoloId) &&
			(!f.answered || (f.answered === 'yes') === (r.objective !== null))
	);
	const by = f.sort ?? 'priority';
	return kept.sort((a, b) =>
		by === 'priority'
			? (b.priority ?? -1) - (a.priority ?? -1) || a.label.localeCompare(b.label, 'it')
			: by === 'tavolo'
				? a.tavolo.name.localeCompare(b.tavolo.name, 'it') || a.label.localeCompare(b.label, 'it')
				: a.label.localeCompare(b.label, 'it')
	);
}

/** Reads the filter from a URL's query string, ignoring what it does not know. */
export function matrixFilterFrom(params: URLSearchParams): MatrixFilter {
	const answered = params.get('answered');
	const sort = params.get('sort');
	const tavolo = Number(params.get('tavolo'));
	return {
		policyArea: params.get('area') || undefined,
		macroArea: params.get('macro') || undefined,
		target: params.get('target') || undefined,
		tavoloId: Number.isSafeInteger(tavolo) && tavolo > 0 ? tavolo : undefined,
		answered: answered === 'yes' || answered === 'no' ? answered : undefined,
		sort: sort === 'tavolo' || sort === 'label' ? sort : 'priority'
	};
}

/** The matrix as a table for the XLSX export. */
export function matrixTable(rows: readonly NeedRow[]) {
	return {
		title: 'Matrice dei bisogni',
		header: [
			'Bisogno',
			'Tipo',
			'Target',
			'Tavolo',
			'Incontro',
			'Aree di policy',
			'Macro-aree',
			'Priorità (%)',
			'Scelto come priorità',
			'Obiettivo del piano'
		],
		rows: rows.map((r) => [
			r.label,
			r.kinds.join(', '),
			r.targets.join('; '),
			r.tavolo.name,
			r.meeting,
			r.policyAreas.join('; '),
			r.macroAreas.join(', '),
			r.priority === null ? '' : String(Math.round(r.priority * 100)),
			r.chosen ? 'SI' : 'NO',
			r.objective ? `${r.objective.number}. ${r.objective.title}` : 'Nessuno'
		])
	};
}
