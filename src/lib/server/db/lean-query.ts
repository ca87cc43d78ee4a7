import { Column, is, Param, Placeholder, SQL, Subquery, getTableName } from 'drizzle-orm';
import { PreparedQuery } from 'drizzle-orm/better-sqlite3';

/**
 * A drizzle prepared query that reads its rows and binds its parameters with
 * work decided once, at preparation, instead of on every call.
 *
 * Drizzle's `get`/`all` map each row with `mapResultRow`, which asks of every
 * column, on every row, what kind of field it is (`is()` walks the prototype
 * chain), and `fillPlaceholders` asks the same of every parameter. On the
 * requests a room sends by the hundred (a ballot runs six such reads) that was
 * ≈ 9 % of the server's CPU, more than SQLite spent running the queries
 * (docs/PERFORMANCE.md, "Request path"). Here each column's decoder and place in
 * the result, and each parameter's source, are looked up once; the rows are the
 * ones drizzle would return, null joined tables included (`lean-query.test.ts`
 * compares the two over every column mode and join shape).
 *
 * Anything it does not know (a custom result mapper, a query of another driver)
 * is returned unchanged.
 */
export function leanQuery<T>(query: T): T {
	if (!is(query, PreparedQuery)) return query;
	const prepared = query as unknown as Drizzle;
	if (prepared.customResultMapper) return query;
	const bind = binderOf(prepared.query.params);
	const map = prepared.fields ? mapperOf(prepared.fields, prepared.joinsNotNullableMap) : null;
	const { stmt } = prepared;
	const lean: Partial<Drizzle> = {
		run: (values) => stmt.run(...bind(values)),
		values: (values) => stmt.raw(true).all(...bind(values)),
		get: (values) => {
			if (!map) return stmt.get(...bind(values));
			const row = stmt.raw(true).get(...bind(values)) as unknown[] | undefined;
			return row === undefined ? undefined : map(row);
		},
		all: (values) => {
			if (!map) return stmt.all(...bind(values));
			return (stmt.raw(true).all(...bind(values)) as unknown[][]).map(map);
		}
	};
	return Object.assign(Object.create(prepared) as Drizzle, lean) as unknown as T;
}

type Values = Record<string, unknown> | undefined;

/** What this module reads of drizzle's better-sqlite3 PreparedQuery (session.js). */
interface Drizzle {
	stmt: import('better-sqlite3').Statement;
	query: { sql: string; params: unknown[] };
	fields?: { path: string[]; field: unknown }[];
	joinsNotNullableMap?: Record<string, boolean>;
	customResultMapper?: unknown;
	run(values?: Values): unknown;
	values(values?: Values): unknown;
	get(values?: Values): unknown;
	all(values?: Values): unknown;
}

/** fillPlaceholders, with each parameter's kind decided once. */
function binderOf(params: unknown[]): (values: Values) => unknown[] {
	const slots = params.map((p) => {
		if (is(p, Placeholder)) return { name: p.name, encode: null };
		if (is(p, Param) && is(p.value, Placeholder))
			return { name: p.value.name, encode: p.encoder as { mapToDriverValue(v: unknown): unknown } };
		return { constant: p };
	});
	if (slots.every((s) => 'constant' in s)) return () => params;
	return (values = {}) =>
		slots.map((slot) => {
			if ('constant' in slot) return slot.constant;
			if (!(slot.name in values))
				throw new Error(`No value for placeholder "${slot.name}" was provided`);
			const value = values[slot.name];
			return slot.encode ? slot.encode.mapToDriverValue(value) : value;
		});
}

interface Decoder {
	mapFromDriverValue(value: unknown): unknown;
}

/** As mapResultRow picks it: the column itself, or the decoder of an SQL field (internal in drizzle's types). */
function decoderOf(field: unknown): Decoder {
	if (is(field, Column)) return field;
	const sql = is(field, SQL)
		? field
		: is(field, Subquery)
			? field._.sql
			: (field as { sql: unknown }).sql;
	return (sql as { decoder: Decoder }).decoder;
}

/** mapResultRow (drizzle-orm/utils.js) for one list of fields, decided once. */
function mapperOf(
	fields: NonNullable<Drizzle['fields']>,
	joinsNotNullableMap: Drizzle['joinsNotNullableMap']
): (row: unknown[]) => unknown {
	const identity = Column.prototype.mapFromDriverValue;
	const columns = fields.map(({ path, field }) => {
		const decoder = decoderOf(field);
		return {
			parents: path.slice(0, -1),
			key: path.at(-1) ?? '',
			decoder: decoder.mapFromDriverValue === identity ? null : decoder,
			// A column of a joined table, by which drizzle tells a missing joined row.
			table:
				joinsNotNullableMap && is(field, Column) && path.length === 2
					? getTableName(field.table)
					: null
		};
	});
	return (row) => {
		const result: Record<string, unknown> = {};
		let nullify: Record<string, string | false> | null = null;
		for (let i = 0; i < columns.length; i++) {
			const column = columns[i]!;
			const raw = row[i];
			const value =
				raw === null ? null : column.decoder ? column.decoder.mapFromDriverValue(raw) : raw;
			let node = result;
			for (const chunk of column.parents) {
				if (!(chunk in node)) node[chunk] = {};
				node = node[chunk] as Record<string, unknown>;
			}
			node[column.key] = value;
			if (column.table !== null) {
				const object = column.parents[0]!;
				nullify ??= {};
				if (!(object in nullify)) nullify[object] = value === null ? column.table : false;
				else if (typeof nullify[object] === 'string' && nullify[object] !== column.table)
					nullify[object] = false;
			}
		}
		if (nullify)
			for (const [object, table] of Object.entries(nullify))
				if (typeof table === 'string' && !joinsNotNullableMap?.[table]) result[object] = null;
		return result;
	};
}
