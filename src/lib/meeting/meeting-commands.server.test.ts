import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbitoWithPlan, addTavolo, addUser, TEST_NOW } from '$lib/server/db/test-fixtures';
import { saveSubgroup } from '$lib/tavolo/tavolo-commands.server';
import type { MeetingInput } from './meeting';
import { changeMeetingStatus, saveMeeting } from './meeting-commands.server';
import { countedMeetingDates, getMeeting, listStatusChanges } from './meeting-repo.server';
import { meetingStatusChanges, meetings } from './meeting.schema';
import type { MeetingStatus } from './meeting-status';

let t: TestDatabase;
let tavoloId: number;
let otherTavoloId: number;
let userId: number;
beforeEach(async () => {
	t = createTestDatabase();
	const { planId } = addAmbitoWithPlan(t.db);
	tavoloId = addTavolo(t.db, planId, 'Famiglia');
	otherTavoloId = addTavolo(t.db, planId, 'Giovani');
	userId = (await addUser(t.db, 'facilitatore@example.org', { role: 'facilitator' })).id;
});
afterEach(() => t.cleanup());

const input = (change: Partial<MeetingInput> = {}): MeetingInput => ({
	title: 'Incontro del tavolo',
	subgroupId: null,
	date: '2026-04-15',
	startTime: '17:00',
	endTime: '19:00',
	mode: 'in_person',
	place: 'Centro per la Famiglia',
	onlineUrl: '',
	agenda: 'Saluti',
	...change
});

function subgroupOf(id: number, name: string): number {
	const result = saveSubgroup(t.db, id, null, {
		name,
		kind: 'theme',
		description: '',
		personIds: []
	});
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

function planned(): number {
	const result = saveMeeting(t.db, tavoloId, null, input(), TEST_NOW);
	if (!result.ok) throw new Error(result.reason);
	return result.value;
}

describe('saveMeeting', () => {
	it("plans an incontro, optionally for one of the tavolo's sub-groups", () => {
		const subgroupId = subgroupOf(tavoloId, 'Abitare');
		const result = saveMeeting(t.db, tavoloId, null, input({ subgroupId }), TEST_NOW);
		if (!result.ok) throw new Error(result.reason);
		expect(getMeeting(t.db, result.value)).toMatchObject({
			meeting: {
				tavoloId,
				subgroupId,
				status: 'planned',
				createdAt: TEST_NOW,
				updatedAt: TEST_NOW
			},
			tavoloName: 'Famiglia',
			subgroupName: 'Abitare'
		});
	});

	it('refuses a sub-group of another tavolo, on create and on update', () => {
		const foreign = subgroupOf(otherTavoloId, '14/18');
		const create = saveMeeting(t.db, tavoloId, null, input({ subgroupId: foreign }), TEST_NOW);
		expect(create).toEqual({ ok: false, reason: 'foreign-subgroup' });
		expect(rowCount(t.db, meetings)).toBe(0);
		const id = planned();
		const update = saveMeeting(t.db, tavoloId, id, input({ subgroupId: foreign }), TEST_NOW);
		expect(update).toEqual({ ok: false, reason: 'foreign-subgroup' });
		expect(getMeeting(t.db, id)?.meeting.subgroupId).toBeNull();
	});

	it('updates its own incontro but not one of another tavolo', () => {
		const id = planned();
		const later = TEST_NOW + 60_000;
		expect(saveMeeting(t.db, tavoloId, id, input({ title: 'Nuovo' }), later)).toEqual({
			ok: true,
			value: id
		});
		expect(getMeeting(t.db, id)?.meeting).toMatchObject({ title: 'Nuovo', updatedAt: later });
		const wrong = saveMeeting(t.db, otherTavoloId, id, input({ title: 'Furto' }), later);
		expect(wrong).toEqual({ ok: false, reason: 'not-found' });
		expect(getMeeting(t.db, id)?.meeting.title).toBe('Nuovo');
	});

	it('[M1] leaves an incontro whose verbale is approved as it is', () => {
		const id = planned();
		t.db.update(meetings).set({ status: 'minutes_approved' }).where(eq(meetings.id, id)).run();
		const edit = saveMeeting(t.db, tavoloId, id, input({ title: 'Riscritto' }), TEST_NOW + 1);
		expect(edit).toEqual({ ok: false, reason: 'minutes-approved' });
		expect(getMeeting(t.db, id)?.meeting.title).not.toBe('Riscritto');
	});
});

describe('[M1] changeMeetingStatus', () => {
	it.each<[MeetingStatus[], MeetingStatus]>([
		[[], 'held'],
		[[], 'in_progress'],
		[[], 'minutes_approved'],
		[[], 'planned'],
		[['convened', 'in_progress'], 'cancelled'],
		[['convened', 'in_progress', 'held', 'minutes_shared', 'minutes_approved'], 'held']
	])('after %j refuses the move to %s and records nothing', (path, to) => {
		const id = planned();
		for (const step of path) changeMeetingStatus(t.db, id, step, userId, TEST_NOW);
		const before = getMeeting(t.db, id)!.meeting;
		const result = changeMeetingStatus(t.db, id, to, userId, TEST_NOW + 1);
		expect(result).toEqual({ ok: false, reason: 'invalid-transition' });
		expect(getMeeting(t.db, id)?.meeting).toEqual(before);
		expect(rowCount(t.db, meetingStatusChanges)).toBe(path.length);
	});

	it('records from, to, by and at for every move', () => {
		const id = planned();
		const steps: MeetingStatus[] = ['convened', 'in_progress', 'held'];
		steps.forEach((to, i) => {
			expect(changeMeetingStatus(t.db, id, to, userId, TEST_NOW + i)).toEqual({
				ok: true,
				value: undefined
			});
		});
		const rows = t.db
			.select()
			.from(meetingStatusChanges)
			.where(eq(meetingStatusChanges.meetingId, id))
			.orderBy(asc(meetingStatusChanges.id))
			.all();
		expect(rows.map((r) => [r.fromStatus, r.toStatus, r.changedBy, r.changedAt])).toEqual([
			['planned', 'convened', userId, TEST_NOW],
			['convened', 'in_progress', userId, TEST_NOW + 1],
			['in_progress', 'held', userId, TEST_NOW + 2]
		]);
		expect(getMeeting(t.db, id)?.meeting).toMatchObject({
			status: 'held',
			updatedAt: TEST_NOW + 2
		});
		expect(listStatusChanges(t.db, id)[0]).toEqual({
			fromStatus: 'in_progress',
			toStatus: 'held',
			changedAt: TEST_NOW + 2,
			changedBy: 'facilitatore'
		});
	});

	it('answers not-found for an unknown incontro', () => {
		expect(changeMeetingStatus(t.db, 999, 'convened', userId, TEST_NOW)).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});
});

describe('countedMeetingDates', () => {
	it("[T2] gives the dates of the tavolo's incontri, leaving out cancelled ones", () => {
		const dated = (date: string, tavolo = tavoloId) => {
			const result = saveMeeting(t.db, tavolo, null, input({ date }), TEST_NOW);
			if (!result.ok) throw new Error(result.reason);
			return result.value;
		};
		dated('2026-01-10');
		const cancelled = dated('2026-03-01');
		dated('2026-05-20');
		dated('2026-02-02', otherTavoloId);
		expect(changeMeetingStatus(t.db, cancelled, 'cancelled', userId, TEST_NOW).ok).toBe(true);
		expect(countedMeetingDates(t.db, tavoloId).sort()).toEqual(['2026-01-10', '2026-05-20']);
	});
});
