import type { BoardPhase, BoardSettings } from './board';
import type { BoardCommand, BoardSignal, ModerationItem } from './board-api';
import type { BoardClient } from './board-client.svelte';

/**
 * The facilitator's side of a board (SPEC B2, B3, B7, B8): commands to the
 * server, which changes SQLite and mirrors the result into the document, and
 * the moderation queue of anonymous cards. Both co-facilitators get one.
 */
export class FacilitatorDesk {
	#moderation = $state.raw<ModerationItem[]>([]);
	#busy = $state(false);
	#failed = $state(false);

	constructor(private readonly client: BoardClient) {}

	get moderation(): ModerationItem[] {
		return this.#moderation;
	}
	get busy(): boolean {
		return this.#busy;
	}
	/** True after a command the server refused, until the next one succeeds. */
	get failed(): boolean {
		return this.#failed;
	}

	async #command(name: BoardCommand, body: Record<string, unknown> = {}): Promise<boolean> {
		this.#busy = true;
		const result = await this.client.api.command(name, body);
		this.#busy = false;
		this.#failed = !result.ok;
		return result.ok;
	}

	setPhase(phase: BoardPhase) {
		return this.#command('phase', { phase });
	}

	setSetting(key: Exclude<keyof BoardSettings, 'phase'>, value: boolean) {
		return this.#command('settings', { [key]: value });
	}

	startTimer(minutes: number) {
		return this.#command('timer', { seconds: Math.round(minutes * 60) });
	}

	stopTimer() {
		return this.#command('timer', { seconds: null });
	}

	spotlight(cardId: string | null) {
		return this.#command('spotlight', { cardId });
	}

	follow(target: string | null) {
		return this.#command('follow', { target });
	}

	async reveal() {
		const ok = await this.#command('reveal');
		if (ok) await this.refreshModeration();
		return ok;
	}

	close() {
		return this.#command('close');
	}

	/** The objective-card fields and parts participants may write (O1). */
	/** B13: cards per participant per phase. */
	setCardLimit(limit: number) {
		return this.#command('card-limit', { limit });
	}

	openFields(fields: readonly string[]) {
		return this.#command('open-fields', { fields: [...fields] });
	}

	async refreshModeration(): Promise<void> {
		const result = await this.client.api.moderation();
		if (result.ok) this.#moderation = result.value;
	}

	async moderate(pendingId: string, approve: boolean): Promise<boolean> {
		const result = await this.client.api.moderate(pendingId, approve);
		this.#failed = !result.ok;
		await this.refreshModeration();
		return result.ok;
	}

	/**
	 * Watches the queue while cards can reach it: read now and at every sync of
	 * the socket, and as the server signals it (B16). Returns the function that
	 * stops watching.
	 */
	watchModeration(): () => void {
		void this.refreshModeration();
		const stops = [
			this.client.onSynced(() => void this.refreshModeration()),
			this.client.onSignal<Extract<BoardSignal, { topic: 'moderation' }>>(
				'moderation',
				(signal) => {
					this.#moderation = signal.items;
				}
			)
		];
		return () => stops.forEach((stop) => stop());
	}
}
