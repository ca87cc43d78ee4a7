import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One regional guideline cycle, e.g. "2025-2027" (DGR XII/2167/2024). */
export const taxonomyVersions = sqliteTable('taxonomy_versions', {
	id: text('id').primaryKey(),
	label: text('label').notNull(),
	source: text('source').notNull()
});

/** Codes are strings and not contiguous: 2025-2027 has no "C". */
export const macroAreas = sqliteTable(
	'macro_areas',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		versionId: text('version_id')
			.notNull()
			.references(() => taxonomyVersions.id),
		code: text('code').notNull(),
		label: text('label').notNull(),
		position: integer('position').notNull()
	},
	(t) => [uniqueIndex('macro_areas_version_code_uq').on(t.versionId, t.code)]
);

export const keyPoints = sqliteTable('key_points', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	macroAreaId: integer('macro_area_id')
		.notNull()
		.references(() => macroAreas.id),
	label: text('label').notNull(),
	position: integer('position').notNull()
});

export const leps = sqliteTable('leps', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	versionId: text('version_id')
		.notNull()
		.references(() => taxonomyVersions.id),
	name: text('name').notNull(),
	objectives: text('objectives', { mode: 'json' }).$type<string[]>().notNull(),
	indicators: text('indicators', { mode: 'json' }).$type<string[]>().notNull(),
	position: integer('position').notNull()
});
