/** What a spreadsheet reads as the start of a formula (OWASP). */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * A cell of a sheet we hand out, written so that no spreadsheet evaluates what a
 * user typed (OWASP, "CSV Injection"). Texts come from participants and imports,
 * so a title like `=HYPERLINK(...)` must reach the reader as that text.
 *
 * - CSV has no cell types: the spreadsheet guesses, and reads a cell that begins
 *   with = + - @, a tab or a carriage return as a formula. Such a text gets a
 *   leading `'`, which Excel and LibreOffice show and never evaluate.
 * - XLSX cells are typed: a text is written as a string cell, which neither Excel
 *   nor LibreOffice evaluates (tests/integration/spreadsheet-injection.test.ts),
 *   so it keeps its text unchanged. Only a `{ formula }` value would make a
 *   formula, and this function never returns one.
 *
 * A number stays a number, and a text that is only a number ("-3", "+2,5") is no
 * formula and stays as it is. Our own formulas, if a sheet ever has them, are
 * written by the exporter as `{ formula }` and do not pass through here.
 */
export function spreadsheetCell(
	value: string | number | null | undefined,
	format: 'csv' | 'xlsx'
): string | number {
	if (typeof value === 'number') return value;
	// Anything else the types did not stop (an object from an import) becomes text.
	const text = String(value ?? '');
	if (format === 'xlsx' || !formulaStart.test(text) || plainNumber.test(text)) return text;
	return `'${text}`;
}
