import { describe, expect, it } from 'vitest';
import { addDays, agendaItems, meetingInput, todayInRome } from './meeting';
import { canMoveTo, nextStatuses } from './meeting-status';

const base = {
	title: 'Incontro',
	date: '2026-12-01',
	startTime: '17:30',
	endTime: '19:00',
	mode: 'in_person',
	place: 'Sala consiliare',
	onlineUrl: '',
	agenda: ''
};

describe('[M2] incontro input', () => {
	it('accepts a well-formed in-person incontro', () => {
		expect(meetingInput.safeParse(base).success).toBe(true);
	});

	it.each([
		[{ endTime: '17:00' }, 'endTime', 'end_before_start'],
		[{ place: '' }, 'place', 'required'],
		[{ mode: 'online', place: '' }, 'onlineUrl', 'required'],
		[{ mode: 'hybrid', onlineUrl: 'ftp://x' }, 'onlineUrl', 'invalid_url'],
		[{ date: '2026-13-45' }, 'date', 'invalid_date'],
		[{ startTime: '25:00' }, 'startTime', 'invalid_time']
	])('refuses %o', (change, field, code) => {
		const r = meetingInput.safeParse({ ...base, ...change });
		expect(r.success).toBe(false);
		expect(r.error?.issues.find((i) => i.path[0] === field)?.message).toBe(code);
	});
});

describe('[M1] status transitions', () => {
	it('follow the life of an incontro one step at a time', () => {
		expect(canMoveTo('planned', 'convened')).toBe(true);
		expect(canMoveTo('convened', 'in_progress')).toBe(true);
		expect(canMoveTo('held', 'minutes_shared')).toBe(true);
		expect(canMoveTo('minutes_shared', 'minutes_approved')).toBe(true);
	});

	it('never skip a step and never reopen approved minutes', () => {
		expect(canMoveTo('planned', 'held')).toBe(false);
		expect(nextStatuses('minutes_approved')).toEqual([]);
	});

	it('let a cancelled incontro be planned again', () => {
		expect(canMoveTo('cancelled', 'planned')).toBe(true);
	});
});

describe('calendar helpers', () => {
	it('takes today on the Rome clock, not UTC', () => {
		expect(todayInRome(Date.parse('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
	});
	it('adds days across months', () => {
		expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
	});
	it('splits an agenda into items without markers', () => {
		expect(agendaItems('1. Saluti\n\n- Bisogni emersi\n• Priorità')).toEqual([
			'Saluti',
			'Bisogni emersi',
			'Priorità'
		]);
	});
});
