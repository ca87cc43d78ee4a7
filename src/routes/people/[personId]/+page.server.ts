import { redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '$lib/auth/auth.schema';
import { personInput } from '$lib/directory/directory';
import { savePerson } from '$lib/directory/directory-commands.server';
import { directoryContext } from '$lib/directory/directory-context.server';
import { getPerson, listOrganizations } from '$lib/directory/directory-repo.server';
import { erasePerson } from '$lib/privacy/person-privacy.server';
import { parseForm } from '$lib/forms/form-data';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { listMembershipsOfPerson } from '$lib/tavolo/tavolo-repo.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { db, canManage } = directoryContext(event);
	const person = found(getPerson(db, idParam(event.params.personId)));
	return {
		person: canManage ? person : { ...person, email: null, phone: null },
		canManage,
		organizations: canManage ? listOrganizations(db, person.ambitoId) : [],
		organizationName:
			listOrganizations(db, person.ambitoId).find((o) => o.id === person.organizationId)?.name ??
			null,
		memberships: listMembershipsOfPerson(db, person.id),
		account: canManage
			? (db
					.select({ email: users.email, role: users.role })
					.from(users)
					.where(eq(users.personId, person.id))
					.get() ?? null)
			: null
	};
};

const eraseInput = z.object({ confirm: z.literal('yes', { error: 'confirm_required' }) });

export const actions: Actions = {
	save: async (event) => {
		const { db, now } = directoryContext(event, true);
		const person = found(getPerson(db, idParam(event.params.personId)));
		const parsed = parseForm(personInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = savePerson(db, person.ambitoId, person.id, parsed.data, now);
		if (!result.ok)
			return reasonFailure(
				result.reason === 'duplicate-email' ? 'email' : 'organizationId',
				result.reason,
				parsed.data
			);
		redirect(303, `/people/${person.id}`);
	},
	erase: async (event) => {
		const { db, now } = directoryContext(event, true);
		const person = found(getPerson(db, idParam(event.params.personId)));
		const parsed = parseForm(eraseInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		erasePerson(db, getRuntime().boards, person.id, now);
		redirect(303, `/people?erased=${encodeURIComponent(person.fullName)}`);
	}
};
