import { describe, expect, it } from 'vitest';
import {
	clockOffset,
	closeOutcome,
	followElementId,
	followTarget,
	formatCountdown,
	newCards,
	presenceOf,
	refusalReason,
	remainingSeconds
} from './board-live';
import { CloseCode } from '$lib/sync/protocol';
import type { CardView } from './board-doc';

describe('[B2] the timer runs on the server clock', () => {
	it('reads the offset from the middle of the round trip', () => {
		expect(clockOffset(10_500, 1_000, 1_200)).toBe(9_400);
	});

	it.each([
		['no timer', null, 0, 0, null],
		['a late joiner with a slow clock', 100_000, 40_000, 30_000, 30],
		['a fraction of a second left', 100_000, 99_001, 0, 1],
		['a timer already over', 100_000, 120_000, 0, 0]
	] as const)('%s', (_, endsAt, now, offset, expected) => {
		expect(remainingSeconds(endsAt, now, offset)).toBe(expected);
	});

	it.each([
		[0, '0:00'],
		[65, '1:05'],
		[300, '5:00'],
		[3723, '1:02:03']
	])('shows %i seconds as %s', (seconds, text) => {
		expect(formatCountdown(seconds)).toBe(text);
	});
});

describe('[B12] presence', () => {
	it('lists each person once, by the name the board holds, with what the server says about them', () => {
		const names = new Map([
			['p1', { name: 'Anna', organization: 'Auser' }],
			['p2', { name: 'Bruno', organization: 'Comune' }]
		]);
		// A participant's relayed state carries no role.
		const anna = { id: 'p1' };
		const list = presenceOf(
			[
				{ user: { id: 'p2', role: 'facilitator' }, typing: false },
				{ user: anna, typing: false, cursor: 'c1' },
				{ user: { ...anna, name: 'Finta' }, typing: true },
				{ user: { id: 'p3', role: 'participant' }, typing: true },
				{ cursor: 'c9' },
				null
			],
			names
		);
		expect(list.map((p) => [p.name, p.organization, p.typing, p.cursor, p.role])).toEqual([
			['Anna', 'Auser', true, 'c1', 'participant'],
			['Bruno', 'Comune', false, null, 'facilitator']
		]);
	});
});

describe('follow me', () => {
	it('names the element of a card, a cluster or a section, and nothing else', () => {
		expect(followElementId(followTarget('card', 'abc123'))).toBe('card-abc123');
		expect(followElementId('cluster:k1')).toBe('cluster-k1');
		expect(followElementId('section:cards')).toBe('section-cards');
		expect(followElementId('card:<script>')).toBeNull();
		expect(followElementId('main:x')).toBeNull();
		expect(followElementId(null)).toBeNull();
	});
});

describe('closed connections', () => {
	it.each([
		[CloseCode.refused, 'refused', 'not_allowed'],
		[CloseCode.tooLarge, 'refused', 'too_large'],
		[CloseCode.clientIdTaken, 'refused', 'conflict'],
		[CloseCode.malformed, 'refused', 'invalid'],
		[CloseCode.removed, 'removed', 'invalid'],
		[CloseCode.boardClosed, 'board-closed', 'invalid'],
		[CloseCode.superseded, 'superseded', 'invalid'],
		[CloseCode.merged, 'merged', 'invalid'],
		[CloseCode.tooMany, 'refused', 'too_many']
	] as const)('code %i means %s', (code, outcome, reason) => {
		expect(closeOutcome(code)).toBe(outcome);
		if (outcome === 'refused') expect(refusalReason(code)).toBe(reason);
	});
});

describe('[issue 13] new cards for the live region', () => {
	const card = (id: string, extra: Partial<CardView> = {}): CardView => ({
		id,
		kind: 'need',
		text: id,
		authorId: 'someone',
		clusterId: null,
		target: '',
		policyAreaId: null,
		createdAt: 0,
		mergedInto: null,
		mergedFrom: [],
		...extra
	});

	it('counts the cards of others that were not there before', () => {
		const result = newCards(new Set(['a']), [card('a'), card('b'), card('c')], 'me');
		expect(result.count).toBe(2);
		expect([...result.ids]).toEqual(['a', 'b', 'c']);
	});

	it.each([
		['my own card', card('b', { authorId: 'me' })],
		['a merge of cards already there', card('b', { mergedFrom: ['a', 'x'] })],
		['an original inside a merge', card('b', { mergedInto: 'm' })]
	])('does not count %s', (_, extra) => {
		expect(newCards(new Set(['a']), [card('a'), extra], 'me').count).toBe(0);
	});

	it('counts anonymous cards, which carry no author', () => {
		expect(newCards(new Set(), [card('a', { authorId: null })], 'me').count).toBe(1);
	});
});
