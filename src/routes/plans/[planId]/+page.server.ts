import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { fail } from '@sveltejs/kit';
import { todayInRome } from '$lib/meeting/meeting';
import { countedMeetingDates } from '$lib/meeting/meeting-repo.server';
import { publicationOf, setPublished } from '$lib/monitoring/publication.server';
import { getAmbito, getPlan, listPolicyAreas } from '$lib/plan/plan-repo.server';
import { readEmptyForm } from '$lib/server/form-failure';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { summarizeTavoli } from '$lib/tavolo/tavolo-summary.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const planId = idParam(event.params.planId);
	const actor = requireAccess(event, (a) => access.viewPlan(a, planId));
	const { database, clock } = getRuntime();
	const plan = found(getPlan(database.db, planId));
	return {
		plan,
		ambito: found(getAmbito(database.db, plan.ambitoId)),
		policyAreas: listPolicyAreas(database.db, planId),
		publication: publicationState(database.db, planId),
		tavoli: summarizeTavoli(database.db, actor, {
			id: planId,
			today: todayInRome(clock.now()),
			meetingDates: (tavoloId) => countedMeetingDates(database.db, tavoloId)
		})
	};
};

/** [M13] The public page's state, for the UdP's publish control; the slug only while published. */
function publicationState(db: Parameters<typeof publicationOf>[0], planId: number) {
	const row = publicationOf(db, planId);
	return row?.publishedAt != null ? { slug: row.slug } : null;
}

export const actions: Actions = {
	publish: (event) => publishing(event, true),
	unpublish: (event) => publishing(event, false)
};

/** Publish or unpublish the results page (SPEC M13): a button, no fields; 404 unknown plan, 409 already so. */
async function publishing(event: Parameters<Actions['publish']>[0], publish: boolean) {
	const actor = requireAccess(event, access.manageSetup);
	const planId = idParam(event.params.planId);
	await readEmptyForm(event.request);
	const { database, clock } = getRuntime();
	const done = setPublished(database.db, planId, publish, {
		userId: actor.userId,
		now: clock.now()
	});
	if (!done.ok)
		return fail(done.reason === 'unknown-plan' ? 404 : 409, { publishError: done.reason });
	return { published: publish };
}
