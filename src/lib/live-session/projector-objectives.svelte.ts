import type { BoardClient } from '$lib/board/board-client.svelte';
import { readObjectives, type ObjectiveView } from '$lib/objectives/objective-doc';
import { changedObjective, newestObjective } from './projector';

/**
 * The objective cards as the projector follows them (issue 13): all of them,
 * and the one being written, which is the last one someone changed (the newest
 * until anyone types). The projector only reads the document.
 */
export class ProjectorObjectives {
	#objectives = $state.raw<ObjectiveView[]>([]);
	#focusId = $state<string | null>(null);

	constructor(private readonly board: BoardClient) {}

	/** Starts following the board's document; returns the function that stops. */
	start(): () => void {
		return this.board.onDocument((doc) => {
			const next = readObjectives(doc);
			this.#focusId = changedObjective(this.#objectives, next) ?? this.#focusId;
			this.#objectives = next;
		});
	}

	get objectives(): ObjectiveView[] {
		return this.#objectives;
	}

	get current(): ObjectiveView | null {
		return (
			this.#objectives.find((o) => o.id === this.#focusId) ?? newestObjective(this.#objectives)
		);
	}
}
