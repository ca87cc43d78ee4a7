import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinWithCode } from '$lib/attendance/join.server';
import { users } from '$lib/auth/auth.schema';
import { changePhase } from '$lib/board/board-commands.server';
import { submitCard } from '$lib/board/board-cards.server';
import { readBoard } from '$lib/board/board-doc';
import { meetings } from '$lib/meeting/meeting.schema';
import { createObjectiveFrom } from '$lib/objectives/objective-commands.server';
import { setObjectivePart } from '$lib/objectives/objective-doc';
import { submitOutcome } from '$lib/outcomes/outcome-commands.server';
import { listPolicyAreas } from '$lib/plan/plan-repo.server';
import { getPlanObjective } from '$lib/plan-objectives/plan-inbox.server';
import { decideOnCard } from '$lib/plan-objectives/plan-objective-commands.server';
import { tavoli, tavoloPolicyAreas } from '$lib/tavolo/tavolo.schema';
import { openTodaysBoard, removeDir, startTestServer, type TestServer } from './sync-server';

/**
 * [PO2a] An adopted objective keeps the policy area of its tavolo, on the demo's
 * Domiciliarità tavolo: two areas, "Politiche per la terza età" (macro-area E)
 * and "Domiciliarità" (D, E).
 */
let server: TestServer;
let outcomeId: number;
let planId: number;
let tavoloId: number;
let udp: number;
const cards = new Map<string, string>();
const macroAreas: Record<string, string[]> = {
	'Anziani soli la sera': ['E'],
	'Assistenza a casa': ['D', 'E'],
	'Nessuna macroarea': [],
	'Ancora anziani soli': ['E']
};

beforeAll(async () => {
	server = await startTestServer();
	const board = openTodaysBoard(server);
	const { db, hub } = server.services;
	udp = db.select().from(users).where(eq(users.email, 'admin@demo.local')).get()!.id;
	const joined = joinWithCode(
		db,
		{ code: board.joinCode, name: 'Luca Neri', organization: 'Caritas', consent: true },
		Date.now()
	);
	if (!joined.ok) throw new Error('join');
	for (const text of Object.keys(macroAreas))
		submitCard(
			server.services,
			board.boardId,
			{ role: 'participant', participantId: joined.value.participantId },
			{ kind: 'need', text, target: '', policyAreaId: null }
		);
	const room = hub.room(board.boardId)!;
	changePhase(server.services, board.boardId, 'draft');
	for (const c of readBoard(room.doc).cards) {
		const created = createObjectiveFrom(server.services, board.boardId, { type: 'card', id: c.id });
		if (!created.ok) throw new Error(created.reason);
		cards.set(c.text, created.value);
		room.serverChange((doc) =>
			setObjectivePart(doc, created.value, 'macroAreas', macroAreas[c.text]!)
		);
	}
	const submitted = submitOutcome(server.services, board.meetingId, udp);
	if (!submitted.ok) throw new Error('submit');
	outcomeId = submitted.value.outcomeId;
	tavoloId = db.select().from(meetings).where(eq(meetings.id, board.meetingId)).get()!.tavoloId;
	planId = db.select().from(tavoli).where(eq(tavoli.id, tavoloId)).get()!.planId;
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

function adopt(text: string): string | null {
	const { db } = server.services;
	const result = decideOnCard(
		db,
		outcomeId,
		cards.get(text)!,
		{ decision: 'adopted', reason: '' },
		udp,
		1
	);
	if (!result.ok) throw new Error(result.reason);
	const objective = getPlanObjective(db, planId, result.value.planObjectiveId!)!;
	const areas = listPolicyAreas(db, planId);
	return areas.find((a) => a.id === objective.policyAreaId)?.name ?? null;
}

describe('[PO2a] the policy area of an adopted objective', () => {
	it('of a tavolo with several areas: the one the card’s macro-areas match', () => {
		expect(adopt('Anziani soli la sera')).toBe('Politiche per la terza età');
		expect(adopt('Assistenza a casa')).toBe('Domiciliarità');
	});

	it('of a tavolo with several areas, a card naming no macro-area: none, the UdP picks', () => {
		expect(adopt('Nessuna macroarea')).toBeNull();
	});

	it('of a tavolo with one area: that one', () => {
		const { db } = server.services;
		const domiciliarita = listPolicyAreas(db, planId).find((a) => a.name === 'Domiciliarità')!;
		db.delete(tavoloPolicyAreas).where(eq(tavoloPolicyAreas.tavoloId, tavoloId)).run();
		db.insert(tavoloPolicyAreas).values({ tavoloId, policyAreaId: domiciliarita.id }).run();
		expect(adopt('Ancora anziani soli')).toBe('Domiciliarità');
	});
});
