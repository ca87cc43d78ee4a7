import { bestTie } from './results-view';
import type { RoundWatch } from './round-watch.svelte';
import type { Ballot, RoundInput } from './voting';
import type { AttendanceEntry, Priority, RoundJson, VoteResult } from './voting-api';

/**
 * The facilitator's side of voting (V1, V5, V9): opening, closing, reopening and
 * revealing rounds, the run-off between tied items, paper ballots, and the items
 * promoted to priorities. Every step is a server command; the round's new state
 * comes back in the answer, and other pages learn it from `meta.roundId`.
 */
export class VotingDesk {
	#priorities = $state.raw<Priority[]>([]);
	#problem = $state<string | null>(null);
	#busy = $state(false);

	constructor(
		readonly watch: RoundWatch,
		private readonly meetingId: number
	) {}

	get priorities(): Priority[] {
		return this.#priorities;
	}
	/** The reason code of the last refused command, until the next one succeeds. */
	get problem(): string | null {
		return this.#problem;
	}
	get busy(): boolean {
		return this.#busy;
	}

	async #run<T>(step: () => Promise<VoteResult<T>>): Promise<VoteResult<T>> {
		this.#busy = true;
		const result = await step();
		this.#busy = false;
		this.#problem = result.ok ? null : result.reason || 'network';
		return result;
	}

	async open(input: RoundInput): Promise<boolean> {
		const result = await this.#run(() => this.watch.api.open(input));
		if (result.ok) await this.watch.sync();
		return result.ok;
	}

	async setStatus(round: RoundJson, action: 'close' | 'reopen' | 'reveal'): Promise<boolean> {
		const result = await this.#run(() => this.watch.api.status(round.roundId, action));
		if (result.ok) await this.watch.replace(result.value);
		return result.ok;
	}

	/** A new round with the same rules on the best-placed tied items (a run-off, V5). */
	runOff(round: RoundJson, ranking: Parameters<typeof bestTie>[0]): Promise<boolean> {
		const targetIds = bestTie(ranking);
		if (targetIds.length < 2) return Promise.resolve(false);
		return this.open({ ...round.options, targetIds, runOffOf: round.roundId });
	}

	async loadPriorities(): Promise<void> {
		const result = await this.watch.api.priorities();
		if (result.ok) this.#priorities = result.value;
	}

	isPriority(type: Priority['targetType'], id: string): boolean {
		return this.#priorities.some((p) => p.targetType === type && p.targetId === id);
	}

	async promote(type: Priority['targetType'], id: string, roundId: number | null): Promise<void> {
		const result = await this.#run(() => this.watch.api.promote(type, id, roundId));
		if (result.ok) this.#priorities = result.value;
	}

	async demote(type: Priority['targetType'], id: string): Promise<void> {
		const result = await this.#run(() => this.watch.api.demote(type, id));
		if (result.ok) this.#priorities = result.value;
	}

	/** The foglio firme, to pick whom a paper ballot is for. */
	async attendance(): Promise<AttendanceEntry[]> {
		const result = await this.watch.api.attendance(this.meetingId);
		return result.ok ? result.value : [];
	}

	async paperBallot(round: RoundJson, attendanceId: string, ballot: Ballot): Promise<boolean> {
		const result = await this.#run(() =>
			this.watch.api.paperBallot(round.roundId, attendanceId, ballot)
		);
		if (result.ok) await this.watch.refreshCurrent();
		return result.ok;
	}
}
