import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeMeetingStatus, saveMeeting } from '$lib/meeting/meeting-commands.server';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import {
	addAmbitoWithPlan,
	addOrganization,
	addPerson,
	addTavolo,
	addTavoloMember,
	addUser,
	TEST_NOW
} from '$lib/server/db/test-fixtures';
import { tavoloWarnings } from './tavolo-repo.server';

let t: TestDatabase;
let ambitoId: number;
let tavoloId: number;
beforeEach(() => {
	t = createTestDatabase();
	const ids = addAmbitoWithPlan(t.db);
	ambitoId = ids.ambitoId;
	tavoloId = addTavolo(t.db, ids.planId, 'Domiciliarità');
});
afterEach(() => t.cleanup());

function seat(
	name: string,
	sector: 'public' | 'third_sector',
	role: 'facilitator_public' | 'facilitator_third_sector' | 'member'
) {
	const org = addOrganization(t.db, ambitoId, `Ente di ${name}`, sector);
	addTavoloMember(t.db, tavoloId, addPerson(t.db, ambitoId, name, org), role);
}

function meetingOn(date: string): number {
	const input = {
		title: 'Incontro',
		subgroupId: null,
		date,
		startTime: '17:30',
		endTime: '19:00',
		mode: 'in_person' as const,
		place: 'Sala consiliare',
		onlineUrl: '',
		agenda: ''
	};
	const result = saveMeeting(t.db, tavoloId, null, input, TEST_NOW);
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

describe('tavoloWarnings', () => {
	it('[T1] reads the facilitators and the sector of their organisation', () => {
		seat('Marco', 'public', 'facilitator_public');
		seat('Giulia', 'third_sector', 'member');
		expect(tavoloWarnings(t.db, tavoloId, '2026-03-10').facilitators).toEqual([
			'missing_third_sector_facilitator'
		]);
		seat('Elena', 'public', 'facilitator_third_sector');
		expect(tavoloWarnings(t.db, tavoloId, '2026-03-10').facilitators).toEqual([
			'third_sector_facilitator_not_third_sector'
		]);
	});

	it('[T1] is quiet for one public and one third-sector facilitator', () => {
		seat('Marco', 'public', 'facilitator_public');
		seat('Elena', 'third_sector', 'facilitator_third_sector');
		expect(tavoloWarnings(t.db, tavoloId, '2026-03-10')).toEqual({ facilitators: [], gaps: [] });
	});

	it('[T2] flags gaps over 90 days between incontri, ignoring cancelled ones', async () => {
		const facilitator = await addUser(t.db, 'facilitatore@example.org', { role: 'facilitator' });
		meetingOn('2026-01-10');
		const cancelled = meetingOn('2026-03-01');
		meetingOn('2026-05-20');
		expect(tavoloWarnings(t.db, tavoloId, '2026-05-01').gaps).toEqual([]);
		expect(changeMeetingStatus(t.db, cancelled, 'cancelled', facilitator.id, TEST_NOW).ok).toBe(
			true
		);
		expect(tavoloWarnings(t.db, tavoloId, '2026-05-01').gaps).toEqual([
			{ from: '2026-01-10', to: '2026-05-20', days: 130 }
		]);
	});

	it('[T2] flags the open gap after the last incontro', () => {
		meetingOn('2026-01-10');
		expect(tavoloWarnings(t.db, tavoloId, '2026-04-10').gaps).toEqual([]);
		expect(tavoloWarnings(t.db, tavoloId, '2026-04-11').gaps).toEqual([
			{ from: '2026-01-10', to: null, days: 91 }
		]);
	});
});
