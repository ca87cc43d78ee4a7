import { and, eq, isNotNull } from 'drizzle-orm';
import { inTransaction, type Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { planObjectives } from './plan-objective.schema';
import { recordRevision } from './plan-objective-repo.server';

/**
 * Archiving an objective (SPEC PO8): the UdP takes it out of the plan — its lists,
 * exports, matrices and checks — without losing it. The row, its number, its
 * decisions and every revision stay; archiving and restoring are revisions too.
 */
export type ArchiveRefusal = 'not-found' | 'already-archived' | 'not-archived';

/** Archives (`archive: true`) or brings back a plan's objective, as one new revision. */
export function setArchived(
	db: Db,
	at: { planId: number; objectiveId: number },
	archive: boolean,
	actor: { userId: number | null; now: number }
): Result<null, ArchiveRefusal> {
	return inTransaction(db, () => {
		const row = db
			.select()
			.from(planObjectives)
			.where(and(eq(planObjectives.id, at.objectiveId), eq(planObjectives.planId, at.planId)))
			.get();
		if (!row) return { ok: false, reason: 'not-found' } as const;
		if (archive === (row.archivedAt !== null))
			return { ok: false, reason: archive ? 'already-archived' : 'not-archived' } as const;
		const saved = db
			.update(planObjectives)
			.set({ archivedAt: archive ? actor.now : null, updatedAt: actor.now })
			.where(eq(planObjectives.id, row.id))
			.returning()
			.get();
		recordRevision(db, saved, ['archivedAt'], actor.userId, actor.now);
		return { ok: true, value: null } as const;
	});
}

/** The plan's archived objectives, in number order, for the list that restores them. */
export function listArchivedObjectives(db: Db, planId: number) {
	return db
		.select({
			id: planObjectives.id,
			number: planObjectives.number,
			title: planObjectives.title,
			archivedAt: planObjectives.archivedAt
		})
		.from(planObjectives)
		.where(and(eq(planObjectives.planId, planId), isNotNull(planObjectives.archivedAt)))
		.orderBy(planObjectives.number)
		.all();
}
