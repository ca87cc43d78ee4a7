import { describe, expect, it } from 'vitest';
import { objectiveFields } from '$lib/objectives/objective-template';
import {
	applyEdit,
	buildMinutes,
	commentInput,
	regenerate,
	sectionEditInput,
	type Block,
	type MinutesDocument,
	type SectionKey
} from './minutes';
import { minutesFixture } from './minutes-fixture';

const body = (doc: MinutesDocument, key: SectionKey): Block[] =>
	doc.sections.find((s) => s.key === key)!.blocks;
const tables = (blocks: Block[]) =>
	blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
const texts = (blocks: Block[]) =>
	blocks.flatMap((b) =>
		b.type === 'list' ? b.items : b.type === 'table' ? b.rows.flat() : [b.text]
	);

describe('[M-V1] the draft verbale', () => {
	const doc = buildMinutes(minutesFixture());

	it('keeps a right-to-left name in its place among the separators', () => {
		const fixture = minutesFixture();
		const rtl = buildMinutes({
			...fixture,
			meeting: { ...fixture.meeting, tavolo: 'جمعية النور', title: 'لقاء' }
		});
		expect(rtl.subtitle).toBe('\u2068جمعية النور\u2069 · Piano di Zona 2025-2027 «Fare insieme»');
		expect(rtl.title).toBe("Verbale dell'incontro «\u2068لقاء\u2069»");
	});

	it('has every section, in order, titled in Italian, none edited', () => {
		expect(doc.title).toBe("Verbale dell'incontro «Co-programmazione: bisogni e priorità 2027»");
		expect(doc.subtitle).toBe('Domiciliarità e Terza Età · Piano di Zona 2025-2027 «Fare insieme»');
		expect(doc.sections.map((s) => [s.key, s.title])).toEqual([
			['info', "Dati dell'incontro"],
			['attendance', 'Presenti (foglio firme)'],
			['agenda', 'Ordine del giorno'],
			['phases', 'Lavori per fase'],
			['votes', 'Esiti delle votazioni'],
			['objectives', 'Schede obiettivo in bozza'],
			['decisions', 'Decisioni e priorità']
		]);
		expect(doc.sections.every((s) => !s.edited)).toBe(true);
	});

	it('states date, time, mode, place, link, tavolo and plan', () => {
		expect(texts(body(doc, 'info'))).toEqual([
			'Data: martedì 1 dicembre 2026',
			'Orario: dalle 17:30 alle 19:30',
			'Modalità: Mista (presenza e online)',
			'Luogo: Sala consiliare, Seriate',
			'Collegamento: https://meet.example.org/tavolo',
			'Tavolo: Domiciliarità e Terza Età',
			'Piano: Piano di Zona 2025-2027 «Fare insieme»'
		]);
	});

	it('numbers the agenda', () => {
		expect(body(doc, 'agenda')).toEqual([
			{
				type: 'list',
				ordered: true,
				items: ['Benvenuto e foglio firme', 'Brainstorming', 'Voto delle priorità']
			}
		]);
	});

	it('shows each phase as it ended, and says when a phase changed no card', () => {
		const blocks = body(doc, 'phases');
		expect(
			blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)
		).toEqual([
			'Raccolta — fase conclusa alle 18:05',
			'Raggruppamento — fase conclusa alle 18:30',
			'Votazione — situazione alla stesura del verbale'
		]);
		expect(texts(blocks)).toContain(
			'Bisogno: Mancano trasporti per le visite mediche — Anna Verdi (Cooperativa Il Sole)'
		);
		expect(texts(blocks)).toContain('Criticità: Anziani soli la sera');
		expect(texts(blocks)).toContain('«Isolamento» (2 schede)');
		expect(texts(blocks).at(-1)).toBe(
			'Nessuna modifica alle schede rispetto alla fase precedente.'
		);
	});

	it('lists every card in the first phase and only what changed in a later one', () => {
		const blocks = body(doc, 'phases');
		const meals = 'Risorsa: Pasti a domicilio di Auser — Bruno Neri';
		expect(texts(blocks).filter((t) => t.includes('Pasti a domicilio'))).toEqual([meals]);
		expect(texts(blocks)).toContain('Spostata qui: Criticità: Anziani soli la sera');
		const merged = buildMinutes({
			...minutesFixture(),
			phases: [minutesFixture().phases[0]!, { ...minutesFixture().phases[1]!, loose: [] }]
		});
		expect(texts(body(merged, 'phases')).slice(-2)).toEqual([
			'Schede tolte o unite ad altre',
			meals
		]);
	});

	it('lists priorities with their vote, and the needs left for later', () => {
		expect(texts(body(doc, 'decisions'))).toEqual([
			'Il tavolo ha indicato come prioritari:',
			'«Isolamento» (raggruppamento, 1° posto con 12 punti)',
			'«Pasti a domicilio di Auser» (scheda, 2° posto (pari merito) con 4,5 punti)',
			'Bisogni emersi e non scelti in questo incontro, da riprendere:',
			'Sportello serale',
			'Prossimi passi: da completare a cura dei facilitatori.'
		]);
	});
});

