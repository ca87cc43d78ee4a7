import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { attendance } from '../attendance/attendance.schema';
import { meetings } from '../meeting/meeting.schema';
import { boardPhases, cardKinds, DEFAULT_CARD_LIMIT } from './board';

/** One live board per incontro. Its settings are the source of truth; the document mirrors them. */
export const boards = sqliteTable('boards', {
	id: text('id').primaryKey(),
	meetingId: integer('meeting_id')
		.notNull()
		.unique()
		.references(() => meetings.id),
	joinCode: text('join_code').notNull().unique(),
	open: integer('open', { mode: 'boolean' }).notNull(),
	phase: text('phase', { enum: boardPhases }).notNull(),
	locked: integer('locked', { mode: 'boolean' }).notNull(),
	anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
	privateWriting: integer('private_writing', { mode: 'boolean' }).notNull(),
	participantsCanCluster: integer('participants_can_cluster', { mode: 'boolean' }).notNull(),
	timerEndsAt: integer('timer_ends_at'),
	spotlightCardId: text('spotlight_card_id'),
	follow: text('follow'),
	/** The voting round under way, mirrored so that clients show the ballot (issue 5). */
	activeRoundId: integer('active_round_id'),
	/** Objective-card fields the facilitator opened to participants (issue 6). */
	openFields: text('open_fields', { mode: 'json' }).$type<string[]>().notNull().default([]),
	/** Cards one participant may add per phase (SPEC B13); the facilitator raises it. */
	cardLimit: integer('card_limit').notNull().default(DEFAULT_CARD_LIMIT),
	createdAt: integer('created_at').notNull(),
	updatedAt: integer('updated_at').notNull()
});

/** Every accepted Yjs update, stored before it is broadcast (SPEC B11). */
export const boardUpdates = sqliteTable(
	'board_updates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		boardId: text('board_id')
			.notNull()
			.references(() => boards.id),
		update: blob('update', { mode: 'buffer' }).notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('board_updates_board_idx').on(t.boardId, t.id)]
);

/** The compacted document: state as of update `uptoId` (inclusive). One per board. */
export const boardSnapshots = sqliteTable('board_snapshots', {
	boardId: text('board_id')
		.primaryKey()
		.references(() => boards.id),
	uptoId: integer('upto_id').notNull(),
	state: blob('state', { mode: 'buffer' }).notNull(),
	createdAt: integer('created_at').notNull()
});

/** The document as it stood when each phase ended, for the minutes. */
export const boardPhaseSnapshots = sqliteTable('board_phase_snapshots', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	boardId: text('board_id')
		.notNull()
		.references(() => boards.id),
	phase: text('phase', { enum: boardPhases }).notNull(),
	state: blob('state', { mode: 'buffer' }).notNull(),
	createdAt: integer('created_at').notNull()
});

/** Which participant (or the server, when null) owns each Yjs client id (SPEC B9). */
export const boardClients = sqliteTable(
	'board_clients',
	{
		boardId: text('board_id')
			.notNull()
			.references(() => boards.id),
		clientId: integer('client_id').notNull(),
		participantId: text('participant_id').references(() => attendance.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.boardId, t.clientId] })]
);

/** Who wrote each card, whatever the board shows: the trace from a card to a person. */
export const boardCards = sqliteTable(
	'board_cards',
	{
		boardId: text('board_id')
			.notNull()
			.references(() => boards.id),
		cardId: text('card_id').notNull(),
		participantId: text('participant_id').references(() => attendance.id, { onDelete: 'set null' }),
		/** The phase the card was added in: the bound on cards counts per phase (B13). */
		phase: text('phase', { enum: boardPhases }).notNull().default('collect'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.boardId, t.cardId] })]
);

/**
 * Cards that are not in the shared document yet: written in private mode (until
 * the reveal) or anonymously (until the facilitator approves them).
 */
export const pendingCards = sqliteTable(
	'pending_cards',
	{
		id: text('id').primaryKey(),
		boardId: text('board_id')
			.notNull()
			.references(() => boards.id),
		participantId: text('participant_id')
			.notNull()
			.references(() => attendance.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: cardKinds }).notNull(),
		text: text('text').notNull(),
		target: text('target').notNull(),
		policyAreaId: integer('policy_area_id'),
		anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
		private: integer('private', { mode: 'boolean' }).notNull(),
		/** 'waiting' (private, until reveal), 'review' (anonymous, in the queue), 'rejected', 'published'. */
		status: text('status', { enum: ['waiting', 'review', 'rejected', 'published'] }).notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('pending_cards_board_idx').on(t.boardId, t.status)]
);
