import { votingApi, type ResultsJson, type RoundJson, type VotingApi } from './voting-api';

const POLL_MS = 2500;

/**
 * The board's voting rounds as one page follows them. The document says only
 * which round is open (`meta.roundId`), so the page re-reads the rounds when it
 * changes; the rest comes over HTTP: facilitators (and the projector) poll the
 * open round for its counts, and everyone polls a closed round, whose reveal
 * leaves the document unchanged. Totals arrive only after the reveal (V5).
 */
export class RoundWatch {
	readonly api: VotingApi;
	#rounds = $state.raw<RoundJson[]>([]);
	#results = $state.raw<ResultsJson | null>(null);
	#loaded = $state(false);
	#seq = 0;

	/** `counts`: follow how many have voted while a round is open (facilitators only get them). */
	constructor(
		boardId: string,
		private readonly counts: boolean
	) {
		this.api = votingApi(boardId);
	}

	get rounds(): RoundJson[] {
		return this.#rounds;
	}
	/** The latest round: the one under way, or the last one closed or revealed. */
	get current(): RoundJson | null {
		return this.#rounds.at(-1) ?? null;
	}
	/** The results of the current round, once revealed. */
	get results(): ResultsJson | null {
		const current = this.current;
		return current && this.#results?.roundId === current.roundId ? this.#results : null;
	}
	get loaded(): boolean {
		return this.#loaded;
	}

	/** Re-reads every round (after `meta.roundId` changed, or a round was opened). */
	async sync(): Promise<void> {
		const seq = ++this.#seq;
		const result = await this.api.rounds();
		if (!result.ok || seq !== this.#seq) return;
		this.#rounds = result.value;
		this.#loaded = true;
		await this.#loadResults();
	}

	/** Re-reads the current round: its status and, for facilitators, its counts. */
	async refreshCurrent(): Promise<void> {
		const current = this.current;
		if (!current) return;
		// A full re-read started meanwhile knows better (a new round may have opened).
		const seq = this.#seq;
		const result = await this.api.round(current.roundId);
		if (!result.ok || seq !== this.#seq) return;
		void this.replace(result.value);
	}

	/**
	 * Puts a round as the server just answered it in place of the old copy; resolves
	 * once a revealed round's results are read too.
	 */
	replace(round: RoundJson): Promise<void> {
		this.#rounds = this.#rounds.map((r) => (r.roundId === round.roundId ? round : r));
		return this.#loadResults();
	}

	async #loadResults(): Promise<void> {
		const current = this.current;
		if (current?.status !== 'revealed' || this.#results?.roundId === current.roundId) return;
		const result = await this.api.results(current.roundId);
		if (result.ok) this.#results = result.value;
	}

	/**
	 * Starts polling; returns the function that stops it. Someone waiting for
	 * their organisation's delegate polls too: the facilitator may confirm them (V4).
	 */
	watch(): () => void {
		const timer = setInterval(() => {
			const current = this.current;
			const open = current?.status === 'open';
			if (current?.status === 'closed' || (open && (this.counts || current.notDelegate)))
				void this.refreshCurrent();
		}, POLL_MS);
		return () => clearInterval(timer);
	}
}