describe('[M-V2] foglio firme, votes and objective cards', () => {
	const doc = buildMinutes(minutesFixture());

	it('has the foglio firme as a table: name, organisation, time of signature', () => {
		const [sheet] = tables(body(doc, 'attendance'));
		expect(sheet!.columns).toEqual([
			'N.',
			'Nome e cognome',
			'Ente / organizzazione',
			'Ora',
			'Firma'
		]);
		expect(sheet!.rows).toEqual([
			['1', 'Anna Verdi', 'Cooperativa Il Sole', '17:32', "Codice dell'incontro"],
			['2', 'Bruno Neri', 'Comune di Pedrengo', '17:40', 'Foglio cartaceo']
		]);
		expect(texts(body(doc, 'attendance'))[0]).toBe(
			'Hanno firmato il foglio firme 2 persone di 2 enti.'
		);
	});

	it('has each revealed round as a ranking with ties and the public / third-sector split', () => {
		const blocks = body(doc, 'votes');
		expect(texts(blocks)[0]).toMatch(/consultivo/);
		expect(texts(blocks)).toContain('Schede di voto: 7 (di cui 1 su carta).');
		const [ranking] = tables(blocks);
		expect(ranking!.rows).toEqual([
			['1° posto', 'Isolamento', '12', '5', '7', '0'],
			['2° posto (pari merito)', 'Pasti a domicilio di Auser', '4,5', '2', '2,5', '0'],
			['2° posto (pari merito)', 'Sportello serale', '4,5', '0', '4,5', '0']
		]);
	});

	it('has every objective card with the 21 fields under their Italian labels', () => {
		const blocks = body(doc, 'objectives');
		expect(blocks[0]).toEqual({
			type: 'heading',
			text: 'Ridurre l’isolamento serale degli anziani soli'
		});
		expect(texts(blocks)).toContain('Macroaree: D — Domiciliarità; E — Anziani.');
		const [card] = tables(blocks);
		expect(card!.rows.map((r) => r[0])).toEqual(objectiveFields.map((f) => f.label));
		const value = (label: string) => card!.rows.find((r) => r[0] === label)![1];
		expect(value('Obiettivi')).toBe('Ridurre l’isolamento\n• trasporti serali');
		expect(value('Tipologia di obiettivo')).toBe('PREVENTIVO, PROMOZIONALE');
		expect(value('Target')).toBe('—');
	});

	it('says so when the incontro had no board or nobody signed', () => {
		const empty = buildMinutes({ ...minutesFixture(), hadBoard: false, attendance: [] });
		for (const key of ['phases', 'votes', 'objectives'] as const)
			expect(texts(body(empty, key))).toEqual(["L'incontro non ha usato la lavagna."]);
		expect(texts(body(empty, 'attendance'))).toEqual(['Nessuna firma sul foglio firme.']);
	});
});

