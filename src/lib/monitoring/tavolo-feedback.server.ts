import type { MonitoredPlan } from './monitoring-read.server';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { meetings } from '$lib/meeting/meeting.schema';
import { outcomes } from '$lib/outcomes/outcome.schema';
import { outcomeDecisions } from '$lib/plan-objectives/plan-objective.schema';
import type { Db } from '$lib/server/db/database';
import type { MeetingFeedback } from './tavolo-feedback';
import { objectivesProgress } from './objective-progress.server';

interface SentCard {
	cardId: string;
	title: string;
	decision: (typeof outcomeDecisions.$inferSelect & { version: number }) | null;
}

/** The tavolo's outcomes, newest version first, each with the decisions taken on it. */
function sentOutcomes(db: Db, tavoloId: number) {
	const rows = db
		.select({ id: outcomes.id, version: outcomes.version, content: outcomes.content })
		.from(outcomes)
		.innerJoin(meetings, eq(meetings.id, outcomes.meetingId))
		.where(eq(meetings.tavoloId, tavoloId))
		.orderBy(desc(meetings.date), desc(outcomes.meetingId), desc(outcomes.version))
		.all();
	const decisions = rows.length
		? db
				.select()
				.from(outcomeDecisions)
				.where(
					inArray(
						outcomeDecisions.outcomeId,
						rows.map((r) => r.id)
					)
				)
				.all()
		: [];
	const byOutcome = new Map<number, Map<string, (typeof decisions)[number]>>();
	for (const d of decisions)
		byOutcome.set(d.outcomeId, (byOutcome.get(d.outcomeId) ?? new Map()).set(d.cardId, d));
	return rows.map((r) => ({ ...r, decisions: byOutcome.get(r.id) ?? new Map() }));
}

/**
 * Per incontro, every card any version held: its title from the newest version holding
 * it, the decision from the newest version that has one (a resubmission does not hide
 * what the UdP already decided).
 */
function cardsByMeeting(sent: ReturnType<typeof sentOutcomes>) {
	const byMeeting = new Map<
		number,
		{ head: (typeof sent)[number]; cards: Map<string, SentCard> }
	>();
	for (const outcome of sent) {
		const meetingId = outcome.content.meeting.id;
		const entry = byMeeting.get(meetingId) ?? { head: outcome, cards: new Map() };
		for (const card of outcome.content.objectives) {
			const seen = entry.cards.get(card.id) ?? {
				cardId: card.id,
				title: card.title,
				decision: null
			};
			const decision = outcome.decisions.get(card.id);
			if (!seen.decision && decision) seen.decision = { ...decision, version: outcome.version };
			entry.cards.set(card.id, seen);
		}
		byMeeting.set(meetingId, entry);
	}
	return [...byMeeting.values()];
}

/**
 * [M31] What became of each objective card the tavolo sent to the UdP: by incontro,
 * newest first, each card with the decision (adopted, merged, sent back, parked, or
 * none yet), the UdP's reason and the plan objective it went into with its status and
 * progress per indicator (M30). Nothing about people: no author, no one who decided.
 */
export function tavoloFeedback(db: Db, tavoloId: number, plan: MonitoredPlan): MeetingFeedback[] {
	const meetingsSent = cardsByMeeting(sentOutcomes(db, tavoloId));
	const objectiveIds = meetingsSent.flatMap((m) =>
		[...m.cards.values()].flatMap((c) => c.decision?.planObjectiveId ?? [])
	);
	const objectives = objectivesProgress(db, plan, objectiveIds);
	return meetingsSent.map(({ head, cards }) => ({
		meeting: {
			id: head.content.meeting.id,
			title: head.content.meeting.title,
			date: head.content.meeting.date
		},
		version: head.version,
		cards: [...cards.values()].map(({ cardId, title, decision }) => ({
			cardId,
			title,
			decision: decision?.decision ?? null,
			reason: decision?.reason ?? '',
			decidedOnVersion: decision?.version ?? null,
			objective:
				decision?.planObjectiveId != null
					? (objectives.get(decision.planObjectiveId) ?? null)
					: null
		}))
	}));
}

/** [M32] The plan objectives the tavolo's cards went into (adopted or merged). */
export function objectivesFromTavolo(db: Db, tavoloId: number): number[] {
	return db
		.selectDistinct({ id: outcomeDecisions.planObjectiveId })
		.from(outcomeDecisions)
		.innerJoin(outcomes, eq(outcomes.id, outcomeDecisions.outcomeId))
		.innerJoin(meetings, eq(meetings.id, outcomes.meetingId))
		.where(
			and(
				eq(meetings.tavoloId, tavoloId),
				inArray(outcomeDecisions.decision, ['adopted', 'merged'])
			)
		)
		.all()
		.flatMap((r) => r.id ?? []);
}
