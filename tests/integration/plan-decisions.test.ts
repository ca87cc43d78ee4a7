import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setObjectivePart, setObjectiveText } from '$lib/objectives/objective-doc';
import { planInbox, provenance, getPlanObjective } from '$lib/plan-objectives/plan-inbox.server';
import {
	decideOnCard,
	renumberObjective,
	sentBackToTavolo
} from '$lib/plan-objectives/plan-objective-commands.server';
import {
	restoreRevision,
	updatePlanObjective
} from '$lib/plan-objectives/objective-edit-commands.server';
import { setArchived } from '$lib/plan-objectives/objective-archive-commands.server';
import { getOutcome, submitOutcome } from '$lib/outcomes/outcome-commands.server';
import { loadNeedsMatrix } from '$lib/plan-objectives/needs-matrix.server';
import { listPlanObjectives, listRevisions } from '$lib/plan-objectives/plan-objective-repo.server';
import { actions as inboxPage } from '../../src/routes/plans/[planId]/inbox/+page.server';
import { actions as mergePage } from '../../src/routes/plans/[planId]/inbox/[outcomeId]/merge/+page.server';
import { submittedOutcome } from './plan-outcome';
import { removeDir, startTestServer, type TestServer } from './sync-server';

/** [PO2-PO4] The UdP's decisions on a real tavolo outcome, the history and the numbering. */
let server: TestServer;
let outcomeId: number;
let cards: string[];
let planId: number;
let tavoloId: number;
let udp: number;

