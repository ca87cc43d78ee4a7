import { json } from '@sveltejs/kit';
import { asc, eq, inArray } from 'drizzle-orm';
import { requireActor } from '$lib/auth/guard.server';
import { boards } from '$lib/board/board.schema';
import { meetings } from '$lib/meeting/meeting.schema';
import { getRuntime } from '$lib/server/runtime';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import type { RequestHandler } from './$types';

/** The incontri the session may see (rule A4), with their board if one is open. */
export const GET: RequestHandler = (event) => {
	const actor = requireActor(event);
	const { db } = getRuntime().database;
	const visible = actor.role === 'admin' ? undefined : [...actor.tavoli.keys()];
	if (visible?.length === 0) return json([]);
	const rows = db
		.select({ meeting: meetings, tavoloName: tavoli.name, boardId: boards.id })
		.from(meetings)
		.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
		.leftJoin(boards, eq(boards.meetingId, meetings.id))
		.where(visible ? inArray(meetings.tavoloId, visible) : undefined)
		.orderBy(asc(meetings.date), asc(meetings.startTime))
		.all();
	return json(
		rows.map(({ meeting: m, tavoloName, boardId }) => ({
			id: m.id,
			title: m.title,
			date: m.date,
			startTime: m.startTime,
			endTime: m.endTime,
			status: m.status,
			mode: m.mode,
			tavoloId: m.tavoloId,
			tavoloName,
			boardId
		}))
	);
};
