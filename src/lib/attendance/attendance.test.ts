import { describe, expect, it } from 'vitest';
import { delegateStanding, joinInput, samePerson } from './attendance';

const line = (
	organizationId: number | null,
	organizationName: string,
	delegateAt: number | null
) => ({
	organizationId,
	organizationName,
	delegateAt
});

describe('[J8] who speaks for an organisation', () => {
	it.each([
		['a confirmed delegate of a directory organisation', line(7, 'Auser', 1), null, 'confirmed'],
		[
			'a confirmed delegate of a typed organisation',
			line(null, 'Gruppo Alpini', 1),
			null,
			'confirmed'
		],
		['a member of that organisation in the directory', line(7, 'Auser', null), 7, 'member'],
		['a member of another organisation', line(7, 'Auser', null), 8, null],
		['someone who typed the name', line(7, 'Auser', null), null, null],
		['a typed organisation and no confirmation', line(null, 'Gruppo Alpini', null), null, null],
		['a line without an organisation, even marked', line(null, '  ', 1), 7, null]
	] as const)('%s', (_, l, personOrganizationId, standing) => {
		expect(delegateStanding(l, personOrganizationId)).toBe(standing);
	});
});

describe('[J6] the same person joining again', () => {
	it.each([
		['Mario Rossi', 'Mario Rossi', true],
		['  mario   ROSSI ', 'Mario Rossi', true],
		['Nicolò Bergamini', 'Nicolo Bergamini', true],
		['Mario Rossi', 'Maria Rossi', false],
		['', '', false]
	])('%j and the line %j: %s', (typed, name, same) => {
		expect(samePerson(typed, { name })).toBe(same);
	});
});

describe('[J1] the name a participant joins with', () => {
	const join = (name: string) => joinInput.safeParse({ code: 'ABC123', name, consent: true });

	it.each(['🙂', '---', '\u200b\u200b', '\u202e\u202e', '\u0301', ' \u00a0 '])(
		'refuses %j: nothing to match a second join by (J6), or nothing to read',
		(name) => {
			expect(join(name).success).toBe(false);
		}
	);

	it.each(['李雷', 'Ω', 'Anna 🙂', 'Dott.ssa Nicolò B.', 'R2'])('accepts %j', (name) => {
		expect(join(name).success).toBe(true);
	});
});
