import { execFile } from 'node:child_process';
import {
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Converts a document with LibreOffice headless, as a UdP officer opening it
 * would: resolves with the size of the PDF, rejects when LibreOffice cannot read
 * it. Each call gets its own profile directory, so parallel tests do not lock
 * each other out.
 */
export async function convertToPdf(bytes: Uint8Array, extension: 'docx' | 'xlsx'): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-lo-'));
	try {
		const input = join(dir, `document.${extension}`);
		writeFileSync(input, bytes);
		await run(
			'libreoffice',
			[
				`-env:UserInstallation=file://${join(dir, 'profile')}`,
				'--headless',
				'--convert-to',
				'pdf',
				'--outdir',
				dir,
				input
			],
			{ timeout: 120_000 }
		);
		const pdf = join(dir, 'document.pdf');
		if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF from the ${extension}`);
		return statSync(pdf).size;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * Opens a CSV or XLSX with LibreOffice headless and saves every sheet as CSV, as a
 * reader would see it: each cell's shown value, formulas evaluated, never their
 * source. A CSV is read with "Evaluate formulas" on, the most trusting setting.
 * Resolves with the text of each sheet's CSV (";"-separated, texts quoted).
 */
export async function convertToCsv(bytes: Uint8Array | string, extension: 'csv' | 'xlsx') {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-lo-'));
	try {
		const input = join(dir, `document.${extension}`);
		writeFileSync(input, bytes);
		const out = join(dir, 'out');
		await run(
			'libreoffice',
			[
				`-env:UserInstallation=file://${join(dir, 'profile')}`,
				'--headless',
				...(extension === 'csv'
					? ['--infilter=CSV:59,34,76,1,,0,false,true,false,false,false,-1,true']
					: []),
				'--convert-to',
				// ; separator, " quotes, UTF-8, all text cells quoted, values as shown, every sheet.
				'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,true,true,true,false,false,-1',
				'--outdir',
				out,
				input
			],
			{ timeout: 120_000 }
		);
		const sheets = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.csv')) : [];
		if (!sheets.length) throw new Error(`LibreOffice produced no CSV from the ${extension}`);
		return sheets.map((f) => readFileSync(join(out, f), 'utf8'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
