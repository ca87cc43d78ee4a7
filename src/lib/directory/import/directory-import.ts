import { z } from 'zod';
import { fieldErrors } from '$lib/forms/form-data';
import { nameKey } from '$lib/forms/name-key';
import { textFault } from '$lib/forms/plain-text';
import { organizationInput, personInput } from '../directory';
import {
	defaultSector,
	type OrganizationType,
	type RoleLevel,
	type Sector
} from '../organization-types';

/**
 * Importing organisations or people from a spreadsheet (SPEC D3). Pure: given
 * the table and what the directory already holds, it says row by row what would
 * be saved and what is wrong. The command saves only a plan with no error at all.
 */
export const ImportKind = { organizations: 'organizations', people: 'people' } as const;
export type ImportKind = (typeof ImportKind)[keyof typeof ImportKind];
export const importKinds = Object.values(ImportKind) as [ImportKind, ...ImportKind[]];

export const MAX_IMPORT_ROWS = 2000;

type Column =
	| 'name'
	| 'firstName'
	| 'lastName'
	| 'type'
	| 'sector'
	| 'aliases'
	| 'email'
	| 'phone'
	| 'organization'
	| 'jobTitle'
	| 'roleLevel';

const headerNames: Record<Column, string[]> = {
	name: ['nome', 'name', 'denominazione', 'nominativo', 'nome e cognome', 'full name'],
	firstName: ['first name', 'given name'],
	lastName: ['cognome', 'last name', 'surname', 'family name'],
	type: ['tipo', 'tipologia', 'type'],
	sector: ['settore', 'sector'],
	aliases: ['alias', 'aliases', 'altri nomi'],
	email: ['email', 'e mail', 'mail', 'posta elettronica'],
	phone: ['telefono', 'tel', 'cellulare', 'phone'],
	organization: ['organizzazione', 'organization', 'organisation', 'ente', 'ente di appartenenza'],
	jobTitle: ['ruolo', 'qualifica', 'funzione', 'job title'],
	roleLevel: ['livello', 'level', 'role level']
};

const typeWords: Record<OrganizationType, string[]> = {
	comune: ['comune', 'municipality'],
	asst: ['asst'],
	ats: ['ats'],
	social_cooperative: [
		'cooperativa sociale',
		'cooperativa',
		'coop',
		'consorzio',
		'social cooperative'
	],
	association: ['associazione', 'associazione odv aps', 'odv', 'aps', 'association'],
	foundation: ['fondazione', 'foundation'],
	union: ['sindacato', 'patronato', 'sindacato patronato', 'union'],
	school: ['scuola', 'istituto', 'school'],
	parish: ['parrocchia', 'oratorio', 'parrocchia oratorio', 'parish'],
	other: ['altro', 'other']
};
const sectorWords: Record<Sector, string[]> = {
	public: ['pubblico', 'pubblica', 'pa', 'pubblica amministrazione', 'public'],
	third_sector: ['terzo settore', 'ets', 'privato sociale', 'third sector']
};
const levelWords: Record<RoleLevel, string[]> = {
	strategic: ['strategico', 'strategico direzionale', 'direzionale', 'strategic'],
	technical: ['tecnico', 'technical'],
	operational: ['operativo', 'operational']
};

function lookup<K extends string>(words: Record<K, string[]>, raw: string): K | undefined {
	const key = nameKey(raw);
	for (const [code, list] of Object.entries(words) as [K, string[]][]) {
		if (nameKey(code) === key || list.includes(key)) return code;
	}
	return undefined;
}

export interface RowError {
	field: string;
	code: string;
}

export interface PreviewRow {
	/** Line in the file, as a spreadsheet numbers it (blank lines and the header count). */
	line: number;
	cells: Record<string, string>;
	errors: RowError[];
}

export interface ImportPreview {
	kind: ImportKind;
	/** Problems with the file as a whole (missing columns, too many rows...). */
	fileErrors: string[];
	rows: PreviewRow[];
	/** True only when every row is valid and there is at least one. */
	valid: boolean;
}

/** What the directory already holds, to match organisations and spot duplicates. */
export interface DirectorySnapshot {
	organizations: { id: number; name: string; aliases: string[] }[];
	personEmails: string[];
}

export type OrganizationRecord = z.output<typeof organizationInput>;
export type PersonRecord = Omit<z.output<typeof personInput>, 'organizationId'> & {
	organizationId: number | null;
};

