import { objectiveFields } from '$lib/objectives/objective-template';
import type { MinutesSource } from './minutes';

/** A whole incontro as plain data, for the model's and the renderers' tests. */
const at = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00+01:00`);

const anna = 'Anna Verdi (Cooperativa Il Sole)';
const cards = {
	transport: {
		id: 'c1',
		kind: 'need',
		text: 'Mancano trasporti per le visite mediche',
		author: anna
	},
	evening: { id: 'c2', kind: 'problem', text: 'Anziani soli la sera', author: null },
	meals: { id: 'c3', kind: 'resource', text: 'Pasti a domicilio di Auser', author: 'Bruno Neri' }
};

export function minutesFixture(): MinutesSource {
	return {
		meeting: {
			title: 'Co-programmazione: bisogni e priorità 2027',
			date: '2026-12-01',
			startTime: '17:30',
			endTime: '19:30',
			place: 'Sala consiliare, Seriate',
			onlineUrl: 'https://meet.example.org/tavolo',
			mode: 'hybrid',
			tavolo: 'Domiciliarità e Terza Età',
			subgroup: null,
			plan: 'Piano di Zona 2025-2027 «Fare insieme»'
		},
		agenda: ['Benvenuto e foglio firme', 'Brainstorming', 'Voto delle priorità'],
		attendance: [
			{
				name: 'Anna Verdi',
				organization: 'Cooperativa Il Sole',
				joinedAt: at('17:32'),
				source: 'code'
			},
			{
				name: 'Bruno Neri',
				organization: 'Comune di Pedrengo',
				joinedAt: at('17:40'),
				source: 'paper'
			}
		],
		hadBoard: true,
		phases: [
			{
				phase: 'collect',
				endedAt: at('18:05'),
				clusters: [],
				loose: [cards.transport, cards.evening, cards.meals]
			},
			{
				phase: 'cluster',
				endedAt: at('18:30'),
				clusters: [{ title: 'Isolamento', cards: [cards.transport, cards.evening] }],
				loose: [cards.meals]
			},
			{
				phase: 'vote',
				endedAt: null,
				clusters: [{ title: 'Isolamento', cards: [cards.transport, cards.evening] }],
				loose: [cards.meals]
			}
		],
		rounds: [
			{
				method: 'dot',
				ballots: 7,
				paperBallots: 1,
				revealedAt: at('18:50'),
				ranking: [
					{
						label: 'Isolamento',
						score: 12,
						rank: 1,
						tied: false,
						bySector: { public: 5, third_sector: 7, unknown: 0 }
					},
					{
						label: cards.meals.text,
						score: 4.5,
						rank: 2,
						tied: true,
						bySector: { public: 2, third_sector: 2.5, unknown: 0 }
					},
					{
						label: 'Sportello serale',
						score: 4.5,
						rank: 2,
						tied: true,
						bySector: { public: 0, third_sector: 4.5, unknown: 0 }
					}
				]
			}
		],
		objectives: [
			{
				title: 'Ridurre l’isolamento serale degli anziani soli',
				fields: objectiveFields.map((f) => ({
					label: f.label,
					value:
						f.key === 'objectives'
							? 'Ridurre l’isolamento\n• trasporti serali'
							: f.key === 'objectiveType'
								? ['PREVENTIVO', 'PROMOZIONALE']
								: f.key === 'crossCuttingIntegrated'
									? 'NO'
									: null
				})),
				macroAreas: ['D — Domiciliarità', 'E — Anziani'],
				sources: ['Isolamento']
			}
		],
		priorities: [
			{ label: 'Isolamento', type: 'cluster', rank: 1, tied: false, score: 12 },
			{ label: cards.meals.text, type: 'card', rank: 2, tied: true, score: 4.5 }
		],
		unchosen: ['Sportello serale'],
		reviewed: []
	};
}
