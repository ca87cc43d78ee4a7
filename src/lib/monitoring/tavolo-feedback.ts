import type { ObjectiveProgress } from './objective-progress';

/** The UdP's decisions on a card (plan-objectives SPEC PO2). */
export type DecisionKind = 'adopted' | 'merged' | 'sent_back' | 'parked';

/** What became of one objective card a tavolo sent (SPEC M31). */
export interface CardFeedback {
	cardId: string;
	title: string;
	/** Null while the UdP has not decided. */
	decision: DecisionKind | null;
	/** The UdP's reason, as it wrote it for the tavolo ('' when it gave none). */
	reason: string;
	/** The outcome version the decision was taken on. */
	decidedOnVersion: number | null;
	objective: ObjectiveProgress | null;
}

/** The cards of one incontro's outcome, across its versions (SPEC M31). */
export interface MeetingFeedback {
	meeting: { id: number; title: string; date: string };
	version: number;
	cards: CardFeedback[];
}
