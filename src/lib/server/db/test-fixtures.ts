import { eq } from 'drizzle-orm';
import { createAccount } from '$lib/auth/account-commands.server';
import { users } from '$lib/auth/auth.schema';
import type { UserRole } from '$lib/auth/roles';
import { saveOrganization, savePerson } from '$lib/directory/directory-commands.server';
import type { OrganizationType, Sector } from '$lib/directory/organization-types';
import { saveMeeting } from '$lib/meeting/meeting-commands.server';
import { saveAmbito, savePlan, savePolicyArea } from '$lib/plan/plan-commands.server';
import {
	EXPORT_FORMAT,
	type ExportedObjective,
	type PlanExport
} from '$lib/plan-objectives/plan-export';
import { importObjectives } from '$lib/plan-objectives/plan-import.server';
import type { Result } from '$lib/server/result';
import { listMacroAreas } from '$lib/taxonomy/taxonomy-repo.server';
import { addMember, saveTavolo } from '$lib/tavolo/tavolo-commands.server';
import type { TavoloRole } from '$lib/tavolo/tavolo-roles';
import type { Db } from './database';

/**
 * Builders for integration tests: each goes through the real use case and throws
 * if it refuses, so a test states only what it is about.
 */
export const TEST_NOW = Date.parse('2026-03-10T09:00:00Z');

function unwrap<T>(result: Result<T, string>, what: string): T {
	if (!result.ok) throw new Error(`Fixture ${what} refused: ${result.reason}`);
	return result.value;
}

export function addAmbito(db: Db, name = 'Ambito di prova'): number {
	return saveAmbito(db, null, { name, leadBody: 'Comune capofila' }, TEST_NOW);
}

export function addPlan(db: Db, ambitoId: number, taxonomyVersionId = '2025-2027'): number {
	const input = { title: 'Piano di Zona', period: '2025-2027', status: 'drafting' as const };
	return unwrap(
		savePlan(db, ambitoId, null, { ...input, taxonomyVersionId }, TEST_NOW),
		'savePlan'
	);
}

/** An Ambito with one plan on the 2025-2027 taxonomy. */
export function addAmbitoWithPlan(db: Db, name?: string): { ambitoId: number; planId: number } {
	const ambitoId = addAmbito(db, name);
	return { ambitoId, planId: addPlan(db, ambitoId) };
}

/** Ids of the macro-areas of a taxonomy version, by code. */
export function macroAreaIds(db: Db, versionId: string): Map<string, number> {
	return new Map(listMacroAreas(db, versionId).map((m) => [m.code, m.id]));
}

export function addPolicyArea(db: Db, planId: number, name: string, macroAreaIds: number[] = []) {
	return unwrap(savePolicyArea(db, planId, null, { name, macroAreaIds }), 'savePolicyArea');
}

export function addOrganization(
	db: Db,
	ambitoId: number,
	name: string,
	sector: Sector = 'public',
	type: OrganizationType = 'other'
): number {
	const input = { name, aliases: [], type, sector, email: null };
	return unwrap(saveOrganization(db, ambitoId, null, input, TEST_NOW), 'saveOrganization');
}

export function addPerson(
	db: Db,
	ambitoId: number,
	fullName: string,
	organizationId: number | null = null
): number {
	const input = {
		fullName,
		email: null,
		phone: '',
		organizationId,
		jobTitle: '',
		roleLevel: 'technical' as const
	};
	return unwrap(savePerson(db, ambitoId, null, input, TEST_NOW), 'savePerson');
}

export function addTavolo(db: Db, planId: number, name: string, policyAreaIds: number[] = []) {
	const input = { name, workThemes: '', scope: '', status: 'active' as const, policyAreaIds };
	return unwrap(saveTavolo(db, planId, null, input, TEST_NOW), 'saveTavolo');
}

export function addTavoloMember(db: Db, tavoloId: number, personId: number, role: TavoloRole) {
	return unwrap(addMember(db, tavoloId, personId, role, TEST_NOW), 'addMember');
}

/** A planned incontro of the whole tavolo, in person, on that date. */
export function addMeeting(db: Db, tavoloId: number, date: string): number {
	const input = {
		title: 'Incontro',
		subgroupId: null,
		date,
		startTime: '17:30',
		endTime: '19:00',
		mode: 'in_person' as const,
		place: 'Sala consiliare',
		onlineUrl: '',
		agenda: ''
	};
	return unwrap(saveMeeting(db, tavoloId, null, input, TEST_NOW), 'saveMeeting');
}

/** An account with a real argon2 hash; returns the stored row. */
export async function addUser(
	db: Db,
	email: string,
	options: { password?: string; role?: UserRole; personId?: number | null } = {}
) {
	const input = {
		email,
		password: options.password ?? 'password-di-prova',
		role: options.role ?? 'participant',
		displayName: email.split('@')[0] ?? email,
		personId: options.personId ?? null
	};
	const { userId } = unwrap(await createAccount(db, input, TEST_NOW), 'createAccount');
	return db.select().from(users).where(eq(users.id, userId)).get()!;
}

/** A plan objective in our import format: empty parts, a draft, unless given. */
export function exportedObjective(
	number: number,
	title: string,
	parts: Partial<ExportedObjective> = {}
): ExportedObjective {
	return {
		number,
		title,
		policyArea: null,
		fields: {},
		verbatim: {},
		macroAreas: ['A'],
		keyPoints: {},
		leps: [],
		indicators: [],
		status: 'draft',
		approvedAt: null,
		...parts
	};
}

/** Two indicators for monitoring tests: a count (families taken on) and a ratio (share of returns). */
export const monitoredIndicators: ExportedObjective['indicators'] = [
	{
		level: 'output',
		kind: 'count',
		description: 'Famiglie prese in carico',
		baseline: '40',
		target: '60'
	},
	{
		level: 'outcome',
		kind: 'ratio',
		description: 'Quota di rientri',
		baseline: '30%',
		target: '10%'
	}
];

/** An approved objective carrying these indicators, as monitoring reads them. */
export function monitoredObjective(
	number: number,
	title: string,
	indicators: ExportedObjective['indicators'] = monitoredIndicators
): ExportedObjective {
	return exportedObjective(number, title, {
		indicators,
		status: 'approved',
		approvedAt: '2025-12-15'
	});
}

/** A 2025-2027 plan document in our import format holding these objectives. */
export function planDocument(
	objectives: ExportedObjective[],
	policyAreas: PlanExport['policyAreas'] = []
): PlanExport {
	return {
		format: EXPORT_FORMAT,
		version: 1,
		plan: { title: 'Piano', period: '2025-2027', taxonomyVersion: '2025-2027' },
		policyAreas,
		objectives
	};
}

/** Objectives put into a plan through the real import. */
export function addObjectives(
	db: Db,
	planId: number,
	objectives: ExportedObjective[],
	policyAreas: PlanExport['policyAreas'] = []
): void {
	const result = importObjectives(
		db,
		planId,
		planDocument(objectives, policyAreas),
		null,
		TEST_NOW
	);
	if (!result.ok) throw new Error(`Fixture objectives refused: ${JSON.stringify(result.problems)}`);
}
