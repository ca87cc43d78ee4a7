import type { MonitoredPlan } from './monitoring-read.server';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPlan } from '$lib/plan/plan-repo.server';
import { createTestDatabase, type TestDatabase } from '$lib/server/db/test-database';
import {
	addAmbito,
	addObjectives,
	addPlan,
	exportedObjective,
	monitoredIndicators,
	monitoredObjective
} from '$lib/server/db/test-fixtures';
import { recordMeasurements } from './monitoring-commands.server';
import { deskField } from './monitoring-desk';
import { deskRefusals, deskView, readDeskForm } from './monitoring-desk.server';
import { measurementInput } from './monitoring-input';
import { monitoringOfPeriod, objectivesWithIndicators } from './monitoring-read.server';
import {
	importMonitoringSheet,
	monitoringTemplate,
	TEMPLATE_SHEET
} from './monitoring-sheet.server';
import { indicatorMeasurements } from './monitoring.schema';

let t: TestDatabase;
beforeEach(() => {
	t = createTestDatabase();
});
afterEach(() => t.cleanup());

const actor = { userId: null, now: 100 };

function setUp() {
	const planId = addPlan(t.db, addAmbito(t.db));
	addObjectives(t.db, planId, [monitoredObjective(1, 'Casa'), monitoredObjective(2, 'Lavoro')]);
	const [casa, lavoro] = objectivesWithIndicators(t.db, planId);
	const plan = getPlan(t.db, planId)!;
	return { plan, casa: casa!, lavoro: lavoro! };
}

const rows = () => t.db.select().from(indicatorMeasurements).all();

/** The grid's form as the browser sends it: every cell, the ones given filled in. */
function gridForm(
	view: ReturnType<typeof deskView>,
	period: string,
	filled: Record<string, string>
) {
	const form = new FormData();
	form.set('period', period);
	for (const o of view)
		for (const i of o.indicators)
			for (const cell of Object.keys(i.cells)) {
				if (i.kind !== 'ratio' && (cell === 'numerator' || cell === 'denominator')) continue;
				const name = deskField(cell as 'value', o.id, i.id);
				form.set(name, filled[name] ?? i.cells[cell as 'value']);
			}
	return form;
}

function saveGrid(plan: MonitoredPlan, period: string, filled: Record<string, string>) {
	const view = deskView(t.db, plan, period);
	const read = readDeskForm(gridForm(view, period, filled), view, period);
	if (!read.ok) return { ok: false as const, errors: read.errors };
	const done = recordMeasurements(t.db, plan.id, read.rows, actor);
	return done.ok ? done : { ok: false as const, errors: deskRefusals(done.refusals, read.rows) };
}

