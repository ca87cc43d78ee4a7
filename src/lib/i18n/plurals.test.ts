import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';

/** Counts in the catalogue agree with their number, in Italian and in English. */
describe('plural messages', () => {
	const it_ = { locale: 'it' } as const;
	const en = { locale: 'en' } as const;

	it.each([
		[m.count_meetings, '1 incontro', '3 incontri', '1 meeting', '3 meetings'],
		[m.count_presences, '1 presenza', '3 presenze', '1 attendance', '3 attendances'],
		[
			m.count_organizations,
			'1 organizzazione',
			'3 organizzazioni',
			'1 organisation',
			'3 organisations'
		],
		[
			m.slides_objectives,
			'obiettivo del piano',
			'obiettivi del piano',
			'plan objective',
			'plan objectives'
		],
		[m.slides_tavoli, 'tavolo tematico', 'tavoli tematici', 'thematic table', 'thematic tables'],
		[
			m.sheet_confirm,
			'Importa 1 obiettivo',
			'Importa 3 obiettivi',
			'Import 1 objective',
			'Import 3 objectives'
		],
		[
			m.po_warnings_title,
			'Controlli di coerenza: 1 segnalazione',
			'Controlli di coerenza: 3 segnalazioni',
			'Consistency checks: 1 warning',
			'Consistency checks: 3 warnings'
		]
	])('%#: one and many', (message, itOne, itMany, enOne, enMany) => {
		const say = message as (inputs: { count: number }, options: { locale: 'it' | 'en' }) => string;
		expect(say({ count: 1 }, it_)).toBe(itOne);
		expect(say({ count: 3 }, it_)).toBe(itMany);
		expect(say({ count: 1 }, en)).toBe(enOne);
		expect(say({ count: 3 }, en)).toBe(enMany);
	});

	it('zero is plural in Italian', () => {
		expect(m.count_meetings({ count: 0 }, it_)).toBe('0 incontri');
	});

	it('messages with a count and other values', () => {
		expect(m.po_changes({ count: 1, version: 2 }, it_)).toBe('1 modifica rispetto alla versione 2');
		expect(m.po_changes({ count: 4, version: 2 }, it_)).toBe(
			'4 modifiche rispetto alla versione 2'
		);
		expect(m.objective_completeness_count({ filled: 1, total: 21 }, it_)).toBe('1 campo su 21');
		expect(m.count_points({ count: 1, score: '1' }, it_)).toBe('1 punto');
		expect(m.count_points({ count: 4.5, score: '4,5' }, it_)).toBe('4,5 punti');
		expect(m.vote_intro_dot({ budget: 1, cap: 1 }, it_)).toMatch(/^Hai 1 punto da distribuire/);
		expect(m.needs_summary({ total: 1, gaps: 0 }, it_)).toBe(
			'1 bisogno dai tavoli, 0 ancora senza un obiettivo del piano'
		);
	});

	it('ranks say "pari merito" for a tie', () => {
		expect(m.rank_place({ rank: 1 }, it_)).toBe('1° posto');
		expect(m.rank_place_tied({ rank: 1 }, it_)).toBe('1° posto (pari merito)');
	});
});
