import { requireActor } from '$lib/auth/guard.server';
import { todayInRome } from '$lib/meeting/meeting';
import { listUpcomingMeetings } from '$lib/meeting/meeting-repo.server';
import { getRuntime } from '$lib/server/runtime';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { inArray } from 'drizzle-orm';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event);
	const { database, clock } = getRuntime();
	const today = todayInRome(clock.now());
	const ids = [...actor.tavoli.keys()];
	const myTavoli = ids.length
		? database.db
				.select({ id: tavoli.id, name: tavoli.name })
				.from(tavoli)
				.where(inArray(tavoli.id, ids))
				.all()
		: [];
	return {
		today,
		myTavoli: myTavoli.map((t) => ({ ...t, role: actor.tavoli.get(t.id)! })),
		upcoming: listUpcomingMeetings(database.db, actor, today).map(({ meeting, tavoloName }) => ({
			id: meeting.id,
			title: meeting.title,
			date: meeting.date,
			startTime: meeting.startTime,
			status: meeting.status,
			tavoloName
		}))
	};
};
