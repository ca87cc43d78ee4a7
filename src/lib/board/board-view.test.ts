import { describe, expect, it } from 'vitest';
import { defaultMeta, type BoardView, type CardView } from './board-doc';
import {
	authorLabel,
	groupCards,
	neighbourPhases,
	originalsOf,
	preview,
	viewFromJson
} from './board-view';

function card(id: string, over: Partial<CardView> = {}): CardView {
	return {
		id,
		kind: 'need',
		text: `testo ${id}`,
		authorId: 'anna',
		clusterId: null,
		target: '',
		policyAreaId: null,
		createdAt: 1,
		mergedInto: null,
		mergedFrom: [],
		...over
	};
}

const participants = {
	anna: { name: 'Anna Verdi', organization: 'Cooperativa Il Sole' },
	bruno: { name: 'Bruno Neri', organization: '' }
};

function view(cards: CardView[], over: Partial<BoardView['meta']> = {}): BoardView {
	return {
		meta: { ...defaultMeta, ...over },
		cards,
		clusters: [{ id: 'k1', title: 'Trasporti', createdAt: 1, cardIds: [] }],
		participants
	};
}

describe('groupCards', () => {
	it('puts cards in their cluster and leaves merged originals inside their merged card', () => {
		const groups = groupCards(
			view([
				card('a', { clusterId: 'k1' }),
				card('b', { mergedInto: 'm' }),
				card('m', { mergedFrom: ['b'] }),
				card('c')
			])
		);
		expect(groups.clusters[0]!.cards.map((c) => c.id)).toEqual(['a']);
		expect(groups.unclustered.map((c) => c.id)).toEqual(['m', 'c']);
	});

	it('shows a card whose cluster was deleted meanwhile among the unclustered ones', () => {
		const groups = groupCards(view([card('a', { clusterId: 'gone' })]));
		expect(groups.unclustered.map((c) => c.id)).toEqual(['a']);
	});
});

describe('[B7] author labels', () => {
	it.each([
		['with an organisation', 'anna', {}, 'Anna Verdi (Cooperativa Il Sole)'],
		['without an organisation', 'bruno', {}, 'Bruno Neri'],
		['for an unknown author', 'nobody', {}, null],
		['in anonymous mode, for every card', 'anna', { anonymous: true }, null]
	] as const)('%s', (_, authorId, meta, expected) => {
		expect(authorLabel(view([], meta), authorId)).toBe(expected);
	});

	it('lists the originals of a merged card with their authors, for traceability', () => {
		const v = view([
			card('a', { mergedInto: 'm' }),
			card('b', { authorId: 'bruno', mergedInto: 'm' }),
			card('m', { mergedFrom: ['a', 'b'] })
		]);
		expect(originalsOf(v, v.cards[2]!).map((o) => [o.card.id, o.author])).toEqual([
			['a', 'Anna Verdi (Cooperativa Il Sole)'],
			['b', 'Bruno Neri']
		]);
	});
});

describe('[B2] phases', () => {
	it.each([
		['collect', null, 'cluster'],
		['vote', 'cluster', 'draft'],
		['wrap_up', 'draft', null]
	] as const)('around %s', (phase, previous, next) => {
		expect(neighbourPhases(phase)).toEqual({ previous, next });
	});
});

describe('preview and the first view', () => {
	it('shortens long text on one line', () => {
		expect(preview('uno\n  due   tre', 40)).toBe('uno due tre');
		expect(preview('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
	});

	it('turns the JSON of the board into the view the document would give', () => {
		const v = viewFromJson({
			meta: defaultMeta,
			clusters: [],
			cards: [
				{ ...card('a'), author: participants.anna },
				{ ...card('b', { authorId: null }), author: null }
			]
		});
		expect(v.participants).toEqual({ anna: participants.anna });
		expect(v.cards[0]).not.toHaveProperty('author');
	});
});
