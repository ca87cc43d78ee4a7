/**
 * The queue behind the one polite live region of a page (issue 13). Events
 * arriving close together become one announcement: a burst of thirty cards is
 * "30 nuove schede", said once, not thirty times. Pure apart from the timer,
 * which tests replace.
 */

/** Quiet time before the queue speaks: long enough for a burst of cards, short enough to feel live. */
export const ANNOUNCE_QUIET_MS = 1000;

interface Pending {
	count: number;
	render: (count: number) => string;
}

export class AnnouncementQueue {
	#pending = new Map<string, Pending>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#last = '';

	/** `publish` receives each announcement: one sentence per kind of event, in arrival order. */
	constructor(
		private readonly publish: (text: string) => void,
		private readonly quietMs = ANNOUNCE_QUIET_MS
	) {}

	/**
	 * Queues an event. Events under one key before the queue speaks merge: their counts
	 * add up and the latest `render` writes the sentence (a phase changed twice is said once).
	 */
	say(key: string, render: (count: number) => string, count = 1): void {
		const seen = this.#pending.get(key);
		this.#pending.set(key, { count: (seen?.count ?? 0) + count, render });
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), this.quietMs);
	}

	/** Speaks now whatever is queued. */
	flush(): void {
		clearTimeout(this.#timer);
		if (this.#pending.size === 0) return;
		const sentences = [...this.#pending.values()].map((p) => p.render(p.count));
		this.#pending.clear();
		let text = sentences.join(' ');
		// A live region announces changes only: the same words twice need a difference.
		if (text === this.#last) text += '\u00a0';
		this.#last = text;
		this.publish(text);
	}

	destroy(): void {
		clearTimeout(this.#timer);
		this.#pending.clear();
	}
}
