import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
