import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '$lib/auth/auth.schema';
import { verifyPassword } from '$lib/auth/password.server';
import { organizations, people } from '$lib/directory/directory.schema';
import { todayInRome } from '$lib/meeting/meeting';
import { countedMeetingDates } from '$lib/meeting/meeting-repo.server';
import { meetings, meetingStatusChanges } from '$lib/meeting/meeting.schema';
import { ambiti, comuni, plans, policyAreaMacroAreas, policyAreas } from '$lib/plan/plan.schema';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { listMembers, listTavoliOfPlan, tavoloWarnings } from '$lib/tavolo/tavolo-repo.server';
import {
	subgroupMembers,
	subgroups,
	tavoli,
	tavoloMembers,
	tavoloPolicyAreas
} from '$lib/tavolo/tavolo.schema';
import { seedDemoIfEmpty } from './seed-demo.server';

/** Late evening UTC: already the next day in Rome, so a UTC "today" would be wrong. */
const NOW = Date.parse('2026-03-10T23:30:00Z');
const ROME_TODAY = '2026-03-11';

const allTables = [
	ambiti,
	comuni,
	plans,
	policyAreas,
	policyAreaMacroAreas,
	organizations,
	people,
	users,
	tavoli,
	tavoloPolicyAreas,
	tavoloMembers,
	subgroups,
	subgroupMembers,
	meetings,
	meetingStatusChanges
];

let t: TestDatabase;
let seeded: boolean;
beforeAll(async () => {
	t = createTestDatabase();
	seeded = await seedDemoIfEmpty(t.database, NOW);
});
afterAll(() => t.cleanup());

const counts = () => allTables.map((table) => rowCount(t.db, table));
const calendarOf = (tavoloId: number) => ({
	today: ROME_TODAY,
	meetingDates: countedMeetingDates(t.db, tavoloId)
});

describe('seedDemoIfEmpty', () => {
	it('seeds an empty database once; a second call changes nothing', async () => {
		expect(seeded).toBe(true);
		const before = counts();
		expect(await seedDemoIfEmpty(t.database, NOW + 1000)).toBe(false);
		expect(counts()).toEqual(before);
	});

	it('creates the Ambito with 11 comuni, one plan with 8 policy areas, and 5 tavoli', () => {
		expect(rowCount(t.db, ambiti)).toBe(1);
		expect(rowCount(t.db, comuni)).toBe(11);
		const plan = t.db.select().from(plans).all();
		expect(plan).toHaveLength(1);
		expect(plan[0]).toMatchObject({ taxonomyVersionId: '2025-2027', status: 'in_force' });
		expect(rowCount(t.db, policyAreas)).toBe(8);
		expect(listTavoliOfPlan(t.db, plan[0]!.id)).toHaveLength(5);
	});

	it("loads the real plan's 20 objectives, each in one of its policy areas", () => {
		const objectives = listPlanObjectives(t.db, t.db.select().from(plans).get()!.id);
		expect(objectives.map((o) => o.number)).toEqual([...Array(20).keys()].map((i) => i + 1));
		expect(objectives.every((o) => o.policyArea !== null)).toBe(true);
	});

	it.each([
		['admin@demo.local', 'admin'],
		['facilitatore@demo.local', 'facilitator'],
		['partecipante@demo.local', 'participant'],
		['osservatore@demo.local', 'observer']
	])('creates %s as %s with the password "tavoli-demo"', async (email, role) => {
		const user = t.db.select().from(users).where(eq(users.email, email)).get();
		expect(user?.role).toBe(role);
		expect(user?.personId).not.toBeNull();
		expect(await verifyPassword(user!.passwordHash, 'tavoli-demo')).toBe(true);
		expect(await verifyPassword(user!.passwordHash, 'tavoli-demo!')).toBe(false);
	});

	it("has an incontro today, on Rome's clock, in the tavolo facilitatore@demo.local facilitates", () => {
		expect(todayInRome(NOW)).toBe(ROME_TODAY);
		const facilitator = t.db
			.select()
			.from(users)
			.where(eq(users.email, 'facilitatore@demo.local'))
			.get()!;
		const seat = t.db
			.select()
			.from(tavoloMembers)
			.where(eq(tavoloMembers.personId, facilitator.personId!))
			.all()
			.find((m) => m.role === 'facilitator_public');
		expect(seat).toBeDefined();
		const today = t.db
			.select()
			.from(meetings)
			.where(eq(meetings.tavoloId, seat!.tavoloId))
			.all()
			.filter((m) => m.date === ROME_TODAY);
		expect(today).toHaveLength(1);
	});

	it('[T1] gives every tavolo but Giovani one public and one third-sector facilitator', () => {
		const all = t.db.select().from(tavoli).all();
		const quiet = all.filter(
			(x) => tavoloWarnings(t.db, x.id, calendarOf(x.id)).facilitators.length === 0
		);
		expect(all.filter((x) => !quiet.includes(x)).map((x) => x.name)).toEqual(['Giovani']);
		for (const tavolo of quiet) {
			const facilitators = listMembers(t.db, tavolo.id)
				.filter((m) => m.role.startsWith('facilitator'))
				.map((m) => [m.role, m.sector])
				.sort();
			expect(facilitators).toEqual([
				['facilitator_public', 'public'],
				['facilitator_third_sector', 'third_sector']
			]);
		}
	});

	it('[T2] leaves no tavolo but Giovani without an incontro every 90 days', () => {
		const all = t.db.select().from(tavoli).all();
		const gappy = all.filter((x) => tavoloWarnings(t.db, x.id, calendarOf(x.id)).gaps.length > 0);
		expect(gappy.map((x) => x.name)).toEqual(['Giovani']);
	});
});
