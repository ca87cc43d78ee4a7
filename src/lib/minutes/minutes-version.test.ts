import { describe, expect, it } from 'vitest';
import {
	canApply,
	readableByParticipants,
	versionStamp,
	writeTarget,
	type MinutesStatus
} from './minutes-version';

describe('[M-V5] the life of a version', () => {
	it.each([
		[undefined, { version: 1, isNew: true }],
		[
			{ version: 1, status: 'draft' },
			{ version: 1, isNew: false }
		],
		[
			{ version: 1, status: 'shared' },
			{ version: 1, isNew: false }
		],
		[
			{ version: 1, status: 'frozen' },
			{ version: 2, isNew: true }
		]
	] as const)('writing after %j lands in %j', (latest, target) => {
		expect(writeTarget(latest)).toEqual(target);
	});

	it.each([
		['share', 'draft', true],
		['share', 'shared', false],
		['share', 'frozen', false],
		['freeze', 'draft', false],
		['freeze', 'shared', true],
		['freeze', 'frozen', false]
	] as const)('%s a %s version: %s', (action, status, allowed) => {
		expect(canApply(action, status)).toBe(allowed);
	});
});

describe('[M-V6] what participants read', () => {
	it.each([
		['draft', false],
		['shared', true],
		['frozen', true]
	] as [MinutesStatus, boolean][])('%s: %s', (status, readable) => {
		expect(readableByParticipants(status)).toBe(readable);
	});

	it('stamps each rendering with the version, its status and the time', () => {
		expect(versionStamp(2, 'frozen', Date.parse('2026-12-03T17:10:00Z'))).toBe(
			'Versione 2 · definitiva · 3 dic 2026, 18:10'
		);
	});
});
