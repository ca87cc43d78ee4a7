import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, rowCount, type TestDatabase } from '$lib/server/db/test-database';
import { addAmbito, addOrganization, TEST_NOW } from '$lib/server/db/test-fixtures';
import { saveOrganization } from '../directory-commands.server';
import { organizations, people } from '../directory.schema';
import { applyImport, previewImport } from './import-commands.server';
import { readCsv } from './table-file.server';

let t: TestDatabase;
let ambitoId: number;
beforeEach(() => {
	t = createTestDatabase();
	ambitoId = addAmbito(t.db);
	saveOrganization(
		t.db,
		ambitoId,
		null,
		{
			name: 'Cooperativa Il Piccolo Principe',
			aliases: ['Coop. Il Piccolo Principe'],
			type: 'social_cooperative',
			sector: 'third_sector',
			email: null
		},
		TEST_NOW
	);
});
afterEach(() => t.cleanup());

const orgFile = (...rows: string[]) =>
	readCsv(['Denominazione;Tipologia;Alias', ...rows].join('\n'));

describe('[D3] applyImport', () => {
	it('saves nothing when one row is bad, and the preview names its line and field', () => {
		const table = orgFile(
			'Coop Alfa;Cooperativa sociale;',
			'Ente Beta;Ente misterioso;',
			'Comune di Gamma;Comune;'
		);
		const before = rowCount(t.db, organizations);

		const result = applyImport(t.db, ambitoId, 'organizations', table, TEST_NOW);

		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.preview.valid).toBe(false);
		const bad = result.preview.rows.filter((r) => r.errors.length > 0);
		expect(bad).toEqual([
			expect.objectContaining({ line: 3, errors: [{ field: 'type', code: 'unknown_type' }] })
		]);
		expect(rowCount(t.db, organizations)).toBe(before);
	});

	it('saves nothing when a row repeats an organisation the directory holds', () => {
		const table = orgFile('Coop Alfa;Coop;', 'cooperativa il piccolo principe;Coop;');
		const result = applyImport(t.db, ambitoId, 'organizations', table, TEST_NOW);
		expect(result.ok).toBe(false);
		expect(rowCount(t.db, organizations)).toBe(1);
	});

	it('saves every row of a good file in the Ambito', () => {
		const table = orgFile(
			'Coop Alfa;Cooperativa sociale;Alfa|Coop. Alfa',
			'Comune di Gamma;Comune;'
		);
		const result = applyImport(t.db, ambitoId, 'organizations', table, TEST_NOW + 5);
		expect(result).toEqual({ ok: true, saved: 2 });
		const saved = t.db.select().from(organizations).orderBy(asc(organizations.id)).all().slice(1);
		expect(saved).toEqual([
			expect.objectContaining({
				ambitoId,
				name: 'Coop Alfa',
				aliases: ['Alfa', 'Coop. Alfa'],
				type: 'social_cooperative',
				sector: 'third_sector',
				createdAt: TEST_NOW + 5
			}),
			expect.objectContaining({
				ambitoId,
				name: 'Comune di Gamma',
				type: 'comune',
				sector: 'public'
			})
		]);
	});

	it('saves people linked to their organisation by alias', () => {
		const orgId = t.db.select().from(organizations).get()!.id;
		const table = readCsv(
			'Nome;Cognome;Email;Organizzazione\nMario;Rossi;mario@example.org;Coop. il Piccolo Principe\nAnna;Bianchi;;\n'
		);
		expect(applyImport(t.db, ambitoId, 'people', table, TEST_NOW)).toEqual({ ok: true, saved: 2 });
		const rows = t.db.select().from(people).orderBy(asc(people.id)).all();
		expect(rows.map((p) => [p.fullName, p.email, p.organizationId, p.ambitoId])).toEqual([
			['Mario Rossi', 'mario@example.org', orgId, ambitoId],
			['Anna Bianchi', null, null, ambitoId]
		]);
	});

	it('checks people against the directory as it is at save time', () => {
		const table = readCsv('Nominativo;Email\nMario Rossi;mario@example.org\n');
		expect(applyImport(t.db, ambitoId, 'people', table, TEST_NOW).ok).toBe(true);
		const again = applyImport(t.db, ambitoId, 'people', table, TEST_NOW);
		expect(again.ok).toBe(false);
		if (!again.ok)
			expect(again.preview.rows[0]?.errors).toEqual([
				{ field: 'email', code: 'duplicate_existing' }
			]);
		expect(rowCount(t.db, people)).toBe(1);
	});
});

describe('[D3] previewImport', () => {
	it("matches against the Ambito's own directory only", () => {
		const other = addAmbito(t.db, 'Altro Ambito');
		addOrganization(t.db, other, 'ASST Bergamo Est');
		const table = readCsv('Nominativo;Organizzazione\nLuca Verdi;ASST Bergamo Est\n');
		expect(previewImport(t.db, other, 'people', table).valid).toBe(true);
		const here = previewImport(t.db, ambitoId, 'people', table);
		expect(here.rows[0]?.errors).toEqual([{ field: 'organization', code: 'unknown_organization' }]);
		expect(rowCount(t.db, people)).toBe(0);
	});
});
