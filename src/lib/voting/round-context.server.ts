import { error, type RequestEvent } from '@sveltejs/kit';
import { boardContext } from '$lib/board/board-context.server';
import { getRuntime } from '$lib/server/runtime';
import { getRound } from './round-commands.server';

/**
 * The round named by the route, with the visitor's access to its board (as
 * boardContext): 404 for an unknown round, 401/403 for a board the session may
 * not see, and with `facilitatorOnly` 403 for anyone but its facilitators.
 */
export function roundContext(
	event: Pick<RequestEvent, 'locals' | 'params'>,
	facilitatorOnly = false
) {
	const roundId = Number(event.params.roundId);
	const round = Number.isSafeInteger(roundId)
		? getRound(getRuntime().database.db, roundId)
		: undefined;
	if (!round) error(event.locals.actor || event.locals.guest ? 404 : 401, 'Not found');
	const context = boardContext(
		{ locals: event.locals, params: { boardId: round.boardId } },
		facilitatorOnly
	);
	return { ...context, round };
}
