import { error, type RequestEvent } from '@sveltejs/kit';
import { getMeeting } from '$lib/meeting/meeting-repo.server';
import { latestReadableVersion } from '$lib/minutes/minutes-repo.server';
import { objectiveTaxonomy } from '$lib/objectives/objective-taxonomy.server';
import { listPolicyAreas } from '$lib/plan/plan-repo.server';
import { boardContext } from '$lib/board/board-context.server';
import { joinInfo } from '$lib/board/board-join.server';
import { boardJson } from '$lib/board/board-json.server';

type Event = Pick<RequestEvent, 'locals' | 'params' | 'url'>;

/**
 * What the board page and the projector load: the board as this visitor may see
 * it, the incontro it belongs to, the plan's policy areas for tags, its
 * taxonomy for the objective cards and, for facilitators, how to join. In anonymous mode no author reaches a participant's
 * page, not even in the data the page starts from (B7).
 */
export async function loadBoardPage(event: Event, facilitatorOnly = false) {
	const { board, participant, services } = boardContext(event, facilitatorOnly);
	const json = boardJson(services, board, participant);
	const found = getMeeting(services.db, board.meetingId);
	if (!json || !found) error(404, 'Not found');
	const facilitator = participant.writer.role === 'facilitator';
	if (json.settings.anonymous && !facilitator)
		json.cards = json.cards.map((c) => ({ ...c, author: null }));
	return {
		board: json,
		meeting: { id: found.meeting.id, title: found.meeting.title, tavoloName: found.tavoloName },
		policyAreas: listPolicyAreas(services.db, found.planId).map(({ id, name }) => ({ id, name })),
		taxonomy: objectiveTaxonomy(services.db, found.planId),
		join: facilitator && board.open ? await joinInfo(event.url.origin, board.joinCode) : null,
		// Guests have no incontro page: the board is where they find the shared verbale.
		minutesShared: latestReadableVersion(services.db, board.meetingId) !== undefined
	};
}
