import { redirect } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { parseForm } from '$lib/forms/form-data';
import { ambitoInput } from '$lib/plan/plan';
import { saveAmbito } from '$lib/plan/plan-commands.server';
import { listAmbiti } from '$lib/plan/plan-repo.server';
import { formFailure } from '$lib/server/form-failure';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAccess(event, access.manageSetup);
	return { ambiti: listAmbiti(getRuntime().database.db) };
};

export const actions: Actions = {
	saveAmbito: async (event) => {
		requireAccess(event, access.manageSetup);
		const parsed = parseForm(ambitoInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const { database, clock } = getRuntime();
		redirect(303, `/ambiti/${saveAmbito(database.db, null, parsed.data, clock.now())}`);
	}
};
