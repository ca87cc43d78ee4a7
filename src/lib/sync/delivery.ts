/**
 * Pings on a synced socket, at most one in flight; the server answers a ping
 * once everything sent before it is applied and stored (protocol.ts).
 */
/** A synced socket is pinged this often, besides right after writes. */
export const PING_INTERVAL_MS = 1000;
/** An answer this late: the connection is shown as lost (2–3 s after the network goes). */
export const ANSWER_LATE_MS = 1500;
/** An answer this late: the socket is given up and a new one opened. */
export const ANSWER_DEAD_MS = 5000;
/** Pings after writes wait this long after the previous one (the server allows 20 a second). */
export const PING_GAP_MS = 100;

export interface DeliveryPort {
	now(): number;
	/** Sends a ping on the current socket; false when there is none open. */
	ping(): boolean;
	/** Something a reader may show changed: what is delivered, whether an answer is late. */
	changed(): void;
	/** No answer for ANSWER_DEAD_MS: the socket is dead though the browser has not noticed. */
	dead(): void;
}

/**
 * Which of this client's writes the server has, and whether its socket still
 * answers. Writes are numbered; a write is delivered once a ping sent after it
 * is answered. Pings go only on a synced socket: before that, writes made while
 * offline have not been sent yet (they go in the reply to the server's sync step 1).
 */
export class Delivery {
	#written = 0;
	#delivered = 0;
	#inFlight: { upTo: number; sentAt: number } | null = null;
	#lastPing = -Infinity;
	#open = false;
	#late = false;
	/** Writes of documents thrown away: (after, upTo]. One range per refusal, a few at most. */
	#lost: { after: number; upTo: number }[] = [];

	constructor(private readonly port: DeliveryPort) {}

	/** The number of the last write. */
	get written(): number {
		return this.#written;
	}
	/** Is write `seq` on the server? */
	delivered(seq: number): boolean {
		return seq <= this.#delivered && !this.lost(seq);
	}
	/** Was write `seq` in a document thrown away before the server had it? */
	lost(seq: number): boolean {
		return this.#lost.some((r) => seq > r.after && seq <= r.upTo);
	}
	get undelivered(): boolean {
		return this.#written > this.#delivered;
	}
	/** A ping has waited past ANSWER_LATE_MS. */
	get late(): boolean {
		return this.#late;
	}

	/** The socket has synced: pings may go, and what was written offline is on its way. */
	synced(): void {
		this.#open = true;
		this.#inFlight = null;
		this.#pingIfDue();
	}

	/** The socket closed, or stopped counting as synced. */
	closed(): void {
		this.#open = false;
		this.#inFlight = null;
		this.#setLate(false);
	}

	/**
	 * A local write; returns its number. Not a `changed`: a new write is neither
	 * delivered nor lost, and this runs at every keystroke in a shared text.
	 */
	wrote(): number {
		this.#written++;
		this.#pingIfDue();
		return this.#written;
	}

	/** The document was thrown away: what it held and the server had not will never be delivered. */
	forget(): void {
		if (this.undelivered) this.#lost.push({ after: this.#delivered, upTo: this.#written });
		this.#delivered = this.#written;
		this.#inFlight = null;
		this.port.changed();
	}

	/** The server answered the ping in flight. */
	answered(): void {
		if (!this.#inFlight) return;
		this.#delivered = Math.max(this.#delivered, this.#inFlight.upTo);
		this.#inFlight = null;
		this.#setLate(false);
		this.port.changed();
		this.#pingIfDue();
	}

	/** Called a few times a second: idle pings, and late or missing answers. */
	tick(): void {
		if (!this.#open) return;
		const now = this.port.now();
		if (this.#inFlight) {
			const waited = now - this.#inFlight.sentAt;
			if (waited >= ANSWER_DEAD_MS) return this.port.dead();
			this.#setLate(waited >= ANSWER_LATE_MS);
			return;
		}
		if (now - this.#lastPing >= PING_INTERVAL_MS) this.#ping(now);
		else this.#pingIfDue();
	}

	#pingIfDue(): void {
		const now = this.port.now();
		if (this.#open && !this.#inFlight && this.undelivered && now - this.#lastPing >= PING_GAP_MS)
			this.#ping(now);
	}

	#ping(now: number): void {
		if (!this.port.ping()) return;
		this.#inFlight = { upTo: this.#written, sentAt: now };
		this.#lastPing = now;
	}

	#setLate(late: boolean): void {
		if (this.#late === late) return;
		this.#late = late;
		this.port.changed();
	}
}
