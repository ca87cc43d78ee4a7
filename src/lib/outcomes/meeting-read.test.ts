import { describe, expect, it } from 'vitest';
import type { BoardView, CardView } from '$lib/board/board-doc';
import type { RankedItem } from '$lib/voting/tally';
import {
	authorsFrom,
	bestVote,
	participationOf,
	readMeeting,
	type RevealedRound
} from './meeting-read';
import type { VoteSummary } from './outcome';

const card = (id: string, kind: CardView['kind'], extra: Partial<CardView> = {}): CardView => ({
	id,
	kind,
	text: `Testo ${id}`,
	authorId: 'anna',
	clusterId: null,
	target: '',
	policyAreaId: null,
	createdAt: 1,
	mergedInto: null,
	mergedFrom: [],
	...extra
});

const view = {
	cards: [
		card('n1', 'need', { clusterId: 'casa' }),
		card('n2', 'need', { mergedInto: 'n1' }),
		card('p1', 'problem', { authorId: null }),
		card('r1', 'resource'),
		card('q1', 'question', { authorId: 'erased' }),
		card('n3', 'need', { authorId: 'erased' })
	],
	clusters: [{ id: 'casa', title: 'Casa', createdAt: 1, cardIds: ['n1'] }]
} as unknown as BoardView;

const ranked = (targetId: string, score: number, rank: number, tied: boolean): RankedItem => ({
	targetId,
	score,
	rank,
	tied,
	bySector: { public: 0, third_sector: score, unknown: 0 }
});

const round: RevealedRound = {
	roundId: 1,
	method: 'dot',
	ballots: 3,
	paperBallots: 0,
	revealedAt: 5,
	labels: { casa: ' Casa ', p1: 'Testo p1', n3: 'Testo n3' },
	ranking: [ranked('casa', 4, 1, true), ranked('p1', 4, 1, true), ranked('n3', 1, 3, false)]
};

const read = readMeeting({
	view,
	authors: authorsFrom([
		{ id: 'anna', name: 'Anna Verdi', organization: 'Auser' },
		{ id: 'erased', name: '', organization: '' }
	]),
	rounds: [round],
	priorities: [{ type: 'cluster', id: 'casa' }],
	objectiveSources: []
});

describe('[E4] the read model of an incontro', () => {
	it('shows visible cards only, merged originals inside their card', () => {
		expect(read.cards.map((c) => c.id)).toEqual(['n1', 'p1', 'r1', 'q1', 'n3']);
		expect(read.cards[0]!.merged.map((c) => c.id)).toEqual(['n2']);
	});

	it('names authors, never for anonymous cards or erased people', () => {
		const author = (id: string) => read.cards.find((c) => c.id === id)!.author;
		expect(author('n1')).toEqual({ name: 'Anna Verdi', organization: 'Auser' });
		expect(author('p1')).toBeNull();
		expect(author('n3')).toBeNull();
	});

	it('gives a priority its notes and its best vote, the tie kept', () => {
		expect(read.priorities).toMatchObject([
			{ label: 'Casa', best: { rank: 1, tied: true, score: 4 } }
		]);
		expect(read.priorities[0]!.notes.map((n) => n.id)).toEqual(['n1', 'n2']);
		expect(read.rounds[0]!.ranking.map((r) => [r.label, r.rank])).toEqual([
			['Casa', 1],
			['Testo p1', 1],
			['Testo n3', 3]
		]);
	});

	it('leaves for later only the needs and problems no priority covers', () => {
		expect(read.unchosen.map((n) => n.id)).toEqual(['p1', 'n3']);
		expect(read.unchosen[1]!.best).toMatchObject({ rank: 3 });
	});
});

describe("[E4] an item's best result", () => {
	it('takes the best rank over rounds, the later round on equal ranks', () => {
		const v = (roundId: number, rank: number, tied: boolean): VoteSummary => ({
			roundId,
			method: 'dot',
			score: 1,
			rank,
			tied,
			bySector: {}
		});
		expect(bestVote([v(1, 1, true), v(2, 1, false)])).toMatchObject({ roundId: 2, tied: false });
		expect(bestVote([v(1, 2, false), v(2, 3, false)])).toMatchObject({ roundId: 1 });
		expect(bestVote([])).toBeNull();
	});
});

describe('[E4] participation counted one way', () => {
	it('counts organisations by name, case and spaces aside', () => {
		expect(
			participationOf([
				{ organization: 'Caritas', sector: 'third_sector' },
				{ organization: ' caritas', sector: 'third_sector' },
				{ organization: '', sector: null },
				{ organization: 'Comune', sector: 'public' }
			])
		).toEqual({
			presences: 4,
			organizations: 2,
			publicOrganizations: 1,
			thirdSectorOrganizations: 1
		});
	});
});
