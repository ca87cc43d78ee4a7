import { z } from 'zod';
import {
	updateBoard,
	type BoardServices,
	type CommandResult
} from '$lib/board/board-commands.server';
import { newBoardId, readBoard } from '$lib/board/board-doc';
import type { Result } from '$lib/server/result';
import { createObjective } from './objective-doc';
import { openableProps } from './objective-rules';
import { objectiveFields } from './objective-template';

/**
 * One click from a priority to an objective card (SPEC O2): the card starts with
 * the item's title, the "aree di bisogno" filled from the cards behind it, and
 * the link to its sources (whose vote results the outcome package carries).
 */
export function createObjectiveFrom(
	s: BoardServices,
	boardId: string,
	source: { type: 'card' | 'cluster'; id: string }
): Result<string, 'unknown-source'> {
	const room = s.hub.room(boardId);
	if (!room) return { ok: false, reason: 'unknown-source' };
	const view = readBoard(room.doc);
	const cluster =
		source.type === 'cluster' ? view.clusters.find((c) => c.id === source.id) : undefined;
	const card = source.type === 'card' ? view.cards.find((c) => c.id === source.id) : undefined;
	if (!cluster && !card) return { ok: false, reason: 'unknown-source' };
	const cards = cluster
		? view.cards.filter((c) => c.clusterId === cluster.id && !c.mergedInto)
		: [card!];
	const label = cluster ? cluster.title : card!.text;
	const id = newBoardId();
	room.serverChange((doc) =>
		createObjective(doc, {
			id,
			title: label.slice(0, 200),
			sources: [{ type: source.type, id: source.id, label }],
			needAreas: cards
				.map((c) => `• ${c.text}`)
				.join('\n')
				.slice(0, 5000),
			createdAt: s.clock.now()
		})
	);
	return { ok: true, value: id };
}

export const openFieldsInput = z.object({ fields: z.array(z.string().max(40)).max(40) }).strict();

/**
 * Opens objective-card fields to participants (O1): only known fields and card parts.
 * Any other key refuses the whole list (400, naming the unknown keys) and changes nothing.
 */
export function setOpenFields(
	s: BoardServices,
	boardId: string,
	fields: string[]
): CommandResult<'unknown-fields'> {
	const known = new Set([...objectiveFields.map((f) => f.key), ...openableProps]);
	const unknown = [...new Set(fields.filter((f) => !known.has(f)))];
	if (unknown.length > 0) return { ok: false, reason: 'unknown-fields', unknown };
	updateBoard(s, boardId, { openFields: [...new Set(fields)] });
	return { ok: true };
}
