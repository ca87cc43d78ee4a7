import { z } from 'zod';
import {
	clockTime,
	enumField,
	isoDate,
	optionalIdField,
	optionalText,
	optionalUrl,
	requiredText
} from '$lib/forms/fields';
import { meetingModes, meetingStatuses } from './meeting-status';

/**
 * An incontro as the facilitator plans it (SPEC M2): it ends after it starts, an
 * in-person incontro has a place, an online one a link, a mixed one both.
 */
export const meetingInput = z
	.object({
		title: requiredText(200),
		subgroupId: optionalIdField,
		date: isoDate,
		startTime: clockTime,
		endTime: clockTime,
		mode: enumField(meetingModes),
		place: optionalText(300),
		onlineUrl: optionalUrl,
		agenda: optionalText(4000)
	})
	.superRefine((m, ctx) => {
		if (m.endTime <= m.startTime)
			ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'end_before_start' });
		if (m.mode !== 'online' && m.place === '')
			ctx.addIssue({ code: 'custom', path: ['place'], message: 'required' });
		if (m.mode !== 'in_person' && m.onlineUrl === '')
			ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'required' });
	});
export type MeetingInput = z.output<typeof meetingInput>;

export const statusChangeInput = z.object({ status: enumField(meetingStatuses) });

const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' });

/** Today's date on the Ambito's wall clock. */
export function todayInRome(now: number): string {
	return romeDay.format(new Date(now));
}

/** Adds days to an ISO date (calendar arithmetic, no time zone involved). */
export function addDays(isoDay: string, days: number): string {
	const d = new Date(`${isoDay}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Agenda text → items, one per non-empty line, without list markers. */
export function agendaItems(agenda: string): string[] {
	return agenda
		.split(/\r?\n/)
		.map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
		.filter((line) => line.length > 0);
}
