import { importObjectives } from '$lib/plan-objectives/plan-import.server';
import demoPlanObjectives from './data/plan-objectives.json';
import { and, eq } from 'drizzle-orm';
import { users } from '$lib/auth/auth.schema';
import { hashPassword } from '$lib/auth/password.server';
import { organizations, people } from '$lib/directory/directory.schema';
import { addDays, todayInRome } from '$lib/meeting/meeting';
import { meetings } from '$lib/meeting/meeting.schema';
import { ambiti, comuni, plans, policyAreaMacroAreas, policyAreas } from '$lib/plan/plan.schema';
import { inTransaction, type Database, type Db } from '$lib/server/db/database';
import { macroAreas } from '$lib/taxonomy/taxonomy.schema';
import { subgroups, tavoli, tavoloMembers, tavoloPolicyAreas } from '$lib/tavolo/tavolo.schema';
import {
	demoAmbito,
	demoMeetings,
	demoOrganizations,
	demoPassword,
	demoPeople,
	demoPlaces,
	demoPlan,
	demoTavoli,
	type TavoloKey
} from './demo-plan';

/**
 * Loads the demo plan into an empty database (no Ambito yet) and returns whether
 * it did. Dates are relative to `now`, so the demo always has an incontro today.
 */
export async function seedDemoIfEmpty(database: Database, now: number): Promise<boolean> {
	if (database.db.select({ id: ambiti.id }).from(ambiti).get()) return false;
	const logins = demoPeople.filter((p) => p.login);
	const hashes = await Promise.all(logins.map(() => hashPassword(demoPassword)));
	return inTransaction(database.db, () => {
		if (database.db.select({ id: ambiti.id }).from(ambiti).get()) return false;
		seed(database.db, now, hashes);
		return true;
	});
}

function seed(db: Db, now: number, hashes: string[]): void {
	const ambitoId = db
		.insert(ambiti)
		.values({ name: demoAmbito.name, leadBody: demoAmbito.leadBody, createdAt: now })
		.returning()
		.get().id;
	for (const [name, population] of demoAmbito.comuni)
		db.insert(comuni).values({ ambitoId, name, population }).run();
	const planId = db
		.insert(plans)
		.values({
			ambitoId,
			title: demoPlan.title,
			period: demoPlan.period,
			status: 'in_force',
			taxonomyVersionId: demoPlan.taxonomyVersionId,
			createdAt: now
		})
		.returning()
		.get().id;
	const areaIds = demoPlan.policyAreas.map(([name, codes], position) => {
		const id = db.insert(policyAreas).values({ planId, name, position }).returning().get().id;
		for (const code of codes) {
			const area = db
				.select({ id: macroAreas.id })
				.from(macroAreas)
				.where(and(eq(macroAreas.versionId, demoPlan.taxonomyVersionId), eq(macroAreas.code, code)))
				.get();
			if (!area) throw new Error(`Demo plan names unknown macro-area ${code}`);
			db.insert(policyAreaMacroAreas).values({ policyAreaId: id, macroAreaId: area.id }).run();
		}
		return id;
	});
	const orgIds = new Map(
		demoOrganizations.map(([name, type, sector, aliases]) => [
			name,
			db
				.insert(organizations)
				.values({ ambitoId, name, type, sector, aliases, email: null, createdAt: now })
				.returning()
				.get().id
		])
	);
	const tavoloIds = new Map<TavoloKey, number>();
	const subgroupIds = new Map<string, number>();
	for (const t of demoTavoli) {
		const id = db
			.insert(tavoli)
			.values({
				planId,
				name: t.name,
				workThemes: t.workThemes,
				scope: t.scope.join('\n'),
				status: 'active',
				createdAt: now
			})
			.returning()
			.get().id;
		tavoloIds.set(t.key, id);
		for (const i of t.policyAreas)
			db.insert(tavoloPolicyAreas).values({ tavoloId: id, policyAreaId: areaIds[i]! }).run();
		for (const g of t.subgroups) {
			subgroupIds.set(
				`${t.key}/${g.name}`,
				db
					.insert(subgroups)
					.values({ tavoloId: id, ...g })
					.returning()
					.get().id
			);
		}
	}
	let loginIndex = 0;
	for (const p of demoPeople) {
		const organizationId = orgIds.get(p.organization);
		if (organizationId === undefined)
			throw new Error(`Demo person in unknown organisation ${p.organization}`);
		const email = p.login?.email ?? `${asciiSlug(p.fullName)}@example.org`;
		const personId = db
			.insert(people)
			.values({
				ambitoId,
				fullName: p.fullName,
				email,
				phone: '',
				organizationId,
				jobTitle: p.jobTitle,
				roleLevel: p.level,
				createdAt: now
			})
			.returning()
			.get().id;
		for (const [key, role] of p.seats) {
			db.insert(tavoloMembers)
				.values({ tavoloId: tavoloIds.get(key)!, personId, role, createdAt: now })
				.run();
		}
		if (p.login) {
			db.insert(users)
				.values({
					email: p.login.email,
					displayName: p.fullName,
					passwordHash: hashes[loginIndex++]!,
					role: p.login.role,
					personId,
					createdAt: now,
					passwordChangedAt: now
				})
				.run();
		}
	}
	const today = todayInRome(now);
	// The plan's 20 objectives as the real Seriate plan adopted them (§6.3).
	const imported = importObjectives(db, planId, demoPlanObjectives, null, now);
	if (!imported.ok)
		throw new Error(`Demo objectives refused: ${JSON.stringify(imported.problems)}`);
	for (const m of demoMeetings) {
		const { tavolo, dayOffset, subgroup, ...fields } = m;
		const online = m.mode !== 'in_person';
		db.insert(meetings)
			.values({
				...fields,
				tavoloId: tavoloIds.get(tavolo)!,
				subgroupId: subgroup ? (subgroupIds.get(`${tavolo}/${subgroup}`) ?? null) : null,
				date: addDays(today, dayOffset),
				place: m.mode === 'online' ? '' : demoPlaces[tavolo],
				onlineUrl: online ? `https://meet.example.org/tavoli-${tavolo}` : '',
				createdAt: now,
				updatedAt: now
			})
			.run();
	}
}

function asciiSlug(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '.')
		.replace(/^\.|\.$/g, '');
}