export interface ImportPlan {
	preview: ImportPreview;
	organizations: OrganizationRecord[];
	people: PersonRecord[];
}

/**
 * Column name → position, or the column whose heading the header repeats
 * ("Denominazione" twice): which of the two holds the values is not ours to
 * guess. Of two different headings of one meaning ("Telefono", "Cellulare") the
 * first is read, as a person would. In a file of organisations, a column headed
 * like an organisation ("Ente", "Organizzazione") is the name itself.
 */
function mapHeader(header: readonly string[], kind: ImportKind): Map<Column, number> | Column {
	const columns = new Map<Column, number>();
	const headings = new Map<Column, string>();
	for (const [index, cell] of header.entries()) {
		const key = nameKey(cell);
		for (const [column, names] of Object.entries(headerNames) as [Column, string[]][]) {
			if (!names.includes(key)) continue;
			if (headings.get(column) === key) return column;
			if (columns.has(column)) continue;
			columns.set(column, index);
			headings.set(column, key);
		}
	}
	if (kind === 'organizations' && !columns.has('name') && columns.has('organization')) {
		columns.set('name', columns.get('organization')!);
	}
	return columns;
}

const hasRequired = (columns: Map<Column, number>, kind: ImportKind) =>
	(columns.has('name') || (kind === 'people' && columns.has('lastName'))) &&
	(kind === 'people' || columns.has('type'));

/** Rows above the header a sheet may carry: a title, the Ambito, a date. */
const MAX_TITLE_ROWS = 5;

export function planImport(
	kind: ImportKind,
	table: readonly string[][],
	snapshot: DirectorySnapshot
): ImportPlan {
	// Each row with its line in the file, counted before blank lines are dropped.
	const nonEmpty = table
		.map((row, i) => ({ line: i + 1, row }))
		.filter(({ row }) => row.some((c) => c.trim() !== ''));
	const empty: ImportPlan = {
		preview: { kind, fileErrors: [], rows: [], valid: false },
		organizations: [],
		people: []
	};
	// The header is the first row naming the required columns; a title above it is skipped.
	const headers = nonEmpty.slice(0, MAX_TITLE_ROWS + 1).map(({ row }) => mapHeader(row, kind));
	const at = Math.max(
		0,
		headers.findIndex((c) => typeof c === 'string' || hasRequired(c, kind))
	);
	const columns = headers[at];
	const lines = nonEmpty.slice(at + 1);
	if (!columns || lines.length === 0) return withFileError(empty, 'empty_file');
	if (lines.length > MAX_IMPORT_ROWS) return withFileError(empty, 'too_many_rows');
	if (typeof columns === 'string') return withFileError(empty, 'repeated_column');
	if (!hasRequired(columns, kind)) return withFileError(empty, 'missing_columns');
	return refuseFaultyText(
		kind === 'organizations'
			? planOrganizations(lines, columns, snapshot)
			: planPeople(lines, columns, snapshot)
	);
}

/**
 * Text nobody types (control characters, noncharacters: forms/plain-text.ts) is
 * refused as in every form. The preview's table comes back from the browser on
 * confirmation, so this is checked on what is saved, not only on the file.
 */
function refuseFaultyText(plan: ImportPlan): ImportPlan {
	const rows = plan.preview.rows.map((row) => {
		const faulty = Object.entries(row.cells)
			.filter(([, value]) => textFault(value) !== null)
			.map(([field]) => ({ field, code: 'invalid_characters' }));
		return faulty.length ? { ...row, errors: dedupe([...row.errors, ...faulty]) } : row;
	});
	const valid = plan.preview.valid && rows.every((r) => r.errors.length === 0);
	return { ...plan, preview: { ...plan.preview, rows, valid } };
}

function withFileError(plan: ImportPlan, code: string): ImportPlan {
	return { ...plan, preview: { ...plan.preview, fileErrors: [code] } };
}

const cell = (row: readonly string[], columns: Map<Column, number>, c: Column) => {
	const i = columns.get(c);
	return i === undefined ? '' : (row[i] ?? '').trim();
};

