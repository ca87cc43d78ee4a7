/** What a spreadsheet reads as the start of a formula (OWASP). */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * A cell of a sheet we hand out, written so that no spreadsheet evaluates what a
 * user typed (OWASP, "CSV Injection"). Texts come from participants and imports,
 * so a title like `=HYPERLINK(...)` must reach the reader as that text.
 *
 * A text that begins with = + - @, a tab or a carriage return gets a leading
 * `'`, in both formats:
 * - CSV has no cell types: the spreadsheet guesses, and reads such a cell as a
 *   formula. Excel and LibreOffice show the `'` and never evaluate it.
 * - XLSX cells are typed, and a string cell is not evaluated
 *   (tests/integration/spreadsheet-injection.test.ts); but a reader who edits the
 *   cell, or saves the sheet as CSV, turns it into a live formula. With the `'` it
 *   stays text there too, and no text cell of ours begins like a formula.
 *
 * A number stays a number, and a text that is only a number ("-3", "+2,5") is no
 * formula and stays as it is. Our own formulas (the matrix totals) are written by
 * the exporter as `{ formula, result }` and do not pass through here.
 */
export function spreadsheetCell(
	value: string | number | null | undefined,
	// Both formats follow the same rule; the format stays named for the callers' sake.
	_format: 'csv' | 'xlsx'
): string | number {
	if (typeof value === 'number') return value;
	// Anything else the types did not stop (an object from an import) becomes text.
	const text = String(value ?? '');
	if (!formulaStart.test(text) || plainNumber.test(text)) return text;
	return `'${text}`;
}

/**
 * A text read back from a sheet: the `'` that spreadsheetCell put before a text
 * that begins like a formula comes off, so our own file imported again holds what
 * was exported (a note "-10% rispetto al 2026" came back as "'-10% ...", and the
 * template's "importing twice saves nothing" failed).
 */
export function fromSpreadsheetCell(text: string): string {
	const rest = text.slice(1);
	return text.startsWith("'") && formulaStart.test(rest) && !plainNumber.test(rest) ? rest : text;
}
