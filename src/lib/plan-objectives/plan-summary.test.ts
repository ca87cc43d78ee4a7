import { describe, expect, it } from 'vitest';
import type { NeedRow } from './needs-matrix';
import type { OutcomeNeed, VoteSummary } from '$lib/outcomes/outcome';
import { planSummary, priorityLines, type PriorityLine } from './plan-summary';

const need = (
	tavoloId: number,
	label: string,
	priority: number | null,
	chosen = true
): NeedRow => ({
	key: label,
	label,
	kinds: ['need'],
	targets: [],
	notes: 1,
	tavolo: { id: tavoloId, name: `T${tavoloId}` },
	meeting: 'Incontro',
	policyAreas: [],
	macroAreas: [],
	chosen,
	priority,
	objective: label === 'Casa' ? { id: 1, number: 1, title: 'Casa' } : null
});

const line = (tavoloId: number, label: string, share: number | null): PriorityLine => ({
	key: label,
	tavoloId,
	meeting: 'Incontro',
	label,
	rank: share === 1 ? 1 : 2,
	tied: false,
	score: share === null ? null : share * 10,
	share
});

describe('planSummary', () => {
	const summary = planSummary(
		[
			{ id: 1, name: 'Anziani' },
			{ id: 2, name: 'Casa' }
		],
		[
			{
				tavoloId: 1,
				meetingId: 10,
				person: 'A',
				organization: 'Comune di Seriate',
				sector: 'public'
			},
			{ tavoloId: 1, meetingId: 11, person: 'B', organization: 'Caritas', sector: 'third_sector' },
			{ tavoloId: 1, meetingId: 11, person: 'C', organization: 'caritas ', sector: 'third_sector' },
			{ tavoloId: 2, meetingId: 12, person: 'D', organization: '', sector: null }
		],
		[
			need(1, 'Solitudine', 0.5),
			need(1, 'Trasporti', 1),
			need(1, 'Altro', 1, false),
			need(2, 'Casa', 1)
		],
		[
			{ tavoloId: 1, title: 'Custodia sociale', decision: 'adopted' },
			{ tavoloId: 2, title: 'Agenzia casa', decision: null }
		],
		[line(1, 'Solitudine', 0.5), line(1, 'Trasporti', 1), line(2, 'Casa', 1)]
	);

	it('counts incontri, presences and organisations by sector', () => {
		expect(summary.tavoli[0]!.participation).toEqual({
			meetings: 2,
			presences: 3,
			organizations: 2,
			publicOrganizations: 1,
			thirdSectorOrganizations: 1
		});
		expect(summary.plan.participation.presences).toBe(4);
	});

	it('[PO7] lists each tavolo’s priorities, highest first', () => {
		expect(summary.tavoli[0]!.priorities.map((p) => p.label)).toEqual(['Trasporti', 'Solitudine']);
	});

	it('sums proposals, adoptions and gaps for the plan', () => {
		expect(summary.plan).toMatchObject({ needs: 4, gaps: 3, proposals: 2, adopted: 1 });
	});
});

describe('[PO7] priorityLines', () => {
	const vote = (roundId: number, score: number, rank: number, tied = false): VoteSummary => ({
		roundId,
		method: 'dot',
		score,
		rank,
		tied,
		bySector: {}
	});
	const need = (id: string, votes: VoteSummary[], best?: VoteSummary | null): OutcomeNeed => ({
		type: 'card',
		id,
		label: id,
		notes: [],
		votes,
		...(best !== undefined ? { best } : {})
	});
	const meeting = { id: 7, title: 'Incontro', date: '2026-12-01' } as never;

	it('keeps the rank the outcome gives, ties included, and bars against the round’s best', () => {
		const lines = priorityLines(1, {
			meeting,
			objectives: [],
			priorities: [need('b', [vote(1, 4, 2, true)], vote(1, 4, 2, true))],
			unchosen: [need('a', [vote(1, 8, 1)])]
		});
		expect(lines).toMatchObject([{ label: 'b', rank: 2, tied: true, score: 4, share: 0.5 }]);
	});

	it('works out the best vote of a package written before it was stored', () => {
		const [line] = priorityLines(1, {
			meeting,
			objectives: [],
			priorities: [need('a', [vote(1, 3, 2), vote(2, 5, 1)])],
			unchosen: []
		});
		expect(line).toMatchObject({ rank: 1, score: 5, share: 1 });
	});
});
