import { access } from '$lib/auth/access';
import { buildIcs } from '$lib/meeting/ics';
import { agendaItems } from '$lib/meeting/meeting';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

const icsStatus = { planned: 'TENTATIVE', cancelled: 'CANCELLED' } as const;

/** The incontro as an iCalendar invitation, for anyone who may see its tavolo. */
export const GET: RequestHandler = (event) => {
	const { meeting, tavoloName } = meetingContext(event, access.viewTavolo);
	const agenda = agendaItems(meeting.agenda);
	const description = [
		...(agenda.length
			? [m.ics_agenda_heading(), ...agenda.map((item, i) => `${i + 1}. ${item}`)]
			: []),
		...(meeting.onlineUrl ? ['', m.ics_online_link({ url: meeting.onlineUrl })] : []),
		'',
		new URL(`/meetings/${meeting.id}`, event.url).href
	].join('\n');
	const body = buildIcs({
		uid: `meeting-${meeting.id}@${event.url.host}`,
		sequence: Math.floor(meeting.updatedAt / 1000) - Math.floor(meeting.createdAt / 1000),
		stampUtc: new Date(meeting.updatedAt),
		date: meeting.date,
		startTime: meeting.startTime,
		endTime: meeting.endTime,
		summary: `${tavoloName}: ${meeting.title}`,
		location: meeting.place || meeting.onlineUrl,
		description,
		url: meeting.onlineUrl || null,
		status:
			meeting.status in icsStatus
				? icsStatus[meeting.status as keyof typeof icsStatus]
				: 'CONFIRMED'
	});
	return new Response(body, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': `attachment; filename="incontro-${meeting.id}.ics"`
		}
	});
};
