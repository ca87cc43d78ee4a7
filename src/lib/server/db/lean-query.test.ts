import Sqlite from 'better-sqlite3';
import { and, count, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leanQuery } from './lean-query';

// Every column mode drizzle decodes, and joins that can miss, to compare
// leanQuery's rows with drizzle's own on the same statements.
const people = sqliteTable('people', {
	id: integer('id').primaryKey(),
	name: text('name').notNull(),
	nickname: text('nickname'),
	tags: text('tags', { mode: 'json' }).$type<string[]>(),
	active: integer('active', { mode: 'boolean' }).notNull(),
	seen: integer('seen', { mode: 'timestamp_ms' }),
	photo: blob('photo', { mode: 'buffer' }),
	teamId: integer('team_id')
});
const teams = sqliteTable('teams', {
	id: integer('id').primaryKey(),
	label: text('label').notNull(),
	meta: text('meta', { mode: 'json' }).$type<{ size: number }>(),
	leaderId: integer('leader_id')
});

/** A seeded generator (mulberry32), so a failure names its case. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** What a call gives: its value, or the message of what it threw. */
function outcome(call: () => unknown) {
	try {
		return { value: call() };
	} catch (error) {
		return { error: String(error) };
	}
}

let dir: string;
let sqlite: Sqlite.Database;
let db: ReturnType<typeof drizzle>;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tavoli-lean-'));
	sqlite = new Sqlite(join(dir, 'lean.db'));
	sqlite.exec(`
		create table people (id integer primary key, name text not null, nickname text, tags text,
			active integer not null, seen integer, photo blob, team_id integer);
		create table teams (id integer primary key, label text not null, meta text, leader_id integer);
	`);
	db = drizzle(sqlite);
	const rand = random(7);
	const maybe = <T>(value: T) => (rand() < 0.3 ? null : value);
	for (let id = 1; id <= 12; id++)
		db.insert(teams)
			.values({ id, label: `T${id}`, meta: maybe({ size: id }), leaderId: maybe(1 + (id % 40)) })
			.run();
	for (let id = 1; id <= 40; id++)
		db.insert(people)
			.values({
				id,
				name: `P${id} «${'è'.repeat(id % 3)}»`,
				nickname: maybe(`n${id}`),
				tags: maybe(['a', `t${id}`]),
				active: rand() < 0.5,
				seen: maybe(new Date(1_700_000_000_000 + id * 1000)),
				photo: maybe(Buffer.from([id, 255 - id])),
				// Some point at no team at all, so a left join finds nothing.
				teamId: maybe(1 + Math.floor(rand() * 15))
			})
			.run();
});

afterAll(() => {
	sqlite.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('leanQuery', () => {
	const shapes = () => ({
		'a whole table': db
			.select()
			.from(people)
			.where(eq(people.id, sql.placeholder('id')))
			.prepare(),
		'picked fields and an SQL field': db
			.select({
				id: people.id,
				tags: people.tags,
				upper: sql<string>`upper(${people.name})`,
				n: sql<number>`length(${people.name})`.mapWith(Number)
			})
			.from(people)
			.where(eq(people.id, sql.placeholder('id')))
			.prepare(),
		'an inner join, nested': db
			.select({ person: people, team: teams })
			.from(people)
			.innerJoin(teams, eq(teams.id, people.teamId))
			.where(eq(people.id, sql.placeholder('id')))
			.prepare(),
		'a left join that may miss': db
			.select()
			.from(people)
			.leftJoin(teams, eq(teams.id, people.teamId))
			.where(eq(people.id, sql.placeholder('id')))
			.prepare(),
		'two left joins, one of them flat': db
			.select({
				name: people.name,
				team: { id: teams.id, label: teams.label, meta: teams.meta },
				leader: sql<string | null>`(select name from people l where l.id = ${teams.leaderId})`
			})
			.from(people)
			.leftJoin(teams, eq(teams.id, people.teamId))
			.where(
				and(eq(people.id, sql.placeholder('id')), eq(people.active, sql.placeholder('active')))
			)
			.prepare(),
		'an aggregate': db
			.select({ n: count() })
			.from(people)
			.where(eq(people.teamId, sql.placeholder('id')))
			.prepare()
	});

	it('reads every row as drizzle does, in every shape', () => {
		for (const [name, query] of Object.entries(shapes())) {
			const lean = leanQuery(query);
			for (let id = 0; id <= 41; id++)
				// A boolean goes to SQLite as drizzle binds it (refused: placeholders are not encoded by `eq`).
				for (const active of [1, 0, true]) {
					const values = { id, active };
					for (const method of ['get', 'all', 'values'] as const)
						expect(
							outcome(() => lean[method](values)),
							`${name} ${method} ${id}`
						).toEqual(outcome(() => query[method](values)));
				}
		}
	});

	it('binds encoded placeholders and constants, and refuses a missing value', () => {
		const insert = leanQuery(
			db
				.insert(people)
				.values({
					id: sql.placeholder('id'),
					name: 'Nuova',
					tags: sql.placeholder('tags'),
					active: sql.placeholder('active'),
					seen: sql.placeholder('seen')
				})
				.prepare()
		);
		const seen = new Date(1_800_000_000_123);
		expect(insert.run({ id: 100, tags: ['x', 'y'], active: true, seen }).changes).toBe(1);
		const byId = leanQuery(
			db
				.select()
				.from(people)
				.where(eq(people.id, sql.placeholder('id')))
				.prepare()
		);
		expect(byId.get({ id: 100 })).toMatchObject({
			name: 'Nuova',
			tags: ['x', 'y'],
			active: true,
			seen
		});
		expect(() => byId.get({})).toThrow('No value for placeholder "id" was provided');
		expect(() => insert.run({ id: 101 })).toThrow(/No value for placeholder/);
	});

	it('leaves alone what it does not know', () => {
		const plain = { get: () => 1 };
		expect(leanQuery(plain)).toBe(plain);
	});
});
