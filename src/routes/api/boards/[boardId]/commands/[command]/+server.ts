import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import {
	cardLimitInput,
	changePhase,
	closeBoard,
	followInput,
	phaseInput,
	setCardLimit,
	setFollow,
	setSpotlight,
	setTimer,
	settingsInput,
	spotlightInput,
	timerInput,
	updateSettings,
	type BoardServices,
	type Refusal
} from '$lib/board/board-commands.server';
import { revealPrivate } from '$lib/board/board-cards.server';
import { boardContext } from '$lib/board/board-context.server';
import { openFieldsInput, setOpenFields } from '$lib/objectives/objective-commands.server';
import { boardJson } from '$lib/board/board-json.server';
import { fieldErrors } from '$lib/forms/form-data';
import { readJson } from '$lib/server/read-json';
import { refusalJson } from '$lib/server/result';
import type { RequestHandler } from './$types';

const emptyInput = z.object({}).strict();

type Reason = 'unknown-card' | 'unknown-target' | 'malformed-target' | 'unknown-fields';
type Command = {
	input: z.ZodType;
	run(s: BoardServices, boardId: string, body: never): { ok: true } | Refusal<Reason> | void;
};

/** 404 for an id that names nothing on this board, 400 for a malformed target or unknown keys. */
const statusOf: Record<Reason, number> = {
	'unknown-card': 404,
	'unknown-target': 404,
	'malformed-target': 400,
	'unknown-fields': 400
};

/**
 * The facilitator's controls (SPEC B2, B3): each validates its body and changes SQLite,
 * then the mirror — or refuses, changing nothing (`{"error": reason, "unknown"?: [...]}`).
 */
const commands: Record<string, Command> = {
	phase: {
		input: phaseInput,
		run: (s, id, b: z.output<typeof phaseInput>) => changePhase(s, id, b.phase)
	},
	settings: {
		input: settingsInput,
		run: (s, id, b: z.output<typeof settingsInput>) => updateSettings(s, id, b)
	},
	timer: {
		input: timerInput,
		run: (s, id, b: z.output<typeof timerInput>) => setTimer(s, id, b.seconds)
	},
	spotlight: {
		input: spotlightInput,
		run: (s, id, b: z.output<typeof spotlightInput>) => setSpotlight(s, id, b.cardId)
	},
	follow: {
		input: followInput,
		run: (s, id, b: z.output<typeof followInput>) => setFollow(s, id, b.target)
	},
	'open-fields': {
		input: openFieldsInput,
		run: (s, id, b: z.output<typeof openFieldsInput>) => setOpenFields(s, id, b.fields)
	},
	'card-limit': {
		input: cardLimitInput,
		run: (s, id, b: z.output<typeof cardLimitInput>) => setCardLimit(s, id, b.limit)
	},
	reveal: { input: emptyInput, run: (s, id) => void revealPrivate(s, id) },
	close: { input: emptyInput, run: (s, id) => closeBoard(s, id) }
};

export const POST: RequestHandler = async (event) => {
	// An own key only: `constructor` or `toString` are no commands.
	const command = Object.hasOwn(commands, event.params.command)
		? commands[event.params.command]
		: undefined;
	if (!command) error(404, 'Unknown command');
	const { board, participant, services } = boardContext(event, true);
	const parsed = command.input.safeParse(await readJson(event.request));
	if (!parsed.success)
		return json(
			{ error: 'invalid-input', fields: fieldErrors(parsed.error.issues) },
			{ status: 400 }
		);
	const result = command.run(services, board.id, parsed.data as never);
	if (result && !result.ok) return refusalJson(result, statusOf[result.reason]);
	return json(boardJson(services, { ...board }, participant));
};