describe('[M24] the grid saves many rows, all or none', () => {
	it('saves the filled rows in Italian spelling, skips the empty ones, then sees them', () => {
		const { plan, casa, lavoro } = setUp();
		const [families, share] = casa.indicators.map((i) => i.id);
		const saved = saveGrid(plan, '2026-S1', {
			[deskField('value', casa.id, families!)]: '1.050',
			[deskField('numerator', casa.id, share!)]: '5',
			[deskField('denominator', casa.id, share!)]: '20',
			[deskField('value', lavoro.id, families!)]: '45,5',
			[deskField('note', lavoro.id, families!)]: 'Dati ASST'
		});
		expect(saved).toEqual({ ok: true, saved: 3, unchanged: 0 });
		const read = monitoringOfPeriod(t.db, plan.id, '2026-S1');
		expect(read[0]!.indicators.map((i) => i.latest?.value)).toEqual([1050, 25]);
		expect(read[0]!.missing).toEqual([]);
		expect(read[1]!.missing).toEqual([lavoro.indicators[1]!.id]);
		expect(read[1]!.indicators[0]!.progress).toBe(27.5);
	});

	it('saves nothing when one row is refused, and names the cell', () => {
		const { plan, casa } = setUp();
		const [families, share] = casa.indicators.map((i) => i.id);
		const bad = saveGrid(plan, '2026-S1', {
			[deskField('value', casa.id, families!)]: '50',
			[deskField('numerator', casa.id, share!)]: '5',
			[deskField('denominator', casa.id, share!)]: '0'
		});
		expect(bad).toEqual({
			ok: false,
			errors: { [deskField('denominator', casa.id, share!)]: 'denominator_zero' }
		});
		const text = saveGrid(plan, '2026-S1', {
			[deskField('value', casa.id, families!)]: 'circa 50'
		});
		expect(text).toEqual({
			ok: false,
			errors: { [deskField('value', casa.id, families!)]: 'not_a_number' }
		});
		expect(rows()).toEqual([]);
	});

	it('does not save a row again when it is unchanged, so the history stays as it was', () => {
		const { plan, casa } = setUp();
		const field = deskField('value', casa.id, casa.indicators[0]!.id);
		expect(saveGrid(plan, '2026-S1', { [field]: '48,5' })).toMatchObject({ saved: 1 });
		expect(saveGrid(plan, '2026-S1', {})).toEqual({ ok: true, saved: 0, unchanged: 1 });
		expect(saveGrid(plan, '2026-S1', { [field]: '49' })).toMatchObject({ saved: 1 });
		expect(rows()).toHaveLength(1);
		expect(rows()[0]!.history).toHaveLength(1);
	});

	it('refuses a cell the grid does not have', () => {
		const { plan } = setUp();
		const view = deskView(t.db, plan, '2026-S1');
		const form = gridForm(view, '2026-S1', {});
		form.set('value:999:i00000000', '3');
		expect(readDeskForm(form, view, '2026-S1')).toMatchObject({
			ok: false,
			errors: { 'value:999:i00000000': 'unknown_field' }
		});
	});

	it('refuses a forged objective in a bulk call: nothing saved', () => {
		const { plan, casa } = setUp();
		const input = measurementInput.parse({
			indicatorId: casa.indicators[0]!.id,
			period: '2026-S1',
			value: 3
		});
		const done = recordMeasurements(
			t.db,
			plan.id,
			[
				{ objectiveId: casa.id, input },
				{ objectiveId: 999, input }
			],
			actor
		);
		expect(done).toEqual({ ok: false, refusals: [{ index: 1, reason: 'unknown-objective' }] });
		expect(rows()).toEqual([]);
	});
});

/** The template of a period, opened with exceljs as the UdP's spreadsheet would. */
async function template(plan: MonitoredPlan, period: string) {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await monitoringTemplate(t.db, plan, period)) as unknown as ArrayBuffer);
	return { book, sheet: book.getWorksheet(TEMPLATE_SHEET)! };
}
const bytes = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer());
const VALUE = 12;
const NUMERATOR = 13;
const DENOMINATOR = 14;
const NOTE = 15;

