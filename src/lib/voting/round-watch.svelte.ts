import { untrack } from 'svelte';
import type { BoardClient } from '$lib/board/board-client.svelte';
import {
	votingApi,
	type ResultsJson,
	type RoundJson,
	type RoundSignal,
	type VotingApi
} from './voting-api';

type Signal<T extends RoundSignal['topic']> = Extract<RoundSignal, { topic: T }>;

/**
 * The board's voting rounds as one page follows them, without polling (SPEC
 * V12). The rounds are read over HTTP when the page opens, when the document
 * names a round the page does not know (`meta.roundId`: one was opened) and
 * each time the socket syncs; everything else comes as signals on the socket:
 * a round closed or revealed, with the results (so a reveal costs the page no
 * request), the counts for facilitators (and the projector). Totals arrive only
 * after the reveal (V5).
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

	/** The document names the round under way: re-read the rounds if it is one this page does not know. */
	follow(roundId: number | null): void {
		// Untracked: an effect calling this re-runs when the document changes, not when the rounds do.
		untrack(() => {
			if (roundId === null || !this.#loaded) return;
			if (!this.#rounds.some((r) => r.roundId === roundId)) void this.sync();
		});
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
	 * Reads the rounds, then follows the board's signals (V12) until the
	 * returned function is called: every sync of the socket re-reads them once,
	 * since signals sent while it was down are lost. Someone waiting for their
	 * organisation's delegate hears when the facilitator confirms them (V4).
	 */
	watch(client: Pick<BoardClient, 'onSignal' | 'onSynced'>): () => void {
		void untrack(() => this.sync());
		const stops = [
			client.onSynced(() => void this.sync()),
			client.onSignal<Signal<'round'>>('round', (signal) => this.#status(signal)),
			client.onSignal<Signal<'progress'>>('progress', (signal) => this.#progress(signal)),
			client.onSignal<Signal<'voter'>>('voter', () => void this.sync())
		];
		return () => stops.forEach((stop) => stop());
	}

	/** A round closed, reopened or revealed; a round this page does not know, or reopened, is read again. */
	#status({ roundId, status, results }: Signal<'round'>): void {
		const known = this.#rounds.some((r) => r.roundId === roundId);
		if (!known || status === 'open') return void this.sync();
		if (results) this.#results = results;
		this.#rounds = this.#rounds.map((r) => (r.roundId === roundId ? { ...r, status } : r));
	}

	#progress({ roundId, ballots, done }: Signal<'progress'>): void {
		if (!this.counts) return;
		this.#rounds = this.#rounds.map((r) =>
			r.roundId === roundId ? { ...r, progress: { ballots, done } } : r
		);
	}
}
