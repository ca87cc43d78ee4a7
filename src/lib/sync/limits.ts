/**
 * Bounds of the sync layer, each with its reason. They are per participant or
 * per connection, so one client cannot take a room from everyone else; an
 * honest participant typing fast, pasting a paragraph or reconnecting on a bad
 * network stays far below every one of them.
 */

/** A whole board of 2,000 cards encodes to ~200 KB; no single edit comes near. */
export const MAX_UPDATE_BYTES = 256 * 1024;

/** A client writes under one Yjs client id, a few after it replaced its document. */
export const MAX_CLAIMS_PER_UPDATE = 4;
/**
 * And over a connection's life at most this many: one per document it replaced
 * (a reload offline) is plenty; updates of empty structs under fresh ids grew a
 * board's state vector, which every sync carries, by thousands of clients.
 */
export const MAX_CLAIMS_PER_CONNECTION = 16;
/**
 * And per participant over the room's life, whatever their connections: a
 * reconnecting storm must not add sixteen clocks a socket. Each page load is
 * one fresh id; an evening of bad Wi-Fi reloads a phone tens of times, not hundreds.
 */
export const MAX_CLAIMS_PER_PARTICIPANT = 256;

/** A room holds at most this many sockets: the largest plenary we plan for, twice over. */
export const MAX_CONNECTIONS_PER_ROOM = 400;
/**
 * Bytes waiting to be written to one socket past which it is dropped: a client
 * that stops reading must not make the server hold copies of the board without
 * end (a 2,000-card board is 530 KB; a flood of sync requests reached gigabytes).
 */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** Seats past the bound for those who run the room (facilitators), so a crowd cannot lock them out. */
export const RESERVED_SEATS = 20;

/**
 * A person with a phone, a laptop and the projector tab, plus one socket a bad
 * network left half-open. A newer socket closes the oldest (4408), so a
 * reconnecting client is never the one refused.
 */
export const MAX_SOCKETS_PER_PARTICIPANT = 4;

/**
 * Updates per second per connection, with a burst. A fast typist sends ~15 a
 * second (one per keystroke), dragging a card one per drop, a paste one; a
 * reconnection's catch-up is one message. Past this the socket closes (4429).
 */
export const UPDATES_PER_SECOND = 50;
export const UPDATE_BURST = 200;

/**
 * Sync step 1 and presence queries: a client sends one on connecting, and each
 * answer can be the whole document, so a flood of them was a flood of copies.
 */
export const READS_PER_SECOND = 0.5;
export const READ_BURST = 4;

/**
 * Pings per second per connection, with a burst. A client keeps one in flight,
 * at most one every 100 ms after its writes and one a second when idle. Past
 * this the socket closes (4429).
 */
export const PINGS_PER_SECOND = 20;
export const PING_BURST = 40;

/** One presence state (name, cursor, what one is typing in) is well under 1 KB. */
export const MAX_PRESENCE_BYTES = 2048;

/**
 * Presence changes applied per second per connection, with a burst: focus and
 * typing changes come a few a second. The excess is dropped, never a close:
 * presence is renewed every 15 s anyway.
 */
export const PRESENCE_PER_SECOND = 20;
export const PRESENCE_BURST = 40;
/** Entries in one presence message: a stock client relays what it hears, at most a full room's. */
export const MAX_PRESENCE_ENTRIES = 1024;

/**
 * Updates held on a connection because they build on its own items that have
 * not arrived yet (after a reconnection, live edits can overtake the catch-up
 * message). Past these, or after HOLD_MS, the socket closes (4400). Every retry
 * decodes them all again, so the bounds are what one honest reconnection needs.
 */
export const MAX_HELD_UPDATES = 64;
export const MAX_HELD_BYTES = 512 * 1024;
export const HOLD_MS = 10_000;

/** A token bucket: `take()` is false once the rate and burst are spent. */
export class RateLimit {
	private tokens: number;
	private last: number;

	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
		private readonly now: () => number = Date.now
	) {
		this.tokens = burst;
		this.last = now();
	}

	take(): boolean {
		const now = this.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000);
		this.last = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}
