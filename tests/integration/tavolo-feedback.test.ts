import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/auth/access';
import { users } from '$lib/auth/auth.schema';
import { outcomes } from '$lib/outcomes/outcome.schema';
import { boardMonitoring } from '$lib/monitoring/board-monitoring.server';
import {
	addToAgenda,
	agendaChoices,
	agendaMonitoring,
	removeFromAgenda,
	type AgendaMeeting
} from '$lib/monitoring/meeting-monitoring.server';
import { generateMinutes } from '$lib/minutes/minutes-commands.server';
import { latestVersion } from '$lib/minutes/minutes-repo.server';
import { recordMeasurement } from '$lib/monitoring/monitoring-commands.server';
import { indicatorIds } from '$lib/monitoring/monitoring';
import { meetingMonitoring } from '$lib/monitoring/monitoring.schema';
import { tavoloFeedback } from '$lib/monitoring/tavolo-feedback.server';
import { setObjectivePart, setObjectiveText } from '$lib/objectives/objective-doc';
import { setArchived } from '$lib/plan-objectives/objective-archive-commands.server';
import { getPlanObjective } from '$lib/plan-objectives/plan-inbox.server';
import { decideOnCard } from '$lib/plan-objectives/plan-objective-commands.server';
import { listPlanObjectives } from '$lib/plan-objectives/plan-objective-repo.server';
import { getPlan } from '$lib/plan/plan-repo.server';
import { submitOutcome } from '$lib/outcomes/outcome-commands.server';
import { addAmbito, addObjectives, addPlan, exportedObjective } from '$lib/server/db/test-fixtures';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { actions as meetingPage } from '../../src/routes/meetings/[meetingId]/+page.server';
import { submittedOutcome } from './plan-outcome';
import { removeDir, startTestServer, type TestServer } from './sync-server';

/**
 * [M30-M33] What a tavolo learns of its cards (decisions, the objectives they went into
 * and their progress) and the monitoring an incontro puts on its agenda, on a real
 * outcome of the demo's board.
 */
let server: TestServer;
let out: ReturnType<typeof submittedOutcome>;
let adoptedId: number;
let meeting: AgendaMeeting;
const texts = ['Anziani soli', 'Anziani senza trasporto', 'Giovani senza spazi', 'Orti', 'Sport'];
const indicator = {
	level: 'output' as const,
	kind: 'count' as const,
	description: 'Anziani raggiunti',
	baseline: '10',
	target: '50'
};

