import { nextStart, PAGE_MS } from './projector';
import type { FitOutcome } from './projector-fit';

/**
 * The page a projector box shows (issue 13). The fit step (`fitToBox`) reports
 * how many items fit through `onfit`; when not all do, the page turns by itself
 * every `PAGE_MS`, back to the first item after the last. Construct it while a
 * component initialises: its timer lives as long as the component.
 */
export class ProjectorPager {
	#start = $state(0);
	#outcome = $state<FitOutcome | null>(null);
	readonly #total: () => number;

	/** `total`: how many items there are now (read reactively). */
	constructor(total: () => number) {
		this.#total = total;
		$effect(() => {
			if (!this.paged) return;
			const at = this.from;
			const turn = setTimeout(
				() => (this.#start = nextStart(at, this.#outcome?.shown ?? 1, this.#total())),
				PAGE_MS
			);
			return () => clearTimeout(turn);
		});
	}

	/** The first item on the page: back to 0 when the items shrank under it. */
	get from(): number {
		return this.#start < this.#total() ? this.#start : 0;
	}

	/** Some items are on another page. */
	get paged(): boolean {
		const outcome = this.#outcome;
		return outcome !== null && (this.from > 0 || outcome.shown < outcome.total);
	}

	/** The last item on the page, counted from 1. */
	get to(): number {
		return Math.min(this.#total(), this.from + (this.#outcome?.shown ?? 0));
	}

	readonly onfit = (outcome: FitOutcome) => {
		this.#outcome = outcome;
	};
}
