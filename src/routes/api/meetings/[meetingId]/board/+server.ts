import { json } from '@sveltejs/kit';
import { access } from '$lib/auth/access';
import { openBoard } from '$lib/board/board-commands.server';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { getRuntime } from '$lib/server/runtime';
import { readNoBody } from '$lib/server/read-json';
import type { RequestHandler } from './$types';

/** Opens (or reopens) the incontro's live board: facilitators of the tavolo and the UdP. */
export const POST: RequestHandler = async (event) => {
	const { actor, meeting, db, now } = meetingContext(event, access.manageTavolo);
	await readNoBody(event.request);
	const { boards: hub, clock } = getRuntime();
	const opened = openBoard({ db, hub, clock }, meeting.id, actor.userId);
	return json({
		...opened,
		joinUrl: new URL(`/join/${opened.joinCode}`, event.url).href,
		openedAt: now
	});
};
