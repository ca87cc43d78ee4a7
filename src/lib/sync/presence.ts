import { MAX_PRESENCE_BYTES, PRESENCE_BURST, PRESENCE_PER_SECOND, RateLimit } from './limits';
import { decodeAwareness, type AwarenessEntry } from './protocol';

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
		const wanted = (id: number) => (this.clientId === null ? free(id) : id === this.clientId);
		const entries = decodeAwareness(update, wanted);
		const entry =
			this.clientId === null
				? entries.find((e) => e.state !== null)
				: entries.find((e) => e.clientId === this.clientId);
		if (!entry) return [];
		if (JSON.stringify(entry.state).length > MAX_PRESENCE_BYTES) return 'too-large';
		if (!this.rate.take()) return [];
		this.clientId = entry.clientId;
		return [entry];
	}
}
