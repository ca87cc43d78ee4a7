import { describe, expect, it } from 'vitest';
import { planImport, type DirectorySnapshot, type ImportKind } from './directory-import';
import { decodeCsv, readCsv } from './table-file.server';

const nothing: DirectorySnapshot = { organizations: [], personEmails: [] };
const plan = (kind: ImportKind, csv: string, snapshot = nothing) =>
	planImport(kind, readCsv(csv), snapshot);

describe('[D3] organisations from a spreadsheet', () => {
	it('reads Italian headers and ";"-separated rows, with a BOM, as spreadsheets export them', () => {
		const csv =
			'\uFEFFDenominazione;Tipologia;Settore;Altri nomi;Posta elettronica\r\n' +
			'Cooperativa Namastè;Cooperativa sociale;;Coop. Namastè|Namaste;INFO@Namaste.it\r\n' +
			'Comune di Seriate;Comune;Pubblico;;\r\n';
		const result = plan('organizations', csv);
		expect(result.preview).toMatchObject({ valid: true, fileErrors: [] });
		expect(result.preview.rows.map((r) => r.line)).toEqual([2, 3]);
		expect(result.organizations).toEqual([
			{
				name: 'Cooperativa Namastè',
				aliases: ['Coop. Namastè', 'Namaste'],
				type: 'social_cooperative',
				sector: 'third_sector',
				email: 'info@namaste.it'
			},
			{ name: 'Comune di Seriate', aliases: [], type: 'comune', sector: 'public', email: null }
		]);
	});

	it.each([
		['Cooperativa sociale', 'social_cooperative', 'third_sector'],
		['COOP', 'social_cooperative', 'third_sector'],
		['Comune', 'comune', 'public'],
		['ASST', 'asst', 'public'],
		['Scuola', 'school', 'public'],
		['ODV', 'association', 'third_sector'],
		['Parrocchia/Oratorio', 'parish', 'third_sector'],
		['Fondazione', 'foundation', 'third_sector'],
		['social_cooperative', 'social_cooperative', 'third_sector']
	])('reads the type %j as %s, with the default sector %s', (word, type, sector) => {
		const result = plan('organizations', `Nome;Tipo\nEnte di prova;${word}\n`);
		expect(result.preview.rows[0]?.errors).toEqual([]);
		expect(result.organizations[0]).toMatchObject({ type, sector });
	});

	it('lets an explicit sector override the default of the type', () => {
		const result = plan('organizations', 'Nome;Tipo;Settore\nEFP Sacra Famiglia;Scuola;ETS\n');
		expect(result.organizations[0]).toMatchObject({ type: 'school', sector: 'third_sector' });
	});

	it.each([
		['an unknown type', 'Ente;Ente misterioso;', 'type', 'unknown_type'],
		['a missing type', 'Ente;;', 'type', 'required'],
		['an unknown sector', 'Ente;Comune;Semi-pubblico', 'sector', 'unknown_sector'],
		['a missing name', ';Comune;', 'name', 'required']
	])('flags %s on its line and field', (_, row, field, code) => {
		const result = plan('organizations', `Nome;Tipo;Settore\nBuona;Comune;\n${row}\n`);
		expect(result.preview.valid).toBe(false);
		expect(result.preview.rows[1]).toMatchObject({ line: 3, errors: [{ field, code }] });
		expect(result.preview.rows[0]?.errors).toEqual([]);
		expect(result.organizations).toHaveLength(1);
	});

	it('flags a name repeated in the file, ignoring case and accents', () => {
		const result = plan('organizations', 'Nome;Tipo\nCoop Alfa;Coop\nCOOP ALFA;Coop\n');
		expect(result.preview.rows.map((r) => r.errors)).toEqual([
			[],
			[{ field: 'name', code: 'duplicate_in_file' }]
		]);
		expect(result.preview.valid).toBe(false);
	});

	it('flags a name the directory already holds', () => {
		const snapshot = {
			organizations: [{ id: 1, name: 'Cooperativa Namastè', aliases: [] }],
			personEmails: []
		};
		const result = plan('organizations', 'Nome;Tipo\ncooperativa namaste;Coop\n', snapshot);
		expect(result.preview.rows[0]?.errors).toEqual([{ field: 'name', code: 'duplicate_existing' }]);
	});
});

