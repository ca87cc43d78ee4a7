import { checkStep, emptyBallot } from './ballot-edit';
import { remainingBudget } from './ballot';
import type { Ballot } from './voting';
import type { RoundJson, VotingApi } from './voting-api';

const UNDO_DEPTH = 50;

/**
 * One voter's ballot in an open round (V2, V3). Every change sends the whole
 * ballot; the page shows it at once and sends changes one after another. A
 * change the round's rules refuse is not sent; one the server refuses (the
 * round closed meanwhile, another member of the organisation voted) brings back
 * the stored ballot with the server's reason. Undo restores the ballot before
 * the last change.
 */
export class VotingBooth {
	readonly round: RoundJson;
	#shown = $state.raw<Ballot>({ allocations: [] });
	#done = $state(false);
	#history = $state.raw<Ballot[]>([]);
	#problem = $state<string | null>(null);
	#queue: Promise<unknown> = Promise.resolve();
	#generation = 0;
	#pending = 0;

	constructor(
		private readonly api: VotingApi,
		round: RoundJson
	) {
		this.round = round;
		this.#shown = round.mine?.ballot ?? emptyBallot(round.options.method);
		this.#done = round.mine?.done ?? false;
	}

	get ballot(): Ballot {
		return this.#shown;
	}
	get remaining(): number | null {
		return remainingBudget(this.round.options, this.#shown);
	}
	get done(): boolean {
		return this.#done;
	}
	/** The reason code of the last refusal, until the voter's next change. */
	get problem(): string | null {
		return this.#problem;
	}
	get canUndo(): boolean {
		return this.#history.length > 0;
	}

	/** Shows and sends a new whole ballot, unless the round's rules refuse it. */
	change(next: Ballot): boolean {
		const problem = checkStep(this.round.options, this.round.targets, next);
		if (problem) {
			this.#problem = problem;
			return false;
		}
		this.#problem = null;
		this.#history = [...this.#history, this.#shown].slice(-UNDO_DEPTH);
		this.#send(next);
		return true;
	}

	undo(): void {
		const previous = this.#history.at(-1);
		if (!previous) return;
		this.#problem = null;
		this.#history = this.#history.slice(0, -1);
		this.#send(previous);
	}

	#send(ballot: Ballot): void {
		const generation = this.#generation;
		this.#shown = ballot;
		this.#done = false;
		this.#pending++;
		this.#queue = this.#queue.then(async () => {
			if (generation !== this.#generation) return;
			const result = await this.api.putBallot(this.round.roundId, ballot);
			this.#pending--;
			if (!result.ok) await this.#refused(result.reason);
			else if (this.#pending === 0) this.#shown = result.value.ballot;
		});
	}

	/** Drops the changes still queued and goes back to what the server holds. */
	async #refused(reason: string): Promise<void> {
		this.#generation++;
		this.#pending = 0;
		this.#problem = reason || 'network';
		this.#history = [];
		const stored = await this.api.ballot(this.round.roundId);
		if (stored.ok) {
			this.#shown = stored.value.ballot;
			this.#done = stored.value.done;
		}
	}

	/** "Ho finito" (or back to voting): sent after the changes under way; resolves once answered. */
	async setDone(done: boolean): Promise<void> {
		this.#queue = this.#queue.then(async () => {
			const result = await this.api.done(this.round.roundId, done);
			if (result.ok) this.#done = done;
			else this.#problem = result.reason || 'network';
		});
		await this.#queue;
	}
}
