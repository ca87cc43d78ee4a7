import { error } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { authorize } from '$lib/auth/guard.server';
import { listPeople } from '$lib/directory/directory-repo.server';
import { parseForm } from '$lib/forms/form-data';
import { todayInRome } from '$lib/meeting/meeting';
import { countedMeetingDates, listMeetingsOfTavolo } from '$lib/meeting/meeting-repo.server';
import { reasonFailure, formFailure } from '$lib/server/form-failure';
import { memberInput, memberRoleInput } from '$lib/tavolo/tavolo';
import { addMember, changeMemberRole, removeMember } from '$lib/tavolo/tavolo-commands.server';
import { sentBackToTavolo } from '$lib/plan-objectives/plan-objective-commands.server';
import { tavoloFeedback } from '$lib/monitoring/tavolo-feedback.server';
import { tavoloContext } from '$lib/tavolo/tavolo-context.server';
import {
	listMembers,
	listSubgroups,
	listTavoloPolicyAreas,
	tavoloWarnings
} from '$lib/tavolo/tavolo-repo.server';
import { z } from 'zod';
import { idField } from '$lib/forms/fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { actor, tavolo, plan, db, now } = tavoloContext(event, access.viewTavolo);
	const today = todayInRome(now);
	const members = listMembers(db, tavolo.id);
	const canManage = access.manageTavolo(actor, tavolo.id);
	const memberIds = new Set(members.map((mm) => mm.personId));
	const meetings = listMeetingsOfTavolo(db, tavolo.id);
	return {
		tavolo,
		plan: { id: plan.id, title: plan.title },
		policyAreas: listTavoloPolicyAreas(db, tavolo.id),
		members: members.map((mm) => ({ ...mm, email: canManage ? mm.email : null })),
		subgroups: listSubgroups(db, tavolo.id),
		upcoming: meetings.filter((mt) => mt.date >= today),
		past: meetings.filter((mt) => mt.date < today).reverse(),
		warnings: tavoloWarnings(db, tavolo.id, {
			today,
			meetingDates: countedMeetingDates(db, tavolo.id)
		}),
		sentBack: sentBackToTavolo(db, tavolo.id),
		feedback: tavoloFeedback(db, tavolo.id, plan),
		today,
		canManage,
		canAssignFacilitators: access.assignTavoloRole(actor, tavolo.id, 'facilitator_public'),
		candidates: canManage
			? listPeople(db, plan.ambitoId)
					.filter((p) => !memberIds.has(p.id))
					.map((p) => ({ id: p.id, fullName: p.fullName, organizationName: p.organizationName }))
			: []
	};
};

const removeInput = z.object({ memberId: idField });

export const actions: Actions = {
	addMember: async (event) => {
		const { actor, tavolo, db, now } = tavoloContext(event, access.manageTavolo);
		const parsed = parseForm(memberInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		authorize(access.assignTavoloRole(actor, tavolo.id, parsed.data.role));
		const result = addMember(db, tavolo.id, parsed.data.personId, parsed.data.role, now);
		if (!result.ok) return reasonFailure('personId', result.reason, parsed.data);
		return { memberAdded: true };
	},
	changeRole: async (event) => {
		const { actor, tavolo, db } = tavoloContext(event, access.manageTavolo);
		const parsed = parseForm(memberRoleInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const member = listMembers(db, tavolo.id).find((mm) => mm.id === parsed.data.memberId);
		if (!member) error(404, 'Not found');
		authorize(access.assignTavoloRole(actor, tavolo.id, parsed.data.role));
		authorize(access.assignTavoloRole(actor, tavolo.id, member.role));
		changeMemberRole(db, tavolo.id, member.id, parsed.data.role);
		return { roleChanged: member.id };
	},
	removeMember: async (event) => {
		const { actor, tavolo, db } = tavoloContext(event, access.manageTavolo);
		const parsed = parseForm(removeInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const member = listMembers(db, tavolo.id).find((mm) => mm.id === parsed.data.memberId);
		if (!member) error(404, 'Not found');
		authorize(access.assignTavoloRole(actor, tavolo.id, member.role));
		removeMember(db, tavolo.id, member.id);
		return { memberRemoved: true };
	}
};
