import { json } from '@sveltejs/kit';
import { exportParticipant } from '$lib/attendance/participant-privacy.server';
import { boardContext } from '$lib/board/board-context.server';
import type { RequestHandler } from './$types';

/** What Tavoli stores about the visitor for this incontro, shown to them (SPEC J5). */
export const GET: RequestHandler = (event) => {
	const { participant, services } = boardContext(event);
	const stored = exportParticipant(services.db, services.hub, participant.writer.participantId);
	// A reader of a closed board who never signed its sheet: nothing is stored about them.
	return json(stored ?? { attendance: null, cards: [], pendingCards: [], minutesComments: [] });
};
