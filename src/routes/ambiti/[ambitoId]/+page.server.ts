import { z } from 'zod';
import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { idField } from '$lib/forms/fields';
import { parseForm } from '$lib/forms/form-data';
import { ambitoInput, comuneInput } from '$lib/plan/plan';
import { removeComune, saveAmbito, saveComune } from '$lib/plan/plan-commands.server';
import { getAmbito, listComuni, listVisiblePlans } from '$lib/plan/plan-repo.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function context(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const actor = requireAccess(event, access.manageSetup);
	const { database, clock } = getRuntime();
	const ambito = found(getAmbito(database.db, idParam(event.params.ambitoId)));
	return { actor, ambito, db: database.db, now: clock.now() };
}

export const load: PageServerLoad = (event) => {
	const { actor, ambito, db } = context(event);
	return {
		ambito,
		comuni: listComuni(db, ambito.id),
		plans: listVisiblePlans(db, (id) => access.viewPlan(actor, id)).filter(
			(p) => p.ambitoId === ambito.id
		)
	};
};

const comuneEdit = comuneInput.extend({ comuneId: idField });
const comuneRemove = z.object({ comuneId: idField });

export const actions: Actions = {
	saveAmbito: async (event) => {
		const { ambito, db, now } = context(event);
		const parsed = parseForm(ambitoInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values, 'ambito');
		saveAmbito(db, ambito.id, parsed.data, now);
		return { saved: true };
	},
	addComune: async (event) => {
		const { ambito, db } = context(event);
		const parsed = parseForm(comuneInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values, 'comune');
		const result = saveComune(db, ambito.id, null, parsed.data);
		if (!result.ok) return reasonFailure('name', result.reason, parsed.data, 'comune');
		return { saved: true };
	},
	updateComune: async (event) => {
		const { ambito, db } = context(event);
		const parsed = parseForm(comuneEdit, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values, 'comune');
		const { comuneId, ...fields } = parsed.data;
		const result = saveComune(db, ambito.id, comuneId, fields);
		if (!result.ok) return reasonFailure('name', result.reason, parsed.data, 'comune');
		return { saved: true };
	},
	removeComune: async (event) => {
		const { ambito, db } = context(event);
		const parsed = parseForm(comuneRemove, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values, 'comune');
		if (!removeComune(db, ambito.id, parsed.data.comuneId))
			return formFailure({ comuneId: 'not_found' }, parsed.data, 'comune');
		return { saved: true };
	}
};
