import { eq } from 'drizzle-orm';
import { inTransaction, type Db } from '$lib/server/db/database';
import { organizations, people } from '../directory.schema';
import { planImport, type ImportKind, type ImportPreview } from './directory-import';

export function directorySnapshot(db: Db, ambitoId: number) {
	return {
		organizations: db
			.select({ id: organizations.id, name: organizations.name, aliases: organizations.aliases })
			.from(organizations)
			.where(eq(organizations.ambitoId, ambitoId))
			.all(),
		personEmails: db
			.select({ email: people.email })
			.from(people)
			.where(eq(people.ambitoId, ambitoId))
			.all()
			.flatMap((p) => (p.email ? [p.email] : []))
	};
}

export function previewImport(
	db: Db,
	ambitoId: number,
	kind: ImportKind,
	table: string[][]
): ImportPreview {
	return planImport(kind, table, directorySnapshot(db, ambitoId)).preview;
}

/**
 * Saves an import all or nothing (SPEC D3): the table is checked again against the
 * directory as it is now, inside the write transaction, and a single bad row
 * means nothing is written.
 */
export function applyImport(
	db: Db,
	ambitoId: number,
	kind: ImportKind,
	table: string[][],
	now: number
): { ok: true; saved: number } | { ok: false; preview: ImportPreview } {
	return inTransaction(db, () => {
		const plan = planImport(kind, table, directorySnapshot(db, ambitoId));
		if (!plan.preview.valid) return { ok: false, preview: plan.preview };
		for (const org of plan.organizations) {
			db.insert(organizations)
				.values({ ambitoId, ...org, createdAt: now })
				.run();
		}
		for (const person of plan.people) {
			db.insert(people)
				.values({ ambitoId, ...person, createdAt: now })
				.run();
		}
		return { ok: true, saved: plan.organizations.length + plan.people.length };
	});
}