describe('[D3] the file as a whole', () => {
	it.each([
		['organisations without a type column', 'organizations', 'Nome;Settore\nX;Pubblico\n'],
		['organisations without a name column', 'organizations', 'Tipo;Settore\nComune;\n'],
		['people without a name column', 'people', 'Email;Telefono\na@b.it;123\n']
	] as const)('refuses %s as missing_columns', (_, kind, csv) => {
		const result = plan(kind, csv);
		expect(result.preview).toMatchObject({ fileErrors: ['missing_columns'], valid: false });
		expect(result.preview.rows).toEqual([]);
	});

	it.each([
		['no content at all', readCsv('')],
		['a header only', readCsv('Nome;Tipo\n\n')],
		['blank cells only', [['', ' '], [''], ['', '']]]
	])('refuses %s as empty_file', (_, table) => {
		const result = planImport('organizations', table, nothing);
		expect(result.preview).toMatchObject({ fileErrors: ['empty_file'], valid: false });
		expect(result.organizations).toEqual([]);
	});

	it('skips a title above the header, as exported registers carry, and keeps the lines', () => {
		const csv =
			'Elenco degli enti del terzo settore;;\n' +
			'Ambito di Seriate - aggiornato al 30/06/2025;;\n\n' +
			'Denominazione;Tipologia;Settore\n' +
			'Cooperativa Namastè;Cooperativa sociale;\n';
		const result = plan('organizations', csv);
		expect(result.preview).toMatchObject({ valid: true, fileErrors: [] });
		expect(result.preview.rows.map((r) => r.line)).toEqual([5]);
		expect(result.organizations.map((o) => o.name)).toEqual(['Cooperativa Namastè']);
	});

	it.each([
		['the name heading twice', 'organizations', 'Denominazione;Tipo;Denominazione\nA;Comune;B\n'],
		['the e-mail heading twice', 'people', 'Nome;Email;EMAIL\nA;a@b.it;c@d.it\n']
	] as const)(
		'refuses %s as repeated_column: which one holds the value is not guessed',
		(_, kind, csv) => {
			const result = plan(kind, csv);
			expect(result.preview).toMatchObject({ fileErrors: ['repeated_column'], valid: false });
			expect(result.organizations).toEqual([]);
			expect(result.people).toEqual([]);
		}
	);

	it('reads the first of two different headings of one meaning, as a person would', () => {
		const people = plan('people', 'Nome;Cognome;Telefono;Cellulare\nAnna;Rota;035 1;333 2\n');
		expect(people.preview).toMatchObject({ valid: true, fileErrors: [] });
		expect(people.people[0]).toMatchObject({ phone: '035 1' });
		const organizations = plan(
			'organizations',
			'Nome;Tipo;Denominazione\nComune di Seriate;Comune;X\n'
		);
		expect(organizations.organizations.map((o) => o.name)).toEqual(['Comune di Seriate']);
	});

	it('names the line of the file, counting blank lines and the header as line 1', () => {
		const csv = 'Nome;Tipo\r\n\r\nBuona;Comune\r\n;\r\nCattiva;Boh\r\n';
		const result = plan('organizations', csv);
		expect(result.preview.rows.map((r) => [r.line, r.errors.map((e) => e.code)])).toEqual([
			[3, []],
			[5, ['unknown_type']]
		]);
	});

	it.each([
		['a control character', 'Coop\u0001Uno'],
		['a vertical tab', 'Coop\u000bDue'],
		['a noncharacter', 'Coop\uffff'],
		['a lone surrogate', 'Coop\ud800']
	])('refuses a cell with %s, as any form does (a table sent back is checked too)', (_, name) => {
		const result = planImport(
			'organizations',
			[
				['Nome', 'Tipo'],
				[name, 'Comune']
			],
			nothing
		);
		expect(result.preview.valid).toBe(false);
		expect(result.preview.rows[0]!.errors).toEqual([{ field: 'name', code: 'invalid_characters' }]);
	});

	it('reads a CSV saved by Excel in Windows-1252, accents and all; UTF-8 as UTF-8', () => {
		const latin = Uint8Array.from([
			...Buffer.from('Nome;Tipo\r\nCitt'),
			0xe0,
			...Buffer.from(' dell'),
			0x92,
			...Buffer.from('anziano;Comune\r\n')
		]);
		expect(decodeCsv(latin)).toBe('Nome;Tipo\r\nCittà dell’anziano;Comune\r\n');
		const result = plan('organizations', decodeCsv(latin));
		expect(result.organizations.map((o) => o.name)).toEqual(['Città dell’anziano']);
		expect(decodeCsv(new TextEncoder().encode('Città ✓'))).toBe('Città ✓');
	});
});

describe('[D3] people from a spreadsheet', () => {
	const snapshot: DirectorySnapshot = {
		organizations: [
			{ id: 7, name: 'Cooperativa Il Piccolo Principe', aliases: ['Coop. Il Piccolo Principe'] },
			{ id: 8, name: 'ASST Bergamo Est', aliases: ['ASST BG EST'] }
		],
		personEmails: ['gia.presente@example.org']
	};

	it('joins separate nome and cognome columns and matches organisations by alias', () => {
		const csv =
			'Nome;Cognome;E-mail;Ente di appartenenza;Ruolo;Livello\n' +
			'Mario;Rossi;Mario.Rossi@Example.org;coop. il piccolo principe;Educatore;Strategico\n' +
			'Anna;Bianchi;;asst bg est;;\n';
		const result = plan('people', csv, snapshot);
		expect(result.preview.valid).toBe(true);
		expect(result.people).toEqual([
			{
				fullName: 'Mario Rossi',
				email: 'mario.rossi@example.org',
				phone: '',
				organizationId: 7,
				jobTitle: 'Educatore',
				roleLevel: 'strategic'
			},
			expect.objectContaining({ fullName: 'Anna Bianchi', organizationId: 8, email: null })
		]);
		expect(result.people[1]?.roleLevel).toBe('technical');
	});

	it.each([
		[
			'an unknown organisation',
			'Luca Verdi;l@example.org;Ente ignoto;',
			'organization',
			'unknown_organization'
		],
		['an unknown level', 'Luca Verdi;l@example.org;;boh', 'roleLevel', 'unknown_level'],
		['an invalid e-mail', 'Luca Verdi;non-una-mail;;', 'email', 'invalid_email'],
		[
			'an e-mail already in the directory',
			'Luca Verdi;GIA.PRESENTE@example.org;;',
			'email',
			'duplicate_existing'
		]
	])('flags %s', (_, row, field, code) => {
		const csv = `Nome e cognome;Email;Organizzazione;Livello\n${row}\n`;
		const result = plan('people', csv, snapshot);
		expect(result.preview.rows[0]).toMatchObject({ line: 2, errors: [{ field, code }] });
		expect(result.people).toEqual([]);
	});

	it('flags an e-mail repeated in the file on the second line only', () => {
		const csv = 'Nominativo;Email\nA Uno;x@example.org\nB Due;X@example.org\n';
		const result = plan('people', csv, snapshot);
		expect(result.preview.rows.map((r) => r.errors)).toEqual([
			[],
			[{ field: 'email', code: 'duplicate_in_file' }]
		]);
	});
});