describe('[M25–M27] the XLSX template round trip', () => {
	it('is written with hidden ids, typed numbers and the last value, then read back into the period', async () => {
		const { plan, casa } = setUp();
		recordMeasurements(
			t.db,
			plan.id,
			[
				{
					objectiveId: casa.id,
					input: measurementInput.parse({
						indicatorId: casa.indicators[0]!.id,
						period: '2025-S2',
						value: 44
					})
				}
			],
			actor
		);
		const { book, sheet } = await template(plan, '2026-S1');
		expect(sheet.rowCount).toBe(5);
		expect(sheet.getColumn(1).hidden).toBe(true);
		expect(sheet.getRow(2).getCell(10).value).toBe(44);
		expect(sheet.getRow(2).getCell(6).text).toBe('Famiglie prese in carico');
		sheet.getRow(2).getCell(VALUE).value = 52;
		sheet.getRow(3).getCell(NUMERATOR).value = 3;
		sheet.getRow(3).getCell(DENOMINATOR).value = 12;
		sheet.getRow(4).getCell(VALUE).value = 0.45;
		sheet.getRow(4).getCell(VALUE).numFmt = '0%';
		sheet.getRow(4).getCell(NOTE).value = 'Stima';
		const file = await bytes(book);
		expect(await importMonitoringSheet(t.db, plan.id, file, actor)).toEqual({
			ok: true,
			saved: 3,
			unchanged: 0,
			skipped: 1
		});
		const read = monitoringOfPeriod(t.db, plan.id, '2026-S1');
		expect(read[0]!.indicators.map((i) => i.latest?.value)).toEqual([52, 25]);
		expect(read[1]!.indicators.map((i) => i.latest?.value ?? null)).toEqual([45, null]);
		expect(read[1]!.missing).toEqual([read[1]!.indicators[1]!.id]);
		// The same file again: nothing new, no history grown.
		expect(await importMonitoringSheet(t.db, plan.id, file, actor)).toMatchObject({
			saved: 0,
			unchanged: 3
		});
		expect(rows().every((r) => r.history.length === 0)).toBe(true);
	});

	it('reads back a note that begins like a formula as it was written, so the file imports unchanged', async () => {
		const { plan, casa } = setUp();
		const measured = {
			indicatorId: casa.indicators[0]!.id,
			period: '2026-S1',
			value: 4,
			note: '-10% rispetto al 2026',
			source: '@ISTAT'
		};
		recordMeasurements(
			t.db,
			plan.id,
			[{ objectiveId: casa.id, input: measurementInput.parse(measured) }],
			actor
		);
		const { book, sheet } = await template(plan, '2026-S1');
		expect(sheet.getRow(2).getCell(NOTE).text).toBe("'-10% rispetto al 2026");
		expect(await importMonitoringSheet(t.db, plan.id, await bytes(book), actor)).toMatchObject({
			ok: true,
			saved: 0,
			unchanged: 1
		});
		const latest = monitoringOfPeriod(t.db, plan.id, '2026-S1')[0]!.indicators[0]!.latest;
		expect(latest).toMatchObject({ note: measured.note, source: measured.source });
	});

	it('saves nothing when one row is bad, naming its row', async () => {
		const { plan } = setUp();
		const { book, sheet } = await template(plan, '2026-S1');
		sheet.getRow(2).getCell(VALUE).value = 52;
		sheet.getRow(3).getCell(VALUE).value = { formula: '1+1', result: 2 };
		sheet.getRow(4).getCell(VALUE).value = 'cinquanta';
		sheet.getRow(5).getCell(NUMERATOR).value = 1;
		sheet.getRow(5).getCell(DENOMINATOR).value = 0;
		const done = await importMonitoringSheet(t.db, plan.id, await bytes(book), actor);
		expect(done).toEqual({
			ok: false,
			reason: 'invalid-rows',
			problems: [
				{ row: 3, reason: 'formula-cell' },
				{ row: 4, reason: 'not-a-number' }
			]
		});
		sheet.getRow(3).getCell(VALUE).value = null;
		sheet.getRow(4).getCell(VALUE).value = null;
		const zero = await importMonitoringSheet(t.db, plan.id, await bytes(book), actor);
		expect(zero).toMatchObject({ ok: false, problems: [{ row: 5, reason: 'denominator-zero' }] });
		expect(rows()).toEqual([]);
	});

	it('refuses a forged objective, an unknown indicator and a period outside the plan', async () => {
		const { plan } = setUp();
		const other = addPlan(t.db, addAmbito(t.db, 'Altro'));
		addObjectives(t.db, other, [
			exportedObjective(1, 'Altrove', { indicators: monitoredIndicators })
		]);
		const foreign = objectivesWithIndicators(t.db, other)[0]!;
		const { book, sheet } = await template(plan, '2026-S1');
		for (const n of [2, 3, 4, 5]) sheet.getRow(n).getCell(VALUE).value = 50;
		sheet.getRow(2).getCell(1).value = foreign.id;
		sheet.getRow(3).getCell(2).value = 'i00000000';
		sheet.getRow(4).getCell(3).value = '2031-S1';
		sheet.getRow(5).getCell(3).value = '2026-T1';
		const done = await importMonitoringSheet(t.db, plan.id, await bytes(book), actor);
		expect(done).toMatchObject({
			ok: false,
			problems: [
				{ row: 2, reason: 'unknown-objective' },
				{ row: 3, reason: 'unknown-indicator' },
				{ row: 4, reason: 'period-outside-plan' },
				{ row: 5, reason: 'period-malformed' }
			]
		});
		expect(rows()).toEqual([]);
	});

	it('refuses a workbook that is not the template, and bytes that are no workbook', async () => {
		const { plan } = setUp();
		const book = new ExcelJS.Workbook();
		book.addWorksheet(TEMPLATE_SHEET).addRow(['Obiettivo', 'Valore']);
		expect(await importMonitoringSheet(t.db, plan.id, await bytes(book), actor)).toEqual({
			ok: false,
			reason: 'not-a-template'
		});
		const junk = new TextEncoder().encode('not a zip');
		expect(await importMonitoringSheet(t.db, plan.id, junk, actor)).toEqual({
			ok: false,
			reason: 'unreadable-file'
		});
	});
});
