import type { BoardView } from '$lib/board/board-doc';
import type { RankedItem } from '$lib/voting/tally';
import type { OutcomeNeed, SourceNote, VoteSummary } from './outcome';

/**
 * The one read of an incontro (SPEC E4): its visible cards with their authors,
 * its revealed rounds with their ranks, its priorities and the needs left for
 * later. The outcome package, the verbale and the slides all map from it, so
 * they cannot disagree on a card, an author, a rank or a count. Pure: the loader
 * (`meeting-read.server.ts`) hands in the board, the foglio firme and the tallies.
 */
export interface Author {
	name: string;
	organization: string;
}

/** A line of the foglio firme: erased people have an empty name (attendance privacy). */
export interface AuthorLine {
	id: string;
	name: string;
	organization: string;
}

/** Who wrote what: erased people are absent, so their cards read like anonymous ones. */
export type Authors = ReadonlyMap<string, Author>;

export function authorsFrom(lines: readonly AuthorLine[]): Authors {
	return new Map(
		lines
			.filter((l) => l.name.trim())
			.map((l) => [l.id, { name: l.name, organization: l.organization }])
	);
}

/** E4: how an author reads everywhere, "name (organisation)", or the name alone without one. */
export function authorText(author: Author): string {
	return author.organization ? `${author.name} (${author.organization})` : author.name;
}

/** A card as everyone reads it; `merged` holds the originals merged into it. */
export interface ReadCard extends SourceNote {
	/** Null when loose, or when its cluster is gone. */
	clusterId: string | null;
	merged: SourceNote[];
}

/** Needs and problems: what "bisogni" means in the outcome, the verbale, the matrix. */
export const needKinds: ReadonlySet<string> = new Set(['need', 'problem']);

/** E4: the visible cards of a board (merged originals inside their card), authors as the rule says. */
export function visibleCards(view: BoardView, authors: Authors): ReadCard[] {
	const note = (c: BoardView['cards'][number]): SourceNote => ({
		id: c.id,
		kind: c.kind,
		text: c.text,
		// Anonymous cards have no author id; erased people have no entry.
		author: c.authorId ? (authors.get(c.authorId) ?? null) : null,
		...(c.target ? { target: c.target } : {})
	});
	const clusters = new Set(view.clusters.map((c) => c.id));
	return view.cards
		.filter((c) => !c.mergedInto)
		.map((c) => ({
			...note(c),
			clusterId: c.clusterId && clusters.has(c.clusterId) ? c.clusterId : null,
			merged: view.cards.filter((o) => o.mergedInto === c.id).map(note)
		}));
}

const noteOf = ({ clusterId: _cluster, merged: _merged, ...note }: ReadCard): SourceNote => note;

/** A revealed round as its tally gave it (voting V5-V8, V11). */
export interface RevealedRound {
	roundId: number;
	method: 'dot' | 'score' | 'rank';
	criteria?: [string, string];
	ballots: number;
	paperBallots: number;
	revealedAt: number | null;
	labels: Record<string, string>;
	ranking: RankedItem[];
	condorcetWinner?: string | null;
}

export interface ReadRound extends Omit<RevealedRound, 'labels' | 'ranking'> {
	ranking: (RankedItem & { label: string })[];
}

/**
 * The best result of an item over the rounds: the lowest rank, and among equal
 * ranks the latest round (a run-off settles a tie). Null when never voted on.
 */
export function bestVote(votes: readonly VoteSummary[]): VoteSummary | null {
	return votes.reduce<VoteSummary | null>(
		(best, v) =>
			best === null || v.rank < best.rank || (v.rank === best.rank && v.roundId > best.roundId)
				? v
				: best,
		null
	);
}

export interface MeetingRead {
	cards: ReadCard[];
	clusters: { id: string; title: string }[];
	rounds: ReadRound[];
	/** In the order they were promoted. */
	priorities: OutcomeNeed[];
	/** Needs (need, problem) no priority and no objective card covers: kept for the next cycle. */
	unchosen: OutcomeNeed[];
	/** Any card or cluster as an item with its notes and votes (an objective card's source). */
	item: (type: 'card' | 'cluster', id: string) => OutcomeNeed;
}

export interface MeetingReadInput {
	view: BoardView;
	authors: Authors;
	rounds: readonly RevealedRound[];
	priorities: readonly { type: 'card' | 'cluster'; id: string }[];
	/** The sources of the objective cards: their notes are chosen too. */
	objectiveSources: readonly { type: 'card' | 'cluster'; id: string }[];
}

function votesByTarget(rounds: readonly RevealedRound[]): Map<string, VoteSummary[]> {
	const votes = new Map<string, VoteSummary[]>();
	for (const round of rounds)
		for (const r of round.ranking)
			votes.set(r.targetId, [
				...(votes.get(r.targetId) ?? []),
				{
					roundId: round.roundId,
					method: round.method,
					score: r.score,
					rank: r.rank,
					tied: r.tied,
					bySector: r.bySector
				}
			]);
	return votes;
}

/** E4: the read model of an incontro. */
export function readMeeting(input: MeetingReadInput): MeetingRead {
	const { view } = input;
	const cards = visibleCards(view, input.authors);
	const votes = votesByTarget(input.rounds);
	const notesOf = (type: 'card' | 'cluster', id: string) =>
		cards
			.filter((c) => (type === 'cluster' ? c.clusterId === id : c.id === id))
			.flatMap((c) => [noteOf(c), ...c.merged]);
	const labelOf = (type: 'card' | 'cluster', id: string) =>
		(type === 'cluster'
			? view.clusters.find((c) => c.id === id)?.title
			: view.cards.find((c) => c.id === id)?.text) ?? '';
	const item = (type: 'card' | 'cluster', id: string): OutcomeNeed => {
		const itemVotes = votes.get(id) ?? [];
		return {
			type,
			id,
			label: labelOf(type, id),
			notes: notesOf(type, id),
			votes: itemVotes,
			best: bestVote(itemVotes)
		};
	};
	const priorities = input.priorities.map((p) => item(p.type, p.id));
	const covered = new Set(
		[...input.priorities, ...input.objectiveSources].flatMap((p) =>
			notesOf(p.type, p.id).map((n) => n.id)
		)
	);
	return {
		cards,
		clusters: view.clusters.map((c) => ({ id: c.id, title: c.title })),
		rounds: input.rounds.map(({ labels, ranking, ...round }) => ({
			...round,
			ranking: ranking.map((r) => ({ ...r, label: (labels[r.targetId] ?? r.targetId).trim() })),
			condorcetWinner: round.condorcetWinner
				? (labels[round.condorcetWinner] ?? round.condorcetWinner).trim()
				: round.condorcetWinner
		})),
		priorities,
		unchosen: cards
			.filter((c) => needKinds.has(c.kind) && !covered.has(c.id))
			.map((c) => item('card', c.id)),
		item
	};
}

/** Who came, counted one way everywhere (E4): organisations by name, case and spaces aside. */
export interface Participation {
	presences: number;
	organizations: number;
	publicOrganizations: number;
	thirdSectorOrganizations: number;
}

export function participationOf(
	lines: readonly { organization: string; sector?: string | null }[]
): Participation {
	const orgs = new Map<string, string | null>();
	for (const l of lines)
		if (l.organization.trim()) orgs.set(l.organization.trim().toLowerCase(), l.sector ?? null);
	return {
		presences: lines.length,
		organizations: orgs.size,
		publicOrganizations: [...orgs.values()].filter((s) => s === 'public').length,
		thirdSectorOrganizations: [...orgs.values()].filter((s) => s === 'third_sector').length
	};
}
