import { UNDO_WINDOW_MS, type PendingDelete } from './undo-delete';

type Waiting = { item: PendingDelete; timer: ReturnType<typeof setTimeout> };

/**
 * Deletes waiting out their undo window (undo-delete.ts), in one browser. When
 * the window passes, `commit` asks the board's rules again and writes the
 * delete; if the rules no longer allow it (the phase moved on, the board was
 * locked), nothing is written and the item stays, with a notice saying so. A
 * page that closes first sends what is waiting (pagehide).
 */
export class UndoableDeletes {
	#waiting = $state.raw<Waiting[]>([]);
	#failed = $state.raw<PendingDelete | null>(null);
	readonly #commit: (item: PendingDelete) => boolean;
	readonly #windowMs: number;

	constructor(commit: (item: PendingDelete) => boolean, windowMs = UNDO_WINDOW_MS) {
		this.#commit = commit;
		this.#windowMs = windowMs;
	}

	get pending(): readonly PendingDelete[] {
		return this.#waiting.map((w) => w.item);
	}
	/** The last delete the board's rules refused when its window passed. */
	get failed(): PendingDelete | null {
		return this.#failed;
	}
	get windowMs(): number {
		return this.#windowMs;
	}

	schedule(item: PendingDelete): void {
		this.#failed = null;
		this.#drop(item);
		const timer = setTimeout(() => this.#run(item), this.#windowMs);
		this.#waiting = [...this.#waiting, { item, timer }];
	}

	undo(item: PendingDelete): void {
		this.#drop(item);
	}

	/** Writes every waiting delete now (the page is going away). */
	flush(): void {
		for (const { item } of this.#waiting) this.#run(item);
	}

	dismissFailure(): void {
		this.#failed = null;
	}

	#run(item: PendingDelete): void {
		if (!this.#drop(item)) return;
		if (!this.#commit(item)) this.#failed = item;
	}

	/** Forgets an item; false if it was not waiting. */
	#drop(item: PendingDelete): boolean {
		const found = this.#waiting.find((w) => sameItem(w.item, item));
		if (!found) return false;
		clearTimeout(found.timer);
		this.#waiting = this.#waiting.filter((w) => w !== found);
		return true;
	}
}

const sameItem = (a: PendingDelete, b: PendingDelete) => a.kind === b.kind && a.id === b.id;
