/**
 * An iCalendar (RFC 5545) invitation for one incontro. Times are the Ambito's wall
 * clock, so the event carries TZID=Europe/Rome with its VTIMEZONE rules and every
 * calendar shows the right hour on both sides of a daylight-saving change.
 */
export interface IcsEvent {
	uid: string;
	/** Increases whenever the event changes, so calendars replace the old copy. */
	sequence: number;
	stampUtc: Date;
	date: string;
	startTime: string;
	endTime: string;
	summary: string;
	location: string;
	description: string;
	url: string | null;
	status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
}

const romeTimezone = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/Rome',
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

// eslint-disable-next-line no-control-regex -- dropping control characters is the point
const CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F]/g;

/**
 * RFC 5545 TEXT: a line break of any kind (CRLF, LF, a lone CR, which some
 * parsers take as a line end and so as a new property) becomes `\n`; other
 * control characters are not allowed in TEXT and are dropped.
 */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n')
		.replace(CONTROLS, '');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const bytes = encoder.encode(char).length;
		const limit = parts.length === 0 ? 75 : 74;
		if (size + bytes > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += char;
		size += bytes;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const localStamp = (date: string, time: string) =>
	`${date.replaceAll('-', '')}T${time.replace(':', '')}00`;
const utcStamp = (d: Date) =>
	d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

export function buildIcs(event: IcsEvent): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Tavoli//Incontri//IT',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...romeTimezone,
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`SEQUENCE:${event.sequence}`,
		`DTSTAMP:${utcStamp(event.stampUtc)}`,
		`DTSTART;TZID=Europe/Rome:${localStamp(event.date, event.startTime)}`,
		`DTEND;TZID=Europe/Rome:${localStamp(event.date, event.endTime)}`,
		`SUMMARY:${escapeText(event.summary)}`,
		...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
		...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
		...(event.url ? [`URL:${event.url}`] : []),
		`STATUS:${event.status}`,
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
