import type { PresenceEntry } from '$lib/board/board-live';

/**
 * Who is writing in which field of an objective card (O8), through the board's
 * presence: the `cursor` of a presence state (B12) names the field that has the
 * writer's focus as "<objectiveId>/<fieldKey>", which no card id contains. The
 * server passes a cursor of up to 60 characters; ids are 16, keys at most 33.
 */
export function fieldCursor(objectiveId: string, key: string): string {
	return `${objectiveId}/${key}`;
}

/** The names of the others whose focus is in this field, in presence order; never mine. */
export function writersIn(
	presence: readonly PresenceEntry[],
	me: string,
	objectiveId: string,
	key: string
): string[] {
	const cursor = fieldCursor(objectiveId, key);
	return presence.filter((p) => p.id !== me && p.cursor === cursor).map((p) => p.name);
}
