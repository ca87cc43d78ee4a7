import { isolated } from '$lib/i18n/bidi';
import { z } from 'zod';
import {
	agendaSection,
	attendanceSection,
	monitoringSection,
	decisionsSection,
	infoSection,
	objectivesSection,
	phasesSection,
	votesSection
} from './minutes-sections';
import { textToBlocks } from './minutes-text';

/**
 * The verbale of an incontro as a format-free model (SPEC M-V1..M-V4): a title
 * and numbered sections whose bodies are paragraphs, lists, sub-headings and
 * tables. Pure: plain data in, the model out. DOCX, HTML and JSON are thin
 * renderers over it; the facilitator's edits replace a section's body.
 */
export const SectionKey = {
	info: 'info',
	attendance: 'attendance',
	agenda: 'agenda',
	monitoring: 'monitoring',
	phases: 'phases',
	votes: 'votes',
	objectives: 'objectives',
	decisions: 'decisions'
} as const;
export type SectionKey = (typeof SectionKey)[keyof typeof SectionKey];
export const sectionKeys = Object.values(SectionKey) as [SectionKey, ...SectionKey[]];

export type Block =
	| { type: 'paragraph'; text: string }
	| { type: 'heading'; text: string }
	| { type: 'list'; ordered: boolean; items: string[] }
	| { type: 'table'; columns: string[]; rows: string[][] };

export interface MinutesSection {
	key: SectionKey;
	title: string;
	blocks: Block[];
	/** The facilitator rewrote it: regenerating keeps it unless asked otherwise (M-V3). */
	edited: boolean;
}

export interface MinutesDocument {
	title: string;
	subtitle: string;
	sections: MinutesSection[];
}

export interface CardRecord {
	/** The card's id on the board: a later phase lists only what changed (M-V1). */
	id: string;
	kind: string;
	text: string;
	/** "Nome (Ente)"; null for anonymous cards and erased people. */
	author: string | null;
}

/** The board as one phase ended (a phase snapshot), or as it stands now (`endedAt` null). */
export interface PhaseRecord {
	phase: string;
	endedAt: number | null;
	clusters: { title: string; cards: CardRecord[] }[];
	loose: CardRecord[];
}

export interface RoundRecord {
	method: 'dot' | 'score' | 'rank';
	criteria?: [string, string];
	ballots: number;
	paperBallots: number;
	revealedAt: number | null;
	ranking: {
		label: string;
		score: number;
		/** Competition rank from the tally (voting V11): ties share it. */
		rank: number;
		tied: boolean;
		bySector: { public: number; third_sector: number; unknown: number };
	}[];
	/** Rank rounds: the label of the item that beats every other, if any. */
	condorcetWinner?: string | null;
}

export interface ObjectiveRecord {
	title: string;
	/** The 21 fields of the regional template, in order, with their Italian labels. */
	fields: { label: string; value: string | string[] | null }[];
	macroAreas: string[];
	sources: string[];
}

export interface PriorityRecord {
	label: string;
	type: 'card' | 'cluster';
	/** Its best result over the revealed rounds (outcomes E4 `bestVote`), if it was voted on. */
	rank: number | null;
	tied: boolean;
	score: number | null;
}

/**
 * An objective of the plan on the incontro's agenda for review (monitoring M33), with
 * the latest value of each indicator: what the verbale reads of monitoring's
 * `ObjectiveProgress`, which the page hands over (the monitoring feature sits above
 * this one), never read here.
 */
export interface ReviewedObjectiveRecord {
	number: number;
	title: string;
	status: string;
	archived: boolean;
	indicators: {
		name: string;
		unit: string | null;
		target: string | null;
		latest: { period: string; value: number | null } | null;
		/** 0–100, or null when it cannot be computed (M30). */
		progress: number | null;
	}[];
}

/** Everything the verbale is made from, as plain data (gathered by minutes-data.server.ts). */
export interface MinutesSource {
	meeting: {
		title: string;
		date: string;
		startTime: string;
		endTime: string;
		place: string;
		onlineUrl: string;
		mode: string;
		tavolo: string;
		subgroup: string | null;
		plan: string;
	};
	agenda: string[];
	attendance: { name: string; organization: string; joinedAt: number; source: string }[];
	/** False when the incontro had no live board: its sections say so. */
	hadBoard: boolean;
	phases: PhaseRecord[];
	rounds: RoundRecord[];
	objectives: ObjectiveRecord[];
	priorities: PriorityRecord[];
	/** Needs (need, problem cards) not chosen this time, kept for the next cycle. */
	unchosen: string[];
	/** The plan's objectives reviewed at the incontro; the section appears only when there are some. */
	reviewed: ReviewedObjectiveRecord[];
}

/** M-V1: the draft verbale, every section generated from the incontro's data. */
export function buildMinutes(source: MinutesSource): MinutesDocument {
	const m = source.meeting;
	const section = (key: SectionKey, title: string, blocks: Block[]): MinutesSection => ({
		key,
		title,
		blocks,
		edited: false
	});
	return {
		title: `Verbale dell'incontro «${isolated(m.title)}»`,
		subtitle: [m.tavolo, m.subgroup, m.plan]
			.flatMap((part) => (part ? [isolated(part)] : []))
			.join(' · '),
		sections: [
			section('info', "Dati dell'incontro", infoSection(source)),
			section('attendance', 'Presenti (foglio firme)', attendanceSection(source)),
			section('agenda', 'Ordine del giorno', agendaSection(source)),
			...(source.reviewed.length
				? [section('monitoring', 'Obiettivi del piano in monitoraggio', monitoringSection(source))]
				: []),
			section('phases', 'Lavori per fase', phasesSection(source)),
			section('votes', 'Esiti delle votazioni', votesSection(source)),
			section('objectives', 'Schede obiettivo in bozza', objectivesSection(source)),
			section('decisions', 'Decisioni e priorità', decisionsSection(source))
		]
	};
}

/** M-V3: a fresh generation keeps the sections the facilitator edited, unless `overwriteEdited`. */
export function regenerate(
	previous: MinutesDocument,
	fresh: MinutesDocument,
	overwriteEdited: boolean
): MinutesDocument {
	if (overwriteEdited) return fresh;
	const kept = new Map(previous.sections.filter((s) => s.edited).map((s) => [s.key, s]));
	return { ...fresh, sections: fresh.sections.map((s) => kept.get(s.key) ?? s) };
}

export const SECTION_TEXT_MAX = 100_000;

/** M-V4: the facilitator's edit of one section, as typed in its text box. */
export const sectionEditInput = z.object({
	section: z.enum(sectionKeys, { error: 'required' }),
	text: z.string({ error: 'required' }).max(SECTION_TEXT_MAX, { error: 'too_long' })
});
export type SectionEdit = z.output<typeof sectionEditInput>;

/** M-V4: the section's body becomes the text, read back into blocks; nothing else changes. */
export function applyEdit(doc: MinutesDocument, edit: SectionEdit): MinutesDocument {
	return {
		...doc,
		sections: doc.sections.map((s) =>
			s.key === edit.section ? { ...s, blocks: textToBlocks(edit.text), edited: true } : s
		)
	};
}

export const COMMENT_MAX = 2000;

/** M-V7: a participant's comment on one section of a shared version. */
export const commentInput = z.object({
	section: z.enum(sectionKeys, { error: 'required' }),
	text: z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.max(COMMENT_MAX, { error: 'too_long' })
});
export type CommentInput = z.output<typeof commentInput>;
