import { inArray } from 'drizzle-orm';
import { planObjectives } from '$lib/plan-objectives/plan-objective.schema';
import type { Db } from '$lib/server/db/database';
import { newestMonitoring, type MonitoredPlan } from './monitoring-read.server';
import type { ObjectiveProgress, ReadableIndicator } from './objective-progress';

type MonitoredIndicator = NonNullable<
	ReturnType<ReturnType<typeof newestMonitoring>['get']>
>['indicators'][number];

/** [M13, M30] What may be read of a measured indicator outside the UdP: no note, no source. */
export const readableIndicator = (i: MonitoredIndicator): ReadableIndicator => ({
	name: i.name,
	level: i.level,
	baseline: i.baseline,
	target: i.target,
	unit: i.unit,
	latest: i.latest ? { period: i.latest.period, value: i.latest.value } : null,
	progress: i.progress
});

/**
 * [M30] The named objectives of one plan with their status and, per indicator, the
 * newest measurement and progress (M4, M10 at the plan's last period), never averaged.
 * An archived objective keeps its number, title and status and shows no indicators;
 * ids of another plan are left out.
 */
export function objectivesProgress(
	db: Db,
	plan: MonitoredPlan,
	objectiveIds: readonly number[]
): Map<number, ObjectiveProgress> {
	const ids = [...new Set(objectiveIds)];
	const rows = ids.length
		? db.select().from(planObjectives).where(inArray(planObjectives.id, ids)).all()
		: [];
	const monitored = rows.length ? newestMonitoring(db, plan) : undefined;
	const result = new Map<number, ObjectiveProgress>();
	for (const row of rows) {
		if (row.planId !== plan.id) continue;
		result.set(row.id, {
			id: row.id,
			number: row.number,
			title: row.title,
			status: row.status,
			archived: row.archivedAt !== null,
			indicators: (monitored?.get(row.id)?.indicators ?? []).map((i) => ({
				id: i.id,
				...readableIndicator(i)
			}))
		});
	}
	return result;
}
