import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { directoryContext } from '$lib/directory/directory-context.server';
import {
	importKinds,
	MAX_IMPORT_ROWS,
	type ImportKind
} from '$lib/directory/import/directory-import';
import { applyImport, previewImport } from '$lib/directory/import/import-commands.server';
import { readTableFile } from '$lib/directory/import/table-file.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { ambiti, ambito } = directoryContext(event, true);
	return { ambiti, ambito };
};

const kindField = z.enum(importKinds);
const MAX_COLUMNS = 50;
/** The table the preview showed, sent back on confirmation: re-checked in full. */
const tableField = z.array(z.array(z.string().max(2000)).max(MAX_COLUMNS)).max(MAX_IMPORT_ROWS + 1);

/** What to import: organisations or people, and nothing else (an unknown kind is refused, not guessed). */
function chosenKind(form: FormData): ImportKind | null {
	const kind = kindField.safeParse(form.get('kind'));
	return kind.success ? kind.data : null;
}

export const actions: Actions = {
	preview: async (event) => {
		const { ambito, db } = directoryContext(event, true);
		const form = await event.request.formData();
		const kind = chosenKind(form);
		if (!kind) return fail(400, { kind: undefined, fileError: 'unknown_kind' });
		const file = form.get('file');
		if (!ambito) return fail(400, { kind, fileError: 'no_file' });
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { kind, fileError: 'no_file' });
		const read = await readTableFile(file, { rows: MAX_IMPORT_ROWS + 1, columns: MAX_COLUMNS });
		if (!read.ok) return fail(400, { kind, fileError: read.reason });
		const preview = previewImport(db, ambito.id, kind, read.table);
		return { kind, preview, table: preview.valid ? JSON.stringify(read.table) : null };
	},
	confirm: async (event) => {
		const { ambito, db, now } = directoryContext(event, true);
		const form = await event.request.formData();
		const kind = chosenKind(form);
		if (!kind) return fail(400, { kind: undefined, fileError: 'unknown_kind' });
		const table = tableField.safeParse(safeJson(form.get('table')));
		if (!ambito || !table.success) return fail(400, { kind, fileError: 'unreadable_file' });
		const result = applyImport(db, ambito.id, kind, table.data, now);
		if (!result.ok) return fail(400, { kind, preview: result.preview, table: null });
		return { kind, imported: result.saved };
	}
};

function safeJson(value: FormDataEntryValue | null): unknown {
	try {
		return typeof value === 'string' ? JSON.parse(value) : null;
	} catch {
		return null;
	}
}
