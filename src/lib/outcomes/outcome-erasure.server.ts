import { and, eq } from 'drizzle-orm';
import type { AttendanceLine } from '$lib/attendance/attendance-commands.server';
import { boardCards, boards } from '$lib/board/board.schema';
import type { Db } from '$lib/server/db/database';
import type { OutcomeNeed, OutcomePackage, SourceNote } from './outcome';
import { outcomes } from './outcome.schema';

/**
 * The outcome packages of the incontro (SPEC E1: otherwise never updated) no longer
 * name the person: their line leaves the package's foglio firme and their cards'
 * notes lose the author, as a package built after the erasure would have them.
 * The verbale's frozen versions are the one record that keeps the name (API.md).
 * Run before the line itself is blanked: the package names the person as it did.
 */
export function scrubOutcomes(db: Db, line: AttendanceLine): void {
	const owned = new Set(
		db
			.select({ cardId: boardCards.cardId })
			.from(boardCards)
			.innerJoin(boards, eq(boards.id, boardCards.boardId))
			.where(and(eq(boards.meetingId, line.meetingId), eq(boardCards.participantId, line.id)))
			.all()
			.map((c) => c.cardId)
	);
	const joinedAt = new Date(line.joinedAt).toISOString();
	const isTheirs = (a: OutcomePackage['attendance'][number]) =>
		a.joinedAt === joinedAt && a.name === line.name && a.organization === line.organizationName;
	const scrub = (notes: SourceNote[]) =>
		notes.map((n) => (n.author && owned.has(n.id) ? { ...n, author: null } : n));
	const needs = (list: OutcomeNeed[]) => list.map((n) => ({ ...n, notes: scrub(n.notes) }));
	const packages = db
		.select({ id: outcomes.id, content: outcomes.content })
		.from(outcomes)
		.where(eq(outcomes.meetingId, line.meetingId))
		.all();
	for (const { id, content } of packages) {
		const scrubbed: OutcomePackage = {
			...content,
			attendance: content.attendance.filter((a) => !isTheirs(a)),
			objectives: content.objectives.map((o) => ({
				...o,
				sources: o.sources.map((src) => ({ ...src, notes: scrub(src.notes) }))
			})),
			priorities: needs(content.priorities),
			unchosen: needs(content.unchosen)
		};
		if (JSON.stringify(scrubbed) !== JSON.stringify(content))
			db.update(outcomes).set({ content: scrubbed }).where(eq(outcomes.id, id)).run();
	}
}