function planOrganizations(
	lines: { line: number; row: string[] }[],
	columns: Map<Column, number>,
	snapshot: DirectorySnapshot
): ImportPlan {
	const existing = new Set(snapshot.organizations.map((o) => nameKey(o.name)));
	const seen = new Set<string>();
	const records: OrganizationRecord[] = [];
	const rows = lines.map(({ line, row }): PreviewRow => {
		const cells = {
			name: cell(row, columns, 'name'),
			type: cell(row, columns, 'type'),
			sector: cell(row, columns, 'sector'),
			aliases: cell(row, columns, 'aliases'),
			email: cell(row, columns, 'email')
		};
		const errors: RowError[] = [];
		const type = lookup(typeWords, cells.type);
		if (!type) errors.push({ field: 'type', code: cells.type ? 'unknown_type' : 'required' });
		const sector = cells.sector ? lookup(sectorWords, cells.sector) : type && defaultSector(type);
		if (cells.sector && !sector) errors.push({ field: 'sector', code: 'unknown_sector' });
		const parsed = organizationInput.safeParse({
			...cells,
			type: type ?? 'other',
			sector: sector ?? 'public'
		});
		if (!parsed.success) errors.push(...issuesOf(parsed.error.issues));
		const key = nameKey(cells.name);
		if (key && existing.has(key)) errors.push({ field: 'name', code: 'duplicate_existing' });
		else if (key && seen.has(key)) errors.push({ field: 'name', code: 'duplicate_in_file' });
		seen.add(key);
		if (errors.length === 0 && parsed.success) records.push(parsed.data);
		return { line, cells, errors: dedupe(errors) };
	});
	return finish('organizations', rows, { organizations: records, people: [] });
}

function planPeople(
	lines: { line: number; row: string[] }[],
	columns: Map<Column, number>,
	snapshot: DirectorySnapshot
): ImportPlan {
	const orgByKey = new Map<string, number>();
	for (const o of snapshot.organizations) {
		for (const n of [o.name, ...o.aliases]) orgByKey.set(nameKey(n), o.id);
	}
	const existingEmails = new Set(snapshot.personEmails);
	const seenEmails = new Set<string>();
	const records: PersonRecord[] = [];
	const rows = lines.map(({ line, row }): PreviewRow => {
		const first = cell(row, columns, 'name') || cell(row, columns, 'firstName');
		const fullName = [first, cell(row, columns, 'lastName')].filter(Boolean).join(' ');
		const cells = {
			fullName,
			email: cell(row, columns, 'email'),
			phone: cell(row, columns, 'phone'),
			organization: cell(row, columns, 'organization'),
			jobTitle: cell(row, columns, 'jobTitle'),
			roleLevel: cell(row, columns, 'roleLevel')
		};
		const errors: RowError[] = [];
		const organizationId = cells.organization
			? orgByKey.get(nameKey(cells.organization))
			: undefined;
		if (cells.organization && organizationId === undefined) {
			errors.push({ field: 'organization', code: 'unknown_organization' });
		}
		const roleLevel = cells.roleLevel ? lookup(levelWords, cells.roleLevel) : 'technical';
		if (!roleLevel) errors.push({ field: 'roleLevel', code: 'unknown_level' });
		const parsed = personInput.safeParse({
			...cells,
			organizationId: '',
			roleLevel: roleLevel ?? 'technical'
		});
		if (!parsed.success) errors.push(...issuesOf(parsed.error.issues));
		const email = parsed.success ? parsed.data.email : null;
		if (email && existingEmails.has(email))
			errors.push({ field: 'email', code: 'duplicate_existing' });
		else if (email && seenEmails.has(email))
			errors.push({ field: 'email', code: 'duplicate_in_file' });
		if (email) seenEmails.add(email);
		if (errors.length === 0 && parsed.success) {
			records.push({ ...parsed.data, organizationId: organizationId ?? null });
		}
		return { line, cells, errors: dedupe(errors) };
	});
	return finish('people', rows, { organizations: [], people: records });
}

function issuesOf(issues: readonly z.core.$ZodIssue[]): RowError[] {
	return Object.entries(fieldErrors(issues)).map(([field, code]) => ({ field, code }));
}

function dedupe(errors: RowError[]): RowError[] {
	const seen = new Set<string>();
	return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

function finish(
	kind: ImportKind,
	rows: PreviewRow[],
	records: Pick<ImportPlan, 'organizations' | 'people'>
): ImportPlan {
	const valid = rows.length > 0 && rows.every((r) => r.errors.length === 0);
	return { preview: { kind, fileErrors: [], rows, valid }, ...records };
}
