import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { attendance } from '../attendance/attendance.schema';
import { boards } from '../board/board.schema';
import { sectors } from '../directory/organization-types';
import type { Ballot, RoundOptions } from './voting';

/** A round of voting on a board (SPEC V1). Its setup, targets and status are kept for the minutes. */
export const voteRounds = sqliteTable(
	'vote_rounds',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		boardId: text('board_id')
			.notNull()
			.references(() => boards.id),
		options: text('options', { mode: 'json' }).$type<RoundOptions>().notNull(),
		/** The items on the ballot as they read when the round opened. */
		targets: text('targets', { mode: 'json' }).$type<{ id: string; label: string }[]>().notNull(),
		status: text('status', { enum: ['open', 'closed', 'revealed'] }).notNull(),
		runOffOf: integer('run_off_of'),
		createdAt: integer('created_at').notNull(),
		closedAt: integer('closed_at'),
		revealedAt: integer('revealed_at')
	},
	(t) => [index('vote_rounds_board_idx').on(t.boardId)]
);

/**
 * One ballot per voter per round: the person, or their organisation when the
 * round gives one voice per organisation. Always replaced whole (SPEC V2).
 */
export const ballots = sqliteTable(
	'ballots',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id')
			.notNull()
			.references(() => voteRounds.id),
		voterKey: text('voter_key').notNull(),
		/** Who wrote it last (for a paper ballot: the person it was recorded for). */
		participantId: text('participant_id')
			.notNull()
			.references(() => attendance.id, { onDelete: 'cascade' }),
		sector: text('sector', { enum: sectors }),
		content: text('content', { mode: 'json' }).$type<Ballot>().notNull(),
		done: integer('done', { mode: 'boolean' }).notNull(),
		/** A paper ballot typed in by a facilitator (SPEC V9). */
		paper: integer('paper', { mode: 'boolean' }).notNull(),
		recordedBy: text('recorded_by'),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [uniqueIndex('ballots_round_voter_uq').on(t.roundId, t.voterKey)]
);

/** Needs and clusters the facilitator promoted to priorities (the next step turns them into objectives). */
export const boardPriorities = sqliteTable(
	'board_priorities',
	{
		boardId: text('board_id')
			.notNull()
			.references(() => boards.id),
		targetType: text('target_type', { enum: ['card', 'cluster'] }).notNull(),
		targetId: text('target_id').notNull(),
		roundId: integer('round_id').references(() => voteRounds.id),
		promotedAt: integer('promoted_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.boardId, t.targetType, t.targetId] })]
);
