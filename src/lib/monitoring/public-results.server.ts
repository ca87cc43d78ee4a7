import { and, eq, inArray } from 'drizzle-orm';
import { meetings } from '$lib/meeting/meeting.schema';
import { outcomes } from '$lib/outcomes/outcome.schema';
import { getPlan } from '$lib/plan/plan-repo.server';
import { outcomeDecisions } from '$lib/plan-objectives/plan-objective.schema';
import { statusLabels } from '$lib/plan-objectives/plan-tables';
import type { Table } from '$lib/plan-objectives/plan-tables';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import type { Db } from '$lib/server/db/database';
import { listMacroAreas } from '$lib/taxonomy/taxonomy-repo.server';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { newestMonitoring } from './monitoring-read.server';
import { readableIndicator } from './objective-progress.server';
import type { ReadableIndicator } from './objective-progress';

/**
 * The public results of a published plan (SPEC M13): objectives by policy area, each with
 * its status, macro-areas, the tavoli its cards came from and its indicators' progress
 * (per indicator, never averaged). Nothing about people: no names, authors, who entered
 * a value, nor a measurement's note or source (free text that may name someone).
 */

/** The names of the tavoli whose cards were adopted or merged into each objective. */
function tavoliOf(db: Db, objectiveIds: number[]): Map<number, string[]> {
	const rows = objectiveIds.length
		? db
				.selectDistinct({ objectiveId: outcomeDecisions.planObjectiveId, name: tavoli.name })
				.from(outcomeDecisions)
				.innerJoin(outcomes, eq(outcomes.id, outcomeDecisions.outcomeId))
				.innerJoin(meetings, eq(meetings.id, outcomes.meetingId))
				.innerJoin(tavoli, eq(tavoli.id, meetings.tavoloId))
				.where(
					and(
						inArray(outcomeDecisions.planObjectiveId, objectiveIds),
						inArray(outcomeDecisions.decision, ['adopted', 'merged'])
					)
				)
				.all()
		: [];
	const byObjective = new Map<number, string[]>();
	for (const r of rows) {
		if (r.objectiveId === null) continue;
		const names = byObjective.get(r.objectiveId) ?? [];
		byObjective.set(
			r.objectiveId,
			[...names, r.name].sort((a, b) => a.localeCompare(b, 'it'))
		);
	}
	return byObjective;
}

/** [M13] A published plan's results; undefined for an unknown plan (the caller checks publication). */
export function publicResults(db: Db, planId: number) {
	const plan = getPlan(db, planId);
	if (!plan) return undefined;
	const macroNames = new Map(
		listMacroAreas(db, plan.taxonomyVersionId).map((m) => [m.code, m.label])
	);
	const monitored = newestMonitoring(db, plan);
	const objectives = listPlanObjectives(db, planId);
	const sources = tavoliOf(
		db,
		objectives.map((o) => o.id)
	);
	const areas = new Map<string, { name: string | null; objectives: PublicObjective[] }>();
	for (const o of objectives) {
		const key = o.policyArea ?? '';
		const area = areas.get(key) ?? { name: o.policyArea, objectives: [] };
		area.objectives.push({
			number: o.number,
			title: o.title,
			status: o.status,
			statusLabel: statusLabels[o.status],
			macroAreas: o.macroAreas.map((code) => ({ code, name: macroNames.get(code) ?? null })),
			tavoli: sources.get(o.id) ?? [],
			indicators: (monitored.get(o.id)?.indicators ?? []).map(readableIndicator)
		});
		areas.set(key, area);
	}
	return {
		plan: { title: plan.title, period: plan.period },
		areas: [...areas.values()]
	};
}

export type PublicResults = NonNullable<ReturnType<typeof publicResults>>;
export interface PublicObjective {
	number: number;
	title: string;
	status: string;
	statusLabel: string;
	macroAreas: { code: string; name: string | null }[];
	tavoli: string[];
	indicators: ReadableIndicator[];
}

/** [M13] The same data as one table, a row per indicator (an objective without any: one row). */
export function publicResultsTable(results: PublicResults): Table {
	const header = [
		'Area di policy',
		'N.',
		'Obiettivo',
		'Stato',
		'Macro-aree',
		'Tavoli',
		'Indicatore',
		'Livello',
		'Baseline',
		'Target',
		'Periodo',
		'Valore',
		'Avanzamento %'
	];
	const rows = results.areas.flatMap((area) =>
		area.objectives.flatMap((o) => {
			const common = [
				area.name ?? '',
				String(o.number),
				o.title,
				o.statusLabel,
				o.macroAreas.map((m) => m.code).join(', '),
				o.tavoli.join(', ')
			];
			if (o.indicators.length === 0) return [[...common, '', '', '', '', '', '', '']];
			return o.indicators.map((i) => [
				...common,
				i.name,
				i.level,
				i.baseline ?? '',
				i.target ?? '',
				i.latest?.period ?? '',
				i.latest?.value === null || i.latest === null ? '' : String(i.latest.value),
				i.progress === null ? '' : String(i.progress)
			]);
		})
	);
	return { title: 'Risultati', header, rows, numberColumns: [1] };
}