beforeAll(async () => {
	server = await startTestServer();
	const texts = ['Anziani soli', 'Affitti troppo alti', 'Giovani senza spazi', 'Centri estivi'];
	({ outcomeId, planId, tavoloId, udp, cards } = submittedOutcome(
		server,
		texts,
		(doc, objectiveOf) => {
			setObjectiveText(doc, objectiveOf(texts[0]!), 'objectives', 'Custodia sociale serale');
			setObjectivePart(doc, objectiveOf(texts[0]!), 'macroAreas', ['E']);
			setObjectiveText(doc, objectiveOf(texts[1]!), 'objectives', 'Agenzia per la casa');
			setObjectivePart(doc, objectiveOf(texts[3]!), 'macroAreas', ['Z']);
			setObjectivePart(doc, objectiveOf(texts[3]!), 'leps', ['LEPS inventato']);
		}
	));
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

describe('[PO2] decisions on a tavolo outcome', () => {
	it('adopts a card as a numbered plan objective with its fields and provenance', () => {
		const { db } = server.services;
		const before = listPlanObjectives(db, planId).length;
		const adopted = decideOnCard(
			db,
			outcomeId,
			cards[0]!,
			{ decision: 'adopted', reason: '' },
			udp,
			1
		);
		expect(adopted.ok).toBe(true);
		const id = adopted.ok ? adopted.value.planObjectiveId! : 0;
		const objective = getPlanObjective(db, planId, id)!;
		expect(objective.number).toBe(before + 1);
		expect(objective.fields.objectives).toBe('Custodia sociale serale');
		expect(objective.macroAreas).toEqual(['E']);
		expect(provenance(db, id)[0]!.card!.sources[0]!.notes[0]!.text).toBe('Anziani soli');
	});

	it('merges a second card into it with the fields the UdP settled on, as a new revision', () => {
		const { db } = server.services;
		const [target] = listPlanObjectives(db, planId).slice(-1);
		const merged = decideOnCard(
			db,
			outcomeId,
			cards[1]!,
			{
				decision: 'merged',
				planObjectiveId: target!.id,
				reason: 'stesso bisogno abitativo',
				fields: { objectives: 'Custodia sociale serale e agenzia per la casa' }
			},
			udp,
			2
		);
		expect(merged).toEqual({ ok: true, value: { planObjectiveId: target!.id } });
		expect(getPlanObjective(db, planId, target!.id)!.fields.objectives).toBe(
			'Custodia sociale serale e agenzia per la casa'
		);
		expect(provenance(db, target!.id).map((p) => p.decision)).toEqual(['adopted', 'merged']);
		expect(listRevisions(db, target!.id)[0]!.changed).toEqual(['fields.objectives']);
	});

	it('refuses, in the merge form, what the objective editor refuses, storing nothing', async () => {
		const { db } = server.services;
		const [target] = listPlanObjectives(db, planId).slice(-1);
		const before = getPlanObjective(db, planId, target!.id);
		const refusals: [[string, string][], string][] = [
			[[['reason', 'x'.repeat(2001)]], 'reason: too-long'],
			[[['field:objectives', 'Testo\u0007']], 'field:objectives: invalid-text'],
			[[['colore', 'rosso']], 'colore: unknown-key colore'],
			[
				[
					['reason', 'a'],
					['reason', 'b']
				],
				'reason: sent-twice'
			]
		];
		for (const [entries, expected] of refusals) {
			const body = new FormData();
			body.append('card', cards[2]!);
			body.append('into', String(target!.id));
			for (const [name, value] of entries) body.append(name, value);
			const url = new URL(`http://localhost/plans/${planId}/inbox/${outcomeId}/merge`);
			const result = (await mergePage.default!({
				request: new Request(url, { method: 'POST', body }),
				url,
				params: { planId: String(planId), outcomeId: String(outcomeId) },
				locals: { actor: { userId: udp, role: 'admin' } }
			} as never)) as { status: number; data: { problems: { field: string; problem: string }[] } };
			expect(result.status).toBe(400);
			expect(result.data.problems.map((p) => `${p.field}: ${p.problem}`)).toEqual([expected]);
		}
		expect(getPlanObjective(db, planId, target!.id)).toEqual(before);
		expect(provenance(db, target!.id).map((p) => p.decision)).toEqual(['adopted', 'merged']);
	});

	it('sends a card back only with a reason, and the tavolo sees it', () => {
		const { db } = server.services;
		const sent = decideOnCard(
			db,
			outcomeId,
			cards[2]!,
			{ decision: 'sent_back', reason: 'Manca il target: chi sono i giovani?' },
			udp,
			3
		);
		expect(sent.ok).toBe(true);
		expect(sentBackToTavolo(db, tavoloId)).toMatchObject([
			{ cardId: cards[2], reason: 'Manca il target: chi sono i giovani?' }
		]);
	});

	it('refuses a second decision on the same card and an unknown card', () => {
		const { db } = server.services;
		expect(
			decideOnCard(db, outcomeId, cards[2]!, { decision: 'parked', reason: '' }, udp, 4)
		).toEqual({ ok: false, reason: 'already-decided' });
		expect(decideOnCard(db, outcomeId, 'nope', { decision: 'parked', reason: '' }, udp, 4)).toEqual(
			{
				ok: false,
				reason: 'card-not-found'
			}
		);
	});

	it('[PO1a] does not adopt a card the plan cannot hold: every unknown code named, nothing stored', async () => {
		const { db } = server.services;
		const before = listPlanObjectives(db, planId).length;
		expect(
			decideOnCard(db, outcomeId, cards[3]!, { decision: 'adopted', reason: '' }, udp, 5)
		).toEqual({
			ok: false,
			reason: 'invalid',
			problems: [
				{ field: 'macroAreas', problem: 'unknown-macro-area Z' },
				{ field: 'leps', problem: 'unknown-leps LEPS inventato' }
			]
		});
		expect(listPlanObjectives(db, planId)).toHaveLength(before);
		// The inbox's form names them too, instead of a bare "not recorded".
		const body = new FormData();
		for (const [name, value] of Object.entries({
			outcomeId: String(outcomeId),
			cardId: cards[3]!,
			decision: 'adopted'
		}))
			body.append(name, value);
		const url = new URL(`http://localhost/plans/${planId}/inbox?/decide`);
		const answer = (await inboxPage.decide!({
			request: new Request(url, { method: 'POST', body }),
			url,
			params: { planId: String(planId) },
			locals: { actor: { userId: udp, role: 'admin' } }
		} as never)) as { status: number; data: { problems: { problem: string }[] } };
		expect(answer.status).toBe(400);
		expect(answer.data.problems.map((p) => p.problem)).toEqual([
			'unknown-macro-area Z',
			'unknown-leps LEPS inventato'
		]);
		expect(listPlanObjectives(db, planId)).toHaveLength(before);
		expect(
			decideOnCard(db, outcomeId, cards[3]!, { decision: 'parked', reason: '' }, udp, 5).ok
		).toBe(true);
	});

	it('leaves no card of the outcome without a decision in the inbox', () => {
		const entry = planInbox(server.services.db, planId).find((o) => o.outcomeId === outcomeId)!;
		expect(entry.undecided).toBe(0);
		// By card id: cards drafted in one millisecond may be listed in another order.
		const decided = new Map(entry.cards.map((c) => [c.card.id, c.decision?.decision]));
		expect(cards.map((id) => decided.get(id))).toEqual([
			'adopted',
			'merged',
			'sent_back',
			'parked'
		]);
	});
});

describe('[PO3] the needs matrix', () => {
	it('shows which needs a plan objective answers and which are gaps', () => {
		const rows = loadNeedsMatrix(server.services.db, planId);
		const byLabel = new Map(rows.map((r) => [r.label, r]));
		expect(byLabel.get('Anziani soli')!.objective).not.toBeNull();
		expect(byLabel.get('Affitti troppo alti')!.objective).toEqual(
			byLabel.get('Anziani soli')!.objective
		);
		expect(byLabel.get('Giovani senza spazi')!.objective).toBeNull();
	});
});

describe('[PO4] history and numbering', () => {
	it('restores an earlier version as a new revision, keeping the ones in between', () => {
		const { db } = server.services;
		const objective = listPlanObjectives(db, planId).slice(-1)[0]!;
		updatePlanObjective(db, planId, objective.id, { title: 'Titolo cambiato' }, udp, 5);
		const revisions = listRevisions(db, objective.id);
		expect(revisions[0]!.changed).toEqual(['title']);
		const restored = restoreRevision(db, planId, objective.id, 1, udp, 6);
		expect(restored.ok).toBe(true);
		const now = getPlanObjective(db, planId, objective.id)!;
		expect(now.title).toBe(revisions.at(-1)!.snapshot.title);
		expect(now.fields.objectives).toBe('Custodia sociale serale');
		expect(listRevisions(db, objective.id)).toHaveLength(revisions.length + 1);
	});

	it('refuses an approved status without the Assemblea’s date', () => {
		const { db } = server.services;
		const objective = listPlanObjectives(db, planId).slice(-1)[0]!;
		expect(updatePlanObjective(db, planId, objective.id, { status: 'approved' }, udp, 7)).toEqual({
			ok: false,
			reason: 'invalid',
			problems: [{ field: 'approvedAt', problem: 'approval-date-required' }]
		});
	});

	it('renumbers without breaking the links to decisions', () => {
		const { db } = server.services;
		const objective = listPlanObjectives(db, planId).slice(-1)[0]!;
		expect(renumberObjective(db, planId, objective.id, 1).ok).toBe(true);
		expect(getPlanObjective(db, planId, objective.id)!.number).toBe(1);
		expect(listPlanObjectives(db, planId).map((o) => o.number)).toEqual(
			listPlanObjectives(db, planId).map((_, i) => i + 1)
		);
		expect(provenance(db, objective.id)).toHaveLength(2);
	});
});

describe('[PO2] a resubmitted outcome', () => {
	it('offers a card already in the plan for merging, never for a second adoption', () => {
		const { db } = server.services;
		const meetingId = getOutcome(db, outcomeId)!.meetingId;
		const resubmitted = submitOutcome(server.services, meetingId, udp);
		if (!resubmitted.ok) throw new Error(resubmitted.reason);
		const second = resubmitted.value.outcomeId;
		const [adopted, merged, sentBack] = cards as [string, string, string];
		const target = planInbox(db, planId)
			.find((o) => o.outcomeId === outcomeId)!
			.cards.find((c) => c.card.id === adopted)!.decision!.planObjectiveId!;

		const entry = planInbox(db, planId).find((o) => o.outcomeId === second)!;
		const inPlan = new Map(entry.cards.map((c) => [c.card.id, c.inPlan?.planObjectiveId ?? null]));
		// Adopted, or merged into one: both cards live in that objective already.
		expect([inPlan.get(adopted), inPlan.get(merged), inPlan.get(sentBack)]).toEqual([
			target,
			target,
			null
		]);

		const count = listPlanObjectives(db, planId).length;
		for (const card of [adopted, merged])
			expect(decideOnCard(db, second, card, { decision: 'adopted', reason: '' }, udp, 8)).toEqual({
				ok: false,
				reason: 'already-in-plan'
			});
		expect(listPlanObjectives(db, planId)).toHaveLength(count);
		// The revised text goes into the objective it is already in.
		expect(
			decideOnCard(
				db,
				second,
				adopted,
				{ decision: 'merged', planObjectiveId: target, reason: '' },
				udp,
				9
			).ok
		).toBe(true);
		// Once that objective is archived, the proposal may become a plan objective again.
		expect(
			setArchived(db, { planId, objectiveId: target }, true, { userId: udp, now: 10 }).ok
		).toBe(true);
		expect(decideOnCard(db, second, merged, { decision: 'adopted', reason: '' }, udp, 11).ok).toBe(
			true
		);
		// Versions are decided in any order: adopted on a later one, an earlier one refuses it too.
		const third = submitOutcome(server.services, meetingId, udp);
		if (!third.ok) throw new Error(third.reason);
		const adopt = { decision: 'adopted', reason: '' } as const;
		expect(decideOnCard(db, third.value.outcomeId, sentBack, adopt, udp, 12).ok).toBe(true);
		expect(decideOnCard(db, second, sentBack, adopt, udp, 13)).toEqual({
			ok: false,
			reason: 'already-in-plan'
		});
		const onSecond = planInbox(db, planId)
			.find((o) => o.outcomeId === second)!
			.cards.find((c) => c.card.id === sentBack)!;
		expect(onSecond.inPlan?.version).toBe(3);
	});
});
