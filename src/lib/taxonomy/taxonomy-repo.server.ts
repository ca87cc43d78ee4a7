import { asc, eq } from 'drizzle-orm';
import { inTransaction, type Db } from '$lib/server/db/database';
import { taxonomyVersionsData, type TaxonomyVersion } from './taxonomy';
import { keyPoints, leps, macroAreas, taxonomyVersions } from './taxonomy.schema';

/**
 * Loads every taxonomy version that is not in the database yet. Versions already
 * there are left alone: plans point at their macro-area rows.
 */
export function ensureTaxonomies(db: Db): void {
	inTransaction(db, () => {
		for (const version of taxonomyVersionsData) {
			const existing = db
				.select()
				.from(taxonomyVersions)
				.where(eq(taxonomyVersions.id, version.id));
			if (existing.all().length === 0) insertVersion(db, version);
		}
	});
}

function insertVersion(db: Db, version: TaxonomyVersion): void {
	db.insert(taxonomyVersions)
		.values({ id: version.id, label: version.label, source: version.source })
		.run();
	version.macroAreas.forEach((area, position) => {
		const row = db
			.insert(macroAreas)
			.values({ versionId: version.id, code: area.code, label: area.label, position })
			.returning({ id: macroAreas.id })
			.get();
		area.keyPoints.forEach((label, i) => {
			db.insert(keyPoints).values({ macroAreaId: row.id, label, position: i }).run();
		});
	});
	version.leps.forEach((l, position) => {
		db.insert(leps)
			.values({ versionId: version.id, ...l, position })
			.run();
	});
}

export interface MacroAreaRow {
	id: number;
	code: string;
	label: string;
}

export function listTaxonomyVersions(db: Db) {
	return db.select().from(taxonomyVersions).orderBy(asc(taxonomyVersions.id)).all();
}

export function listMacroAreas(db: Db, versionId: string): MacroAreaRow[] {
	return db
		.select({ id: macroAreas.id, code: macroAreas.code, label: macroAreas.label })
		.from(macroAreas)
		.where(eq(macroAreas.versionId, versionId))
		.orderBy(asc(macroAreas.position))
		.all();
}

export function loadTaxonomy(db: Db, versionId: string) {
	const version = db
		.select()
		.from(taxonomyVersions)
		.where(eq(taxonomyVersions.id, versionId))
		.get();
	if (!version) return undefined;
	const areas = listMacroAreas(db, versionId).map((area) => ({
		...area,
		keyPoints: db
			.select({ id: keyPoints.id, label: keyPoints.label })
			.from(keyPoints)
			.where(eq(keyPoints.macroAreaId, area.id))
			.orderBy(asc(keyPoints.position))
			.all()
	}));
	const lepsRows = db
		.select()
		.from(leps)
		.where(eq(leps.versionId, versionId))
		.orderBy(asc(leps.position))
		.all();
	return { ...version, macroAreas: areas, leps: lepsRows };
}
