import { access } from '$lib/auth/access';
import { newAccountInput } from '$lib/auth/account';
import { createAccount } from '$lib/auth/account-commands.server';
import { listAccounts } from '$lib/auth/account-repo.server';
import { requireAccess } from '$lib/auth/guard.server';
import { people } from '$lib/directory/directory.schema';
import { optionalIdField } from '$lib/forms/fields';
import { parseForm } from '$lib/forms/form-data';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { getRuntime } from '$lib/server/runtime';
import { asc } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	const { db } = getRuntime().database;
	return {
		accounts: listAccounts(db),
		people: db
			.select({ id: people.id, fullName: people.fullName })
			.from(people)
			.orderBy(asc(people.fullName))
			.all()
	};
};

const accountForm = newAccountInput.extend({ personId: optionalIdField });

export const actions: Actions = {
	create: async (event) => {
		requireAccess(event, access.manageSetup);
		const parsed = parseForm(accountForm, await event.request.formData());
		if (!parsed.ok) return formFailure({ ...parsed.errors }, { ...parsed.values, password: '' });
		const { database, clock } = getRuntime();
		const result = await createAccount(database.db, parsed.data, clock.now());
		if (!result.ok) {
			const field = result.reason === 'unknown-person' ? 'personId' : 'email';
			return reasonFailure(field, result.reason, { ...parsed.data, password: '' });
		}
		return { created: true };
	}
};
