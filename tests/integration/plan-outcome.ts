import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { joinWithCode } from '$lib/attendance/join.server';
import { users } from '$lib/auth/auth.schema';
import { changePhase } from '$lib/board/board-commands.server';
import { submitCard } from '$lib/board/board-cards.server';
import { readBoard } from '$lib/board/board-doc';
import { meetings } from '$lib/meeting/meeting.schema';
import { createObjectiveFrom } from '$lib/objectives/objective-commands.server';
import { submitOutcome } from '$lib/outcomes/outcome-commands.server';
import { tavoli } from '$lib/tavolo/tavolo.schema';
import { openTodaysBoard, type TestServer } from './sync-server';

/**
 * A tavolo outcome as the UdP receives it, on the demo's board of today: a
 * participant writes one need per text, each becomes an objective card,
 * `fill` writes into the cards (by the text they came from), and the demo
 * admin — the UdP of the tests — submits the outcome.
 */
export function submittedOutcome(
	server: TestServer,
	texts: readonly string[],
	fill: (doc: Y.Doc, objectiveOf: (text: string) => string) => void
) {
	const board = openTodaysBoard(server);
	const { db, hub } = server.services;
	const udp = db.select().from(users).where(eq(users.email, 'admin@demo.local')).get()!.id;
	const joined = joinWithCode(
		db,
		{ code: board.joinCode, name: 'Luca Neri', organization: 'Caritas', consent: true },
		Date.now()
	);
	if (!joined.ok) throw new Error('join');
	for (const text of texts)
		submitCard(
			server.services,
			board.boardId,
			{ role: 'participant', participantId: joined.value.participantId },
			{ kind: 'need', text, target: '', policyAreaId: null }
		);
	const room = hub.room(board.boardId)!;
	changePhase(server.services, board.boardId, 'draft');
	const objectives = readBoard(room.doc).cards.map((c) => {
		const created = createObjectiveFrom(server.services, board.boardId, { type: 'card', id: c.id });
		if (!created.ok) throw new Error(created.reason);
		return { text: c.text, id: created.value };
	});
	const objectiveOf = (text: string) => objectives.find((o) => o.text === text)!.id;
	room.serverChange((doc) => fill(doc, objectiveOf));
	const submitted = submitOutcome(server.services, board.meetingId, udp);
	if (!submitted.ok) throw new Error('submit');
	const tavoloId = db.select().from(meetings).where(eq(meetings.id, board.meetingId)).get()!
		.tavoloId;
	return {
		udp,
		outcomeId: submitted.value.outcomeId,
		tavoloId,
		planId: db.select().from(tavoli).where(eq(tavoli.id, tavoloId)).get()!.planId,
		/** The objective cards' ids, in the order of `texts`. */
		cards: texts.map(objectiveOf),
		cardOf: objectiveOf
	};
}
