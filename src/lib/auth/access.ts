import type { TavoloRole } from '$lib/tavolo/tavolo-roles';
import { isFacilitatorRole } from '$lib/tavolo/tavolo-roles';
import type { UserRole } from './roles';

/**
 * Who is asking: the account plus the tavoli its person belongs to. Built once
 * per request on the server (actor.server.ts) and never trusted from a client.
 */
export interface Actor {
	userId: number;
	role: UserRole;
	displayName: string;
	email: string;
	personId: number | null;
	/** tavoloId → the person's role in that tavolo */
	tavoli: ReadonlyMap<number, TavoloRole>;
	/** Plans the actor takes part in through its tavoli. */
	planIds: ReadonlySet<number>;
}

const isAdmin = (a: Actor) => a.role === 'admin';

function manageTavolo(a: Actor, tavoloId: number): boolean {
	if (isAdmin(a)) return true;
	const role = a.tavoli.get(tavoloId);
	return a.role === 'facilitator' && role !== undefined && isFacilitatorRole(role);
}

/**
 * Every access rule of the app (SPEC A1-A6). Routes and endpoints pick the rule
 * that fits and call it through guard.server.ts; the access-matrix test checks
 * every route against every role.
 */
export const access = {
	/** A1: Ambito, plans, policy areas, organisations, people, tavoli, accounts. */
	manageSetup: (a: Actor) => isAdmin(a),
	/** A2: the directory of organisations and people, read-only, for facilitators too. */
	viewDirectory: (a: Actor) => isAdmin(a) || a.role === 'facilitator',
	/** A3: a plan is visible to the UdP and to anyone in one of its tavoli. */
	viewPlan: (a: Actor, planId: number) => isAdmin(a) || a.planIds.has(planId),
	/** A4: a tavolo (and its incontri) is visible to the UdP and to its members. */
	viewTavolo: (a: Actor, tavoloId: number) => isAdmin(a) || a.tavoli.has(tavoloId),
	/**
	 * A5: a tavolo's incontri, sub-groups and members are managed by the UdP and by
	 * facilitator accounts that facilitate that very tavolo.
	 */
	manageTavolo,
	/**
	 * A5b: who sits in a tavolo as facilitator is the UdP's set-up decision;
	 * facilitators manage the other seats of their own tavolo.
	 */
	assignTavoloRole: (a: Actor, tavoloId: number, role: TavoloRole) =>
		isAdmin(a) || (manageTavolo(a, tavoloId) && !isFacilitatorRole(role)),
	/** A6: changing one's own password needs only to be logged in. */
	manageOwnAccount: (a: Actor) => a.userId > 0
} as const;
