import { HOLD_MS, MAX_HELD_BYTES, MAX_HELD_UPDATES } from './limits';

/** 'added': applied, with items the document lacked (only that can free a held update). */
export type Applied = 'added' | 'applied' | 'held' | 'refused';

/**
 * Updates held on one connection, off the document, because they build on the
 * sender's own items that have not arrived yet: after a reconnection a client's
 * live edits can overtake its catch-up message (sync step 2). Bounded in
 * number, bytes and time; what never resolves closes the connection.
 */
export class HeldUpdates {
	private updates: Uint8Array[] = [];
	private bytes = 0;
	private timer: ReturnType<typeof setTimeout> | null = null;

	/** `expired` runs once HOLD_MS pass with updates still held. */
	constructor(private readonly expired: () => void) {}

	get empty(): boolean {
		return this.updates.length === 0;
	}

	/** Holds an update; false when that goes past the bounds. */
	add(update: Uint8Array): boolean {
		this.updates.push(update);
		this.bytes += update.byteLength;
		this.timer ??= setTimeout(() => {
			this.timer = null;
			if (this.updates.length) this.expired();
		}, HOLD_MS);
		return this.updates.length <= MAX_HELD_UPDATES && this.bytes <= MAX_HELD_BYTES;
	}

	/** Tries the held updates again until none fits; false if one was refused. */
	retry(apply: (update: Uint8Array) => Applied): boolean {
		let progress = true;
		while (progress && this.updates.length) {
			progress = false;
			for (const held of [...this.updates]) {
				const outcome = apply(held);
				if (outcome === 'refused') return false;
				if (outcome === 'added' || outcome === 'applied') {
					this.updates.splice(this.updates.indexOf(held), 1);
					this.bytes -= held.byteLength;
					progress = true;
				}
			}
		}
		if (this.updates.length === 0) this.clear();
		return true;
	}

	clear(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.updates = [];
		this.bytes = 0;
	}
}
