import { access } from '$lib/auth/access';
import { requireAccess } from '$lib/auth/guard.server';
import { todayInRome } from '$lib/meeting/meeting';
import { countedMeetingDates } from '$lib/meeting/meeting-repo.server';
import { getAmbito, getPlan, listPolicyAreas } from '$lib/plan/plan-repo.server';
import { found, idParam } from '$lib/server/params';
import { getRuntime } from '$lib/server/runtime';
import { summarizeTavoli } from '$lib/tavolo/tavolo-summary.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const planId = idParam(event.params.planId);
	const actor = requireAccess(event, (a) => access.viewPlan(a, planId));
	const { database, clock } = getRuntime();
	const plan = found(getPlan(database.db, planId));
	return {
		plan,
		ambito: found(getAmbito(database.db, plan.ambitoId)),
		policyAreas: listPolicyAreas(database.db, planId),
		tavoli: summarizeTavoli(database.db, actor, {
			id: planId,
			today: todayInRome(clock.now()),
			meetingDates: (tavoloId) => countedMeetingDates(database.db, tavoloId)
		})
	};
};