beforeAll(async () => {
	server = await startTestServer();
	out = submittedOutcome(server, texts, (doc, objectiveOf) => {
		setObjectiveText(doc, objectiveOf(texts[0]!), 'objectives', 'Custodia sociale serale');
		setObjectivePart(doc, objectiveOf(texts[0]!), 'indicators', [indicator]);
	});
	const { db } = server.services;
	const decide = (card: number, decision: Parameters<typeof decideOnCard>[3]) => {
		const done = decideOnCard(db, out.outcomeId, out.cards[card]!, decision, out.udp, 10 + card);
		if (!done.ok) throw new Error(done.reason);
		return done.value;
	};
	adoptedId = decide(0, { decision: 'adopted', reason: '' }).planObjectiveId!;
	decide(1, { decision: 'merged', planObjectiveId: adoptedId, reason: 'stesso bisogno' });
	decide(2, { decision: 'sent_back', reason: 'Manca il target: chi sono i giovani?' });
	decide(3, { decision: 'parked', reason: '' });
	const [indicatorId] = indicatorIds([indicator]);
	const measured = recordMeasurement(
		db,
		{ planId: out.planId, objectiveId: adoptedId },
		{ indicatorId: indicatorId!, period: '2026-S1', value: 30, note: 'da Mario Rossi', source: '' },
		{ userId: out.udp, now: 20 }
	);
	if (!measured.ok) throw new Error(measured.reason);
	const sent = db.select().from(outcomes).where(eq(outcomes.id, out.outcomeId)).get()!;
	meeting = { id: sent.meetingId, tavoloId: out.tavoloId, planId: out.planId };
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

describe('[M31] what became of the tavolo cards', () => {
	it('shows each card with its decision, reason and the objective with progress per indicator', () => {
		const { db } = server.services;
		const feedback = tavoloFeedback(db, out.tavoloId, getPlan(db, out.planId)!);
		const sent = feedback.flatMap((m) => m.cards);
		const byText = (i: number) => sent.find((c) => c.cardId === out.cards[i])!;
		const adopted = getPlanObjective(db, out.planId, adoptedId)!;
		expect(byText(0)).toMatchObject({
			decision: 'adopted',
			objective: { id: adoptedId, number: adopted.number, status: 'draft', archived: false }
		});
		expect(byText(0).objective!.indicators).toEqual([
			expect.objectContaining({
				name: 'Anziani raggiunti',
				baseline: '10',
				target: '50',
				latest: { period: '2026-S1', value: 30 },
				progress: 50
			})
		]);
		expect(byText(1)).toMatchObject({
			decision: 'merged',
			reason: 'stesso bisogno',
			objective: { id: adoptedId }
		});
		expect(byText(2)).toMatchObject({
			decision: 'sent_back',
			reason: 'Manca il target: chi sono i giovani?',
			objective: null
		});
		expect(byText(3)).toMatchObject({ decision: 'parked', objective: null });
		expect(byText(4)).toMatchObject({ decision: null, decidedOnVersion: null, objective: null });
	});

	it('says nothing about people: no author, no one who decided, no measurement note', () => {
		const { db } = server.services;
		const json = JSON.stringify(tavoloFeedback(db, out.tavoloId, getPlan(db, out.planId)!));
		const udp = db.select().from(users).where(eq(users.id, out.udp)).get()!;
		for (const word of ['Luca Neri', 'Caritas', 'Mario Rossi', udp.displayName, udp.email])
			expect(json).not.toContain(word);
	});

	it('keeps a decision taken on an earlier version when the tavolo resubmits its outcome', () => {
		const { db } = server.services;
		const resubmitted = submitOutcome(server.services, meeting.id, out.udp);
		expect(resubmitted.ok).toBe(true);
		const feedback = tavoloFeedback(db, out.tavoloId, getPlan(db, out.planId)!);
		const entry = feedback.find((m) => m.meeting.id === meeting.id)!;
		expect(entry.version).toBe(2);
		expect(entry.cards).toHaveLength(texts.length);
		expect(entry.cards.find((c) => c.cardId === out.cards[0])).toMatchObject({
			decision: 'adopted',
			decidedOnVersion: 1,
			objective: { id: adoptedId }
		});
		expect(entry.cards.find((c) => c.cardId === out.cards[4])!.decision).toBeNull();
	});

	it('shows another tavolo of the plan none of these cards', () => {
		const { db } = server.services;
		const other = db
			.select()
			.from(tavoli)
			.where(ne(tavoli.id, out.tavoloId))
			.all()
			.find((t) => t.planId === out.planId);
		expect(other).toBeDefined();
		const cards = tavoloFeedback(db, other!.id, getPlan(db, out.planId)!).flatMap((m) => m.cards);
		expect(cards.map((c) => c.cardId)).not.toContain(out.cards[0]);
	});
});

describe('[M32, M33] monitoring on an incontro agenda', () => {
	it('offers the objectives the tavolo cards went into first', () => {
		const choices = agendaChoices(server.services.db, meeting);
		expect(choices[0]).toMatchObject({ id: adoptedId, fromTavolo: true });
		expect(choices.filter((c) => c.fromTavolo)).toHaveLength(1);
	});

	it('puts an objective on the agenda once, with its progress, and takes it off', () => {
		const { db } = server.services;
		const by = { userId: out.udp, now: 30 };
		expect(addToAgenda(db, meeting, adoptedId, by)).toEqual({
			ok: true,
			value: { objectiveId: adoptedId }
		});
		expect(addToAgenda(db, meeting, adoptedId, by)).toEqual({
			ok: false,
			reason: 'already-on-agenda'
		});
		const agenda = agendaMonitoring(db, meeting);
		expect(agenda.map((o) => o.id)).toEqual([adoptedId]);
		// The board: the same objectives for a guest, but no link to a plan it may not see.
		const guest = boardMonitoring(db, { locals: { actor: null } } as never, meeting.id);
		expect(guest).toEqual({ planId: null, objectives: agenda });
		const udp = { role: 'admin', tavoli: new Map(), planIds: new Set() };
		expect(boardMonitoring(db, { locals: { actor: udp } } as never, meeting.id).planId).toBe(
			out.planId
		);
		expect(agenda[0]!.indicators[0]!.progress).toBe(50);
		// The verbale the facilitator generates lists it with the latest value (minutes M-V1).
		const generated = generateMinutes(
			server.services,
			meeting.id,
			out.udp,
			false,
			agendaMonitoring(db, meeting)
		);
		if (!generated.ok) throw new Error(generated.reason);
		const section = latestVersion(db, meeting.id)!.content.sections.find(
			(x) => x.key === 'monitoring'
		)!;
		const rows = section.blocks.flatMap((b) => (b.type === 'table' ? b.rows : []));
		expect(rows[0]).toContain(agenda[0]!.title);
		expect(rows[0]!.join(' ')).toContain('(2026-S1)');
		expect(JSON.stringify(section)).not.toContain('Mario Rossi');
		expect(agendaChoices(db, meeting).map((c) => c.id)).not.toContain(adoptedId);
		expect(removeFromAgenda(db, meeting.id, adoptedId).ok).toBe(true);
		expect(removeFromAgenda(db, meeting.id, adoptedId)).toEqual({
			ok: false,
			reason: 'not-on-agenda'
		});
		expect(agendaMonitoring(db, meeting)).toEqual([]);
	});

	it('refuses an objective of another plan, an archived one and an unknown one', () => {
		const { db } = server.services;
		const otherPlan = addPlan(db, addAmbito(db, 'Ambito di prova'));
		addObjectives(db, otherPlan, [exportedObjective(1, 'Di un altro piano')]);
		const foreign = listPlanObjectives(db, otherPlan)[0]!.id;
		const archived = listPlanObjectives(db, out.planId).find((o) => o.id !== adoptedId)!;
		expect(
			setArchived(db, { planId: out.planId, objectiveId: archived.id }, true, {
				userId: out.udp,
				now: 40
			}).ok
		).toBe(true);
		const by = { userId: out.udp, now: 41 };
		for (const id of [foreign, archived.id, 999_999])
			expect(addToAgenda(db, meeting, id, by)).toEqual({
				ok: false,
				reason: 'objective-not-found'
			});
		expect(db.select().from(meetingMonitoring).all()).toEqual([]);
		expect(
			setArchived(db, { planId: out.planId, objectiveId: archived.id }, false, {
				userId: out.udp,
				now: 42
			}).ok
		).toBe(true);
	});
});

describe('[M32] the agenda form actions', () => {
	const post = async (name: 'addMonitoring' | 'removeMonitoring', actor: Actor, id: string) => {
		const body = new FormData();
		body.append('objectiveId', id);
		const url = new URL(`http://localhost/meetings/${meeting.id}?/${name}`);
		try {
			return (await meetingPage[name]!({
				request: new Request(url, { method: 'POST', body }),
				url,
				params: { meetingId: String(meeting.id) },
				locals: { actor }
			} as never)) as { status?: number };
		} catch (thrown) {
			return { status: (thrown as { status: number }).status };
		}
	};
	const actor = (role: Actor['role'], seat?: 'member' | 'facilitator_public'): Actor => ({
		userId: out.udp,
		role,
		displayName: 'x',
		email: 'x@example.org',
		personId: null,
		tavoli: new Map(seat ? [[out.tavoloId, seat]] : []),
		planIds: new Set([out.planId])
	});

	it('lets only the tavolo facilitators and the UdP change it, and refuses another plan (404)', async () => {
		const { db } = server.services;
		const otherPlan = addPlan(db, addAmbito(db, 'Ambito terzo'));
		addObjectives(db, otherPlan, [exportedObjective(1, 'Estraneo')]);
		const foreign = listPlanObjectives(db, otherPlan)[0]!.id;
		expect(
			(await post('addMonitoring', actor('participant', 'member'), String(adoptedId))).status
		).toBe(403);
		expect((await post('addMonitoring', actor('facilitator'), String(adoptedId))).status).toBe(403);
		expect((await post('addMonitoring', actor('admin'), String(foreign))).status).toBe(404);
		expect((await post('addMonitoring', actor('admin'), 'uno')).status).toBe(400);
		expect(db.select().from(meetingMonitoring).all()).toEqual([]);
		const facilitator = actor('facilitator', 'facilitator_public');
		expect(await post('addMonitoring', facilitator, String(adoptedId))).toEqual({
			monitoringAdded: adoptedId
		});
		expect((await post('addMonitoring', facilitator, String(adoptedId))).status).toBe(409);
		expect(await post('removeMonitoring', facilitator, String(adoptedId))).toEqual({
			monitoringRemoved: adoptedId
		});
		expect(db.select().from(meetingMonitoring).all()).toEqual([]);
	});
});
