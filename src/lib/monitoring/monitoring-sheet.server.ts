import type { MonitoredPlan } from './monitoring-read.server';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_BYTES } from '$lib/directory/import/table-file.server';
import type { Db } from '$lib/server/db/database';
import { fromSpreadsheetCell, spreadsheetCell } from '$lib/server/spreadsheet-cell';
import { recordMeasurements, type Actor, type MeasurementRow } from './monitoring-commands.server';
import { deskView } from './monitoring-desk.server';
import { measurementInput } from './monitoring-input';

/**
 * The desk's XLSX template and its import (SPEC M25–M27): one row per indicator of the
 * plan's live objectives for a period, filled offline and read back all or nothing.
 */

/** The template's columns in order; the first three (ids and period) are hidden. */
const columns = [
	{ key: 'objectiveId', header: 'ID obiettivo', width: 8 },
	{ key: 'indicatorId', header: 'ID indicatore', width: 12 },
	{ key: 'period', header: 'Periodo', width: 9 },
	{ key: 'number', header: 'N.', width: 5 },
	{ key: 'objective', header: 'Obiettivo', width: 36 },
	{ key: 'indicator', header: 'Indicatore', width: 40 },
	{ key: 'level', header: 'Livello', width: 10 },
	{ key: 'baseline', header: 'Baseline', width: 12 },
	{ key: 'target', header: 'Target', width: 12 },
	{ key: 'previous', header: 'Ultimo valore', width: 12 },
	{ key: 'previousPeriod', header: 'Periodo ultimo valore', width: 12 },
	{ key: 'value', header: 'Valore (da compilare)', width: 14 },
	{ key: 'numerator', header: 'Numeratore', width: 12 },
	{ key: 'denominator', header: 'Denominatore', width: 13 },
	{ key: 'note', header: 'Nota', width: 36 },
	{ key: 'source', header: 'Fonte', width: 24 }
] as const;
type Column = (typeof columns)[number]['key'];
const col = (key: Column) => columns.findIndex((c) => c.key === key) + 1;

export const TEMPLATE_SHEET = 'Monitoraggio';
const INSTRUCTIONS = [
	'Come compilare il modello di monitoraggio',
	'Una riga per ogni indicatore degli obiettivi del piano, per il periodo indicato nel nome del file.',
	'Compilate solo le colonne «Valore», «Numeratore», «Denominatore», «Nota» e «Fonte».',
	'Valori: numeri, non formule. Per gli indicatori di tipo quota il valore è una percentuale (45 = 45%), oppure compilate numeratore e denominatore.',
	'Una riga lasciata vuota non viene importata; un valore già registrato e non modificato non viene registrato di nuovo.',
	'Non modificate le colonne nascoste né l’ordine delle colonne: identificano obiettivo, indicatore e periodo.',
	'All’importazione il file viene controllato per intero: se una riga ha un problema non viene salvato nulla e l’elenco dei problemi indica il numero di riga.'
];

const numberOrEmpty = (text: string) =>
	text === '' ? null : Number(text.replace(/\./g, '').replace(',', '.'));

/** [M25] The template of a period already checked, as XLSX bytes. */
export async function monitoringTemplate(db: Db, plan: MonitoredPlan, period: string) {
	const book = new ExcelJS.Workbook();
	book.creator = 'Tavoli';
	const sheet = book.addWorksheet(TEMPLATE_SHEET);
	sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
	sheet.getRow(1).font = { bold: true };
	for (const o of deskView(db, plan, period))
		for (const i of o.indicators)
			sheet.addRow([
				o.id,
				i.id,
				period,
				o.number,
				spreadsheetCell(o.title, 'xlsx'),
				spreadsheetCell(i.name, 'xlsx'),
				spreadsheetCell(i.level, 'xlsx'),
				spreadsheetCell(i.baseline ?? '', 'xlsx'),
				spreadsheetCell(i.target ?? '', 'xlsx'),
				i.previous?.value ?? null,
				i.previous?.period ?? '',
				numberOrEmpty(i.cells.value),
				numberOrEmpty(i.cells.numerator),
				numberOrEmpty(i.cells.denominator),
				spreadsheetCell(i.cells.note, 'xlsx'),
				spreadsheetCell(i.cells.source, 'xlsx')
			]);
	for (const key of ['objectiveId', 'indicatorId', 'period'] as const)
		sheet.getColumn(col(key)).hidden = true;
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	const help = book.addWorksheet('Istruzioni');
	INSTRUCTIONS.forEach((line, n) => (help.addRow([line]).font = { bold: n === 0 }));
	help.getColumn(1).width = 110;
	return Buffer.from(await book.xlsx.writeBuffer());
}

/** Rows a template may hold: far more indicators than a plan has, few enough to check at once. */
export const MAX_TEMPLATE_ROWS = 2000;

export type SheetProblem = { row: number; reason: string };
export type SheetRead =
	| { ok: true; rows: (MeasurementRow & { row: number })[]; skipped: number }
	| { ok: false; reason: string; problems?: SheetProblem[] };

type CellRead = { ok: true; value: string | number | null } | { ok: false; reason: string };

