import type { Actor } from '$lib/auth/access';
import { access } from '$lib/auth/access';
import type { Db } from '$lib/server/db/database';
import { isFacilitatorRole } from './tavolo-roles';
import {
	listMembers,
	listTavoliOfPlan,
	listTavoloPolicyAreas,
	tavoloWarnings
} from './tavolo-repo.server';

/**
 * The tavoli of a plan as the actor may see them, with facilitators and rule
 * warnings; the caller brings each tavolo's incontri (see MeetingCalendar).
 */
export function summarizeTavoli(
	db: Db,
	actor: Actor,
	plan: { id: number; today: string; meetingDates: (tavoloId: number) => readonly string[] }
) {
	return listTavoliOfPlan(db, plan.id)
		.filter((t) => access.viewTavolo(actor, t.id))
		.map((t) => {
			const members = listMembers(db, t.id);
			return {
				id: t.id,
				name: t.name,
				status: t.status,
				memberCount: members.length,
				facilitators: members.filter((mm) => isFacilitatorRole(mm.role)).map((mm) => mm.fullName),
				policyAreas: listTavoloPolicyAreas(db, t.id).map((a) => a.name),
				warnings: tavoloWarnings(db, t.id, {
					today: plan.today,
					meetingDates: plan.meetingDates(t.id)
				})
			};
		});
}