describe('[M-V1] the objectives of the plan reviewed at the incontro (monitoring M33)', () => {
	const reviewed = [
		{
			number: 3,
			title: 'Rafforzare la domiciliarità',
			status: 'approved',
			archived: false,
			indicators: [
				{
					name: 'Anziani seguiti a domicilio',
					unit: null,
					target: '120',
					latest: { period: '2026-S1', value: 96 },
					progress: 80
				},
				{ name: 'Ore di sollievo', unit: ' h', target: null, latest: null, progress: null }
			]
		},
		{ number: 7, title: 'Sportello unico', status: 'review', archived: true, indicators: [] }
	];

	it('has its own section after the agenda, one row per indicator, never averaged', () => {
		const doc = buildMinutes({ ...minutesFixture(), reviewed });
		expect(doc.sections.map((s) => s.key).slice(2, 4)).toEqual(['agenda', 'monitoring']);
		const blocks = body(doc, 'monitoring');
		expect(blocks[0]).toEqual({
			type: 'paragraph',
			text: "All'ordine del giorno 2 obiettivi del piano, con l'ultimo valore misurato di ciascun indicatore."
		});
		expect(tables(blocks)[0]!.rows).toEqual([
			[
				'3',
				'Rafforzare la domiciliarità',
				'Approvato',
				'Anziani seguiti a domicilio',
				'96 (2026-S1)',
				'80% del valore atteso (120)'
			],
			[
				'3',
				'Rafforzare la domiciliarità',
				'Approvato',
				'Ore di sollievo',
				'non ancora misurato',
				'—'
			],
			['7', 'Sportello unico', 'In revisione (archiviato)', 'Nessun indicatore', '—', '—']
		]);
	});

	it('is left out when nothing was reviewed', () => {
		const doc = buildMinutes(minutesFixture());
		expect(doc.sections.some((s) => s.key === 'monitoring')).toBe(false);
	});
});

describe('[M-V3, M-V4] edits and regeneration', () => {
	const doc = buildMinutes(minutesFixture());
	const edited = applyEdit(doc, {
		section: 'decisions',
		text: 'Si decide di\n\n- fare A\n- fare B'
	});

	it('[M-V4] an edit replaces one section body and marks it edited', () => {
		expect(body(edited, 'decisions')).toEqual([
			{ type: 'paragraph', text: 'Si decide di' },
			{ type: 'list', ordered: false, items: ['fare A', 'fare B'] }
		]);
		expect(edited.sections.find((s) => s.key === 'decisions')!.edited).toBe(true);
		expect(edited.sections.filter((s) => s.key !== 'decisions')).toEqual(
			doc.sections.filter((s) => s.key !== 'decisions')
		);
	});

	it('[M-V3] regenerating keeps edited sections unless told to overwrite them', () => {
		const fresh = buildMinutes({ ...minutesFixture(), agenda: ['Nuovo punto'] });
		const kept = regenerate(edited, fresh, false);
		expect(body(kept, 'decisions')).toEqual(body(edited, 'decisions'));
		expect(texts(body(kept, 'agenda'))).toEqual(['Nuovo punto']);
		expect(regenerate(edited, fresh, true)).toEqual(fresh);
	});

	it('[M-V4] validates the edit: a known section, bounded text', () => {
		expect(sectionEditInput.safeParse({ section: 'notes', text: 'x' }).success).toBe(false);
		expect(
			sectionEditInput.safeParse({ section: 'agenda', text: 'x'.repeat(100_001) }).success
		).toBe(false);
		expect(sectionEditInput.safeParse({ section: 'agenda', text: '' }).success).toBe(true);
	});

	it('[M-V7] a comment names a section and has some text, at most 2000 characters', () => {
		expect(commentInput.parse({ section: 'votes', text: '  Manca un voto  ' })).toEqual({
			section: 'votes',
			text: 'Manca un voto'
		});
		expect(commentInput.safeParse({ section: 'votes', text: '   ' }).success).toBe(false);
		expect(commentInput.safeParse({ section: 'votes', text: 'x'.repeat(2001) }).success).toBe(
			false
		);
	});
});
