import { asc, eq } from 'drizzle-orm';
import { organizations, people } from '$lib/directory/directory.schema';
import { meetings } from '$lib/meeting/meeting.schema';
import type { Db } from '$lib/server/db/database';
import { tavoloMembers } from '$lib/tavolo/tavolo.schema';
import { normalizeJoinCode } from './board';
import { boards } from './board.schema';

/**
 * The organisations offered on the join form: those of the tavolo's members
 * first. Only names: a visitor with a code learns nothing else.
 */
export function organizationsForCode(db: Db, code: string): string[] {
	const board = db
		.select({ meetingId: boards.meetingId, open: boards.open })
		.from(boards)
		.where(eq(boards.joinCode, normalizeJoinCode(code)))
		.get();
	if (!board?.open) return [];
	const meeting = db
		.select({ tavoloId: meetings.tavoloId })
		.from(meetings)
		.where(eq(meetings.id, board.meetingId))
		.get();
	if (!meeting) return [];
	const names = db
		.selectDistinct({ name: organizations.name })
		.from(tavoloMembers)
		.innerJoin(people, eq(people.id, tavoloMembers.personId))
		.innerJoin(organizations, eq(organizations.id, people.organizationId))
		.where(eq(tavoloMembers.tavoloId, meeting.tavoloId))
		.orderBy(asc(organizations.name))
		.all();
	return names.map((n) => n.name);
}
