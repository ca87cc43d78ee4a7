import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a tool the test needs; a missing one fails the test saying what to install (CI installs it). */
async function tool(command: string, args: string[], install: string): Promise<string> {
	try {
		return (await run(command, args, { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 })).stdout;
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT')
			throw new Error(`${command} is missing: install ${install} (.ci/run does)`, { cause: e });
		throw e;
	}
}

/**
 * Converts a DOCX to PDF with LibreOffice headless, as an Ufficio di Piano opening it
 * would, and keeps the PDF in `outDir` (a test artifact). Resolves with its path.
 */
export async function docxToPdf(bytes: Uint8Array, outDir: string, name: string): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'tavoli-lo-'));
	try {
		const input = join(dir, `${name}.docx`);
		writeFileSync(input, bytes);
		const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
		const args = [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, input];
		await tool('libreoffice', args, 'libreoffice-writer-nogui');
		mkdirSync(outDir, { recursive: true });
		const pdf = join(outDir, `${name}.pdf`);
		copyFileSync(join(dir, `${name}.pdf`), pdf);
		copyFileSync(input, join(outDir, `${name}.docx`));
		return pdf;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The text of each page of a PDF, laid out as printed (`pdftotext -layout`, pages split at its form feeds). */
export async function pdfPages(pdf: string): Promise<string[]> {
	const text = await tool('pdftotext', ['-layout', pdf, '-'], 'poppler-utils');
	return text.split('\f').slice(0, -1);
}

/** Renders every page as a PNG next to the PDF, for a person to look at. */
export async function pdfToPng(pdf: string): Promise<void> {
	await tool('pdftoppm', ['-png', '-r', '50', pdf, pdf.replace(/\.pdf$/, '')], 'poppler-utils');
}
