import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { joinWithCode } from '$lib/attendance/join.server';
import { users } from '$lib/auth/auth.schema';
import { changePhase } from '$lib/board/board-commands.server';
import { submitCard } from '$lib/board/board-cards.server';
import { createCluster, moveCard, readBoard } from '$lib/board/board-doc';
import { createObjectiveFrom } from '$lib/objectives/objective-commands.server';
import {
	readObjectives,
	setObjectivePart,
	setObjectiveText,
	setObjectiveValue
} from '$lib/objectives/objective-doc';
import { objectiveFields } from '$lib/objectives/objective-template';
import { getOutcome, submitOutcome } from '$lib/outcomes/outcome-commands.server';
import { roundInput } from '$lib/voting/voting';
import { castBallot } from '$lib/voting/ballot-commands.server';
import { openRound, setRoundStatus, getRound } from '$lib/voting/round-commands.server';
import { promote } from '$lib/voting/priority-commands.server';
import { openTodaysBoard, removeDir, startTestServer, type TestServer } from './sync-server';

/** [E1-E2] The outcome package from a whole demo session, and its versions. */
let server: TestServer;
let board: { boardId: string; joinCode: string; meetingId: number };
let objectiveId: string;
let userId: number;

beforeAll(async () => {
	server = await startTestServer();
	board = openTodaysBoard(server);
	const { db, hub } = server.services;
	userId = db.select().from(users).where(eq(users.email, 'facilitatore@demo.local')).get()!.id;
	const join = (name: string) => {
		const r = joinWithCode(
			db,
			{ code: board.joinCode, name, organization: 'Cooperativa Serena', consent: true },
			Date.now()
		);
		if (!r.ok) throw new Error('join');
		return r.value.participantId;
	};
	const anna = join('Anna Verdi');
	const texts = ['Anziani soli la sera', 'Pochi trasporti verso le visite', 'Caregiver esausti'];
	for (const text of texts)
		submitCard(
			server.services,
			board.boardId,
			{ role: 'participant', participantId: anna },
			{ kind: 'need', text, target: '', policyAreaId: null }
		);
	const room = hub.room(board.boardId)!;
	// By text: the three cards may share a millisecond, so their order on the board is not theirs.
	const idOf = (text: string) => readBoard(room.doc).cards.find((c) => c.text === text)!.id;
	const [c1, c2] = [idOf(texts[0]!), idOf(texts[1]!)];
	room.serverChange((doc) => {
		createCluster(doc, { id: 'solitudine', title: 'Solitudine e isolamento', createdAt: 5 });
		moveCard(doc, c1!, 'solitudine');
		moveCard(doc, c2!, 'solitudine');
	});
	const round = openRound(
		server.services,
		board.boardId,
		roundInput.parse({ method: 'dot', targets: 'clusters', budget: 3, cap: 3 })
	);
	if (!round.ok) throw new Error('round');
	castBallot(
		db,
		round.value,
		anna,
		{ allocations: [{ targetId: 'solitudine', points: 3 }] },
		Date.now()
	);
	setRoundStatus(server.services, getRound(db, round.value)!, 'reveal');
	promote(server.services, board.boardId, {
		type: 'cluster',
		id: 'solitudine',
		roundId: round.value
	});
	changePhase(server.services, board.boardId, 'draft');
	const created = createObjectiveFrom(server.services, board.boardId, {
		type: 'cluster',
		id: 'solitudine'
	});
	if (!created.ok) throw new Error(created.reason);
	objectiveId = created.value;
	room.serverChange((doc) => {
		setObjectiveText(
			doc,
			objectiveId,
			'objectives',
			'Ridurre l’isolamento serale degli anziani soli'
		);
		setObjectiveValue(doc, objectiveId, 'crossCuttingIntegrated', 'NO');
		setObjectiveValue(doc, objectiveId, 'objectiveType', ['PREVENTIVO', 'PROMOZIONALE']);
		setObjectivePart(doc, objectiveId, 'macroAreas', ['D', 'E']);
	});
});

afterAll(async () => {
	await server.stop();
	removeDir(server.dir);
});

describe('[E1] the outcome package', () => {
	it('holds every field of every card exactly as drafted, with sources back to the notes and their votes', () => {
		const submitted = submitOutcome(server.services, board.meetingId, userId);
		expect(submitted).toMatchObject({ ok: true, value: { version: 1 } });
		const outcome = getOutcome(server.services.db, submitted.ok ? submitted.value.outcomeId : 0)!;
		const drafted = readObjectives(server.app.hub.room(board.boardId)!.doc)[0]!;
		const packaged = outcome.objectives[0]!;
		expect(Object.keys(packaged.fields)).toHaveLength(objectiveFields.length);
		expect(packaged.fields).toEqual(drafted.fields);
		expect(packaged.fields.needAreas).toContain('Anziani soli la sera');
		expect(packaged.sources[0]!.notes.map((n) => n.text).sort()).toEqual([
			'Anziani soli la sera',
			'Pochi trasporti verso le visite'
		]);
		expect(packaged.sources[0]!.notes[0]!.author).toEqual({
			name: 'Anna Verdi',
			organization: 'Cooperativa Serena'
		});
		expect(packaged.sources[0]!.votes).toMatchObject([{ method: 'dot', score: 3, rank: 1 }]);
		expect(packaged.consistency).toContainEqual({
			code: 'not-cross-cutting-but-several-areas',
			count: 2
		});
		expect(outcome.priorities.map((p) => p.id)).toEqual(['solitudine']);
		expect(outcome.unchosen.map((n) => n.label)).toEqual(['Caregiver esausti']);
		expect(outcome.attendance.map((a) => a.name)).toContain('Anna Verdi');
		expect(outcome.phaseSnapshots.map((p) => p.phase)).toEqual(['collect', 'vote']);
		expect(outcome.changesSincePrevious).toBeNull();
	});
});

describe('[E2] versions', () => {
	it('a resubmission is version 2 with a visible diff, and version 1 is kept as it was', () => {
		const first = getOutcome(server.services.db, 1)!;
		server.app.hub
			.room(board.boardId)!
			.serverChange((doc) => setObjectiveValue(doc, objectiveId, 'crossCuttingIntegrated', 'SI'));
		const again = submitOutcome(server.services, board.meetingId, userId);
		expect(again).toMatchObject({ ok: true, value: { version: 2 } });
		const second = getOutcome(server.services.db, again.ok ? again.value.outcomeId : 0)!;
		expect(second.changesSincePrevious).toEqual({
			version: 1,
			changes: [
				{
					path: `objectives/${objectiveId}/fields/crossCuttingIntegrated`,
					before: 'NO',
					after: 'SI'
				}
			]
		});
		expect(getOutcome(server.services.db, 1)).toEqual(first);
	});
});
