import { HeldUpdates } from './held-updates';
import {
	PING_BURST,
	PINGS_PER_SECOND,
	RateLimit,
	READ_BURST,
	READS_PER_SECOND,
	UPDATE_BURST,
	UPDATES_PER_SECOND
} from './limits';
import { PresenceSlot } from './presence';

/**
 * What a sync room keeps for one socket (SPEC B12, B13): who it is, its
 * presence slot, the rates it may send at, the client ids it claimed, the
 * updates it holds back, and the ping it owes an answer to.
 */
export interface Connection<P> {
	peer: P;
	presence: PresenceSlot;
	updates: RateLimit;
	pings: RateLimit;
	/** Sync step 1 and presence queries: each answer can be the whole document. */
	reads: RateLimit;
	/** Yjs client ids this connection has claimed (B13: a room's clocks do not grow without bound). */
	claims: number;
	held: HeldUpdates;
	/** A ping arrived: its answer waits until what came before it is applied and stored. */
	owesPong: boolean;
	/** What the answer waits to see stored, once no update of the connection is held. */
	pongMark: number | null;
}

/** A new connection's state; `onHeldOverflow` closes it when its held updates pass their bounds. */
export function openConnection<P>(
	peer: P,
	now: () => number,
	onHeldOverflow: () => void
): Connection<P> {
	return {
		peer,
		presence: new PresenceSlot(now),
		updates: new RateLimit(UPDATES_PER_SECOND, UPDATE_BURST, now),
		pings: new RateLimit(PINGS_PER_SECOND, PING_BURST, now),
		reads: new RateLimit(READS_PER_SECOND, READ_BURST, now),
		claims: 0,
		held: new HeldUpdates(onHeldOverflow),
		owesPong: false,
		pongMark: null
	};
}
