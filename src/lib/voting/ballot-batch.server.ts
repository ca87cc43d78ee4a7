import { inTransaction, type Db } from '$lib/server/db/database';
import { castBallot } from './ballot-commands.server';

type Cast = ReturnType<typeof castBallot>;

interface Pending {
	roundId: number;
	participantId: string;
	ballot: Parameters<typeof castBallot>[3];
	now: number;
	settle(outcome: { ok: true; cast: Cast } | { ok: false; error: unknown }): void;
}

/** A commit this recent means ballots are flowing: the next batch waits for company. */
export const BUSY_MS = 50;
/** How long a batch then waits for more ballots before its commit. */
const HOLD_MS = 8;

/**
 * Ballots committed together (V2; docs/PERFORMANCE.md, "Request path"). In a
 * plenary 150 phones send a click each within a few seconds; a transaction of
 * their own made each of them wait for the others' fsyncs, and each commit's
 * fsync costs the server CPU of its own (≈ 0.2 ms here, the disk's I/O). Here
 * the ballots that arrive while the event loop is busy go into one IMMEDIATE
 * transaction at the end of the turn; while ballots are flowing (a commit in the
 * last BUSY_MS) a batch also waits HOLD_MS for the ones that follow, as a
 * database's group commit does, so a plenary's clicks share their fsyncs. A lone
 * ballot is never held. Each ballot still goes through `castBallot` (which
 * re-reads the round and the voter, checks the budget and the caps) in its own
 * savepoint, so a refused or failing ballot changes nothing and affects no other.
 * Every answer waits for the commit (`synchronous=FULL`): a 200 means the ballot
 * is on disk, as before.
 */
export class BallotBatch {
	private static readonly batches = new WeakMap<Db, BallotBatch>();
	private pending: Pending[] = [];
	private lastCommit = -Infinity;
	private committed = 0;

	private constructor(private readonly db: Db) {}

	/** One batch per database, so every request of the process shares the commit. */
	static of(db: Db): BallotBatch {
		let batch = BallotBatch.batches.get(db);
		if (!batch) BallotBatch.batches.set(db, (batch = new BallotBatch(db)));
		return batch;
	}

	/** How many commits it made: for tests. */
	get commits(): number {
		return this.committed;
	}

	/**
	 * Stores a whole ballot as `castBallot` does, answering after the commit of its
	 * batch: its result, or a rejection when the commit itself failed (nothing of the
	 * batch is then stored).
	 */
	cast(roundId: number, participantId: string, ballot: Pending['ballot'], now: number) {
		return new Promise<Cast>((resolve, reject) => {
			const settle: Pending['settle'] = (outcome) =>
				outcome.ok ? resolve(outcome.cast) : reject(outcome.error);
			this.pending.push({ roundId, participantId, ballot, now, settle });
			if (this.pending.length > 1) return;
			if (performance.now() - this.lastCommit < BUSY_MS) setTimeout(() => this.commit(), HOLD_MS);
			else setImmediate(() => this.commit());
		});
	}

	private commit(): void {
		const batch = this.pending;
		this.pending = [];
		this.lastCommit = performance.now();
		this.committed++;
		let outcomes: Parameters<Pending['settle']>[0][];
		try {
			outcomes = inTransaction(this.db, () => batch.map((p) => this.castOne(p)));
		} catch (error) {
			for (const p of batch) p.settle({ ok: false, error });
			return;
		}
		batch.forEach((p, i) => p.settle(outcomes[i]!));
	}

	/** castBallot's own transaction is a savepoint here: a throw undoes this ballot only. */
	private castOne(p: Pending): Parameters<Pending['settle']>[0] {
		try {
			return { ok: true, cast: castBallot(this.db, p.roundId, p.participantId, p.ballot, p.now) };
		} catch (error) {
			return { ok: false, error };
		}
	}
}
