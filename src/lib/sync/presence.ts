import {
	MAX_PRESENCE_BYTES,
	MAX_PRESENCE_ENTRIES,
	PRESENCE_BURST,
	PRESENCE_PER_SECOND,
	RateLimit
} from './limits';
import { decodeAwareness, type AwarenessEntry } from './protocol';

/** Client ids an unbound connection's message may try to bind, its own among them. */
const FREE_CHECKS = 4;

/**
 * Presence of one connection (SPEC B12): a connection publishes presence for
 * one Yjs client id, the first it sends a state for, and nothing else. A stock
 * y-websocket client re-sends every presence it receives, so the entries of
 * other clients are dropped unread: never applied, never a reason to close.
 */
export class PresenceSlot {
	private clientId: number | null = null;
	private readonly rate: RateLimit;

	constructor(now: () => number = Date.now) {
		this.rate = new RateLimit(PRESENCE_PER_SECOND, PRESENCE_BURST, now);
	}

	/** The client id this connection's presence is bound to, once it has one. */
	get boundClientId(): number | null {
		return this.clientId;
	}

	/**
	 * The entries of a presence message this connection may publish: at most one.
	 * `free` says whether a client id may be bound (not another's). Throws on bytes
	 * that are not a presence message; 'too-large' for a state over the bound;
	 * [] when there is nothing to apply (others' entries, or over the rate).
	 */
	read(update: Uint8Array, free: (clientId: number) => boolean): AwarenessEntry[] | 'too-large' {
		const bound = this.clientId;
		// A stock client relays the presence it receives, so a message may carry a room's
		// worth of entries, never more: a hundred thousand null ones took the event loop.
		const entries = decodeAwareness(
			update,
			(id) => bound === null || id === bound,
			MAX_PRESENCE_ENTRIES
		);
		// Unbound, the first few states are tried: `free` looks at every connection.
		const entry =
			bound === null
				? entries
						.filter((e) => e.state !== null)
						.slice(0, FREE_CHECKS)
						.find((e) => free(e.clientId))
				: entries.find((e) => e.clientId === bound);
		if (!entry) return [];
		if (JSON.stringify(entry.state).length > MAX_PRESENCE_BYTES) return 'too-large';
		if (!this.rate.take()) return [];
		this.clientId = entry.clientId;
		return [entry];
	}
}
