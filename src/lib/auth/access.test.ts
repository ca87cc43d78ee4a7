import { describe, expect, it } from 'vitest';
import { access, type Actor } from './access';
import type { UserRole } from './roles';
import type { TavoloRole } from '$lib/tavolo/tavolo-roles';

function actor(role: UserRole, tavoli: [number, TavoloRole][] = [], planIds: number[] = []): Actor {
	return {
		userId: 1,
		role,
		displayName: 'x',
		email: 'x@example.org',
		personId: 1,
		tavoli: new Map(tavoli),
		planIds: new Set(planIds)
	};
}

describe('access rules', () => {
	const admin = actor('admin');
	const facilitator = actor(
		'facilitator',
		[
			[1, 'facilitator_public'],
			[2, 'member']
		],
		[10]
	);
	const participant = actor('participant', [[1, 'member']], [10]);
	const observer = actor('observer', [[1, 'observer']], [10]);

	it.each([
		['admin', admin, true],
		['facilitator', facilitator, false],
		['participant', participant, false],
		['observer', observer, false]
	])('[A1] only the UdP manages set-up (%s)', (_, a, expected) => {
		expect(access.manageSetup(a)).toBe(expected);
	});

	it('[A2] facilitators read the directory, participants do not', () => {
		expect(access.viewDirectory(facilitator)).toBe(true);
		expect(access.viewDirectory(participant)).toBe(false);
		expect(access.viewDirectory(observer)).toBe(false);
	});

	it('[A3] a plan is visible through membership in one of its tavoli', () => {
		expect(access.viewPlan(participant, 10)).toBe(true);
		expect(access.viewPlan(participant, 11)).toBe(false);
		expect(access.viewPlan(admin, 11)).toBe(true);
	});

	it('[A4] a tavolo is visible to its members only', () => {
		expect(access.viewTavolo(observer, 1)).toBe(true);
		expect(access.viewTavolo(observer, 2)).toBe(false);
	});

	it('[A5] a facilitator manages the tavoli they facilitate, not those they sit in', () => {
		expect(access.manageTavolo(facilitator, 1)).toBe(true);
		expect(access.manageTavolo(facilitator, 2)).toBe(false);
		expect(access.manageTavolo(facilitator, 3)).toBe(false);
	});

	it('[A5] a facilitator role in a tavolo is not enough without a facilitator account', () => {
		const promoted = actor('participant', [[1, 'facilitator_third_sector']]);
		expect(access.manageTavolo(promoted, 1)).toBe(false);
	});
});

describe('[A5b] seats in a tavolo', () => {
	const facilitator = actor('facilitator', [[1, 'facilitator_public']]);
	it('facilitators fill member and observer seats of their tavolo', () => {
		expect(access.assignTavoloRole(facilitator, 1, 'member')).toBe(true);
		expect(access.assignTavoloRole(facilitator, 1, 'observer')).toBe(true);
	});
	it('only the UdP names facilitators', () => {
		expect(access.assignTavoloRole(facilitator, 1, 'facilitator_third_sector')).toBe(false);
		expect(access.assignTavoloRole(actor('admin'), 1, 'facilitator_third_sector')).toBe(true);
	});
	it('no seats in a tavolo one does not manage', () => {
		expect(access.assignTavoloRole(facilitator, 2, 'member')).toBe(false);
	});
});
