import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import {
	addAmbitoWithPlan,
	addOrganization,
	addPerson,
	addTavolo,
	addTavoloMember
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

const quiet = { today: '2026-03-10', meetingDates: [] };

describe('tavoloWarnings', () => {
	it('[T1] reads the facilitators and the sector of their organisation', () => {
		seat('Marco', 'public', 'facilitator_public');
		seat('Giulia', 'third_sector', 'member');
		expect(tavoloWarnings(t.db, tavoloId, quiet).facilitators).toEqual([
			'missing_third_sector_facilitator'
		]);
		seat('Elena', 'public', 'facilitator_third_sector');
		expect(tavoloWarnings(t.db, tavoloId, quiet).facilitators).toEqual([
			'third_sector_facilitator_not_third_sector'
		]);
	});

	it('[T1] is quiet for one public and one third-sector facilitator', () => {
		seat('Marco', 'public', 'facilitator_public');
		seat('Elena', 'third_sector', 'facilitator_third_sector');
		expect(tavoloWarnings(t.db, tavoloId, quiet)).toEqual({ facilitators: [], gaps: [] });
	});

	it('[T2] flags gaps over 90 days between the incontri the caller counts', () => {
		const meetingDates = ['2026-05-20', '2026-01-10'];
		expect(tavoloWarnings(t.db, tavoloId, { today: '2026-05-01', meetingDates }).gaps).toEqual([
			{ from: '2026-01-10', to: '2026-05-20', days: 130 }
		]);
	});

	it('[T2] flags the open gap after the last incontro', () => {
		const meetingDates = ['2026-01-10'];
		expect(tavoloWarnings(t.db, tavoloId, { today: '2026-04-10', meetingDates }).gaps).toEqual([]);
		expect(tavoloWarnings(t.db, tavoloId, { today: '2026-04-11', meetingDates }).gaps).toEqual([
			{ from: '2026-01-10', to: null, days: 91 }
		]);
	});
});
