import { describe, expect, it } from 'vitest';
import type { NeedRow } from './needs-matrix';
import { planSummary } from './plan-summary';

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
		]
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

	it('lists each tavolo’s chosen priorities, highest first', () => {
		expect(summary.tavoli[0]!.priorities.map((p) => p.label)).toEqual(['Trasporti', 'Solitudine']);
	});

	it('sums proposals, adoptions and gaps for the plan', () => {
		expect(summary.plan).toMatchObject({ needs: 4, gaps: 3, proposals: 2, adopted: 1 });
	});
});