/** A cell's value as typed: refused when it is a formula (its result is not what was typed). */
function readCell(cell: ExcelJS.Cell): CellRead {
	const v = cell.value;
	if (v === null || v === undefined || v === '') return { ok: true, value: null };
	if (cell.type === ExcelJS.ValueType.Formula) return { ok: false, reason: 'formula-cell' };
	if (typeof v === 'number') return { ok: true, value: v };
	const text =
		typeof v === 'string'
			? v
			: typeof v === 'object' && 'richText' in v
				? v.richText.map((r) => r.text).join('')
				: null;
	if (text !== null) return { ok: true, value: fromSpreadsheetCell(text.trim()) || null };
	return { ok: false, reason: 'unreadable-cell' };
}

/** A number cell: a typed number (a cell formatted as percent holds 0.45 for 45%), or empty. */
function numberCell(cell: ExcelJS.Cell): CellRead {
	const read = readCell(cell);
	if (!read.ok || read.value === null) return read;
	if (typeof read.value !== 'number') return { ok: false, reason: 'not-a-number' };
	const percent = typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
	return { ok: true, value: percent ? Math.round(read.value * 1e10) / 1e8 : read.value };
}

/** The header row says this is our template, columns in our order. */
const isTemplate = (sheet: ExcelJS.Worksheet) =>
	columns.every(
		(c, n) =>
			sheet
				.getRow(1)
				.getCell(n + 1)
				.text.trim() === c.header
	);

/** [M26] One row of the sheet as a measurement row, null when left empty, or its problem. */
function readRow(row: ExcelJS.Row): MeasurementRow | null | { reason: string } {
	const cell = (key: Column) => row.getCell(col(key));
	const numbers = (['value', 'numerator', 'denominator'] as const).map((k) => numberCell(cell(k)));
	const texts = (['objectiveId', 'indicatorId', 'period', 'note', 'source'] as const).map((k) =>
		readCell(cell(k))
	);
	const refused = [...numbers, ...texts].find((r) => !r.ok);
	if (refused && !refused.ok) return { reason: refused.reason };
	const [value, numerator, denominator] = numbers.map((r) => (r.ok ? r.value : null));
	const [objectiveId, indicatorId, period, note, source] = texts.map((r) =>
		r.ok && r.value !== null ? String(r.value) : ''
	);
	if ([value, numerator, denominator].every((v) => v === null) && !note && !source) return null;
	if (!/^[1-9]\d{0,9}$/.test(objectiveId!)) return { reason: 'unknown-objective' };
	const input = measurementInput.safeParse({
		indicatorId,
		period,
		value,
		...(numerator === null ? {} : { numerator }),
		...(denominator === null ? {} : { denominator }),
		note,
		source
	});
	if (!input.success) return { reason: 'out-of-range' };
	return { objectiveId: Number(objectiveId), input: input.data };
}

/**
 * [M26] The filled template's rows: 400-worthy reasons for a file that is not our
 * template, and every row's problem by its row number, or the rows to record.
 */
export async function readMonitoringSheet(bytes: Uint8Array): Promise<SheetRead> {
	if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, reason: 'file-too-large' };
	const book = new ExcelJS.Workbook();
	try {
		await book.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		return { ok: false, reason: 'unreadable-file' };
	}
	const sheet = book.getWorksheet(TEMPLATE_SHEET);
	if (!sheet || !isTemplate(sheet)) return { ok: false, reason: 'not-a-template' };
	if (sheet.rowCount > MAX_TEMPLATE_ROWS + 1) return { ok: false, reason: 'too-many-rows' };
	const rows: (MeasurementRow & { row: number })[] = [];
	const problems: SheetProblem[] = [];
	const seen = new Set<string>();
	let skipped = 0;
	for (let n = 2; n <= sheet.rowCount; n++) {
		const read = readRow(sheet.getRow(n));
		if (read === null) skipped++;
		else if ('reason' in read) problems.push({ row: n, reason: read.reason });
		else {
			const key = `${read.objectiveId}/${read.input.indicatorId}/${read.input.period}`;
			if (seen.has(key)) problems.push({ row: n, reason: 'duplicate-row' });
			seen.add(key);
			rows.push({ ...read, row: n });
		}
	}
	if (problems.length) return { ok: false, reason: 'invalid-rows', problems };
	return { ok: true, rows, skipped };
}

export type SheetImport =
	| { ok: true; saved: number; unchanged: number; skipped: number }
	| { ok: false; reason: string; problems?: SheetProblem[] };

/**
 * [M27] A filled template recorded all or nothing (M24): any problem of the file or of
 * any row saves nothing and names the rows. Empty rows are skipped; a row equal to its
 * stored value is not written again, so importing the same file twice changes nothing.
 */
export async function importMonitoringSheet(
	db: Db,
	planId: number,
	bytes: Uint8Array,
	actor: Actor
): Promise<SheetImport> {
	const read = await readMonitoringSheet(bytes);
	if (!read.ok) return read;
	const done = recordMeasurements(db, planId, read.rows, actor);
	if (!done.ok)
		return {
			ok: false,
			reason: 'invalid-rows',
			problems: done.refusals.map((r) => ({ row: read.rows[r.index]!.row, reason: r.reason }))
		};
	return { ok: true, saved: done.saved, unchanged: done.unchanged, skipped: read.skipped };
}
