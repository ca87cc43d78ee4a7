import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, type IcsEvent } from './ics';

const event: IcsEvent = {
	uid: 'meeting-7@tavoli',
	sequence: 3,
	stampUtc: new Date('2026-12-01T10:00:00Z'),
	date: '2026-12-01',
	startTime: '17:30',
	endTime: '19:30',
	summary: 'Tavolo Domiciliarità, incontro; dicembre',
	location: 'Sala consiliare, Piazza Alebardi 1, Seriate',
	description: 'Ordine del giorno:\n1. Bisogni\n2. Priorità',
	url: 'https://meet.example.org/abc',
	status: 'CONFIRMED'
};

describe('buildIcs', () => {
	const ics = buildIcs(event);
	const unfolded = ics.replace(/\r\n /g, '');

	it('uses CRLF line endings and wraps one VEVENT in a VCALENDAR', () => {
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
	});

	it('gives local times with the Europe/Rome zone and its rules', () => {
		expect(unfolded).toContain('DTSTART;TZID=Europe/Rome:20261201T173000');
		expect(unfolded).toContain('DTEND;TZID=Europe/Rome:20261201T193000');
		expect(unfolded).toContain('TZID:Europe/Rome');
		expect(unfolded).toContain('DTSTAMP:20261201T100000Z');
	});

	it('escapes text values', () => {
		expect(unfolded).toContain('SUMMARY:Tavolo Domiciliarità\\, incontro\\; dicembre');
		expect(unfolded).toContain('DESCRIPTION:Ordine del giorno:\\n1. Bisogni\\n2. Priorità');
	});

	it('keeps every physical line within 75 octets', () => {
		const long = buildIcs({ ...event, description: 'è'.repeat(200) });
		for (const line of long.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		}
	});
});

describe('text helpers', () => {
	it('escapes backslashes first', () => {
		expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
	});
	it('turns every line break into \\n, a lone CR included, and drops other controls', () => {
		expect(escapeText('Sala\rATTENDEE:x\r\ny\nz\u0007\u001b\tw')).toBe(
			'Sala\\nATTENDEE:x\\ny\\nz\tw'
		);
	});
	it('does not fold short lines', () => {
		expect(foldLine('SUMMARY:x')).toBe('SUMMARY:x');
	});
});
