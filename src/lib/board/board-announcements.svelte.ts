import { untrack } from 'svelte';
import { message } from '$lib/i18n/messages';
import { m } from '$lib/paraglide/messages';
import type { Announcer } from '$lib/ui/announcer.svelte';
import type { BoardClient } from './board-client.svelte';
import { newCards, visibleCardIds } from './board-live';

/**
 * What the board says through the page's live region (issue 13): new cards
 * (counted, one sentence for a burst), a phase change, the end of the timer.
 * Call it while a component initialises; it stops with the component.
 */
export function announceBoardEvents(client: BoardClient, announcer: Announcer): void {
	let phase = untrack(() => client.view.meta.phase);
	let known = untrack(() => visibleCardIds(client.view.cards));

	$effect(() => {
		const next = client.view.meta.phase;
		if (next === phase) return;
		phase = next;
		announcer.say('phase', () => m.board_announce_phase({ phase: message(`board_phase_${next}`) }));
	});

	$effect(() => {
		const cards = client.view.cards;
		// A document being fetched again after a refusal is empty for a moment: not news.
		if (!client.synced) return;
		const found = newCards(known, cards, client.me.participantId);
		known = found.ids;
		if (found.count > 0)
			announcer.say('cards', (count) => m.board_announce_new_cards({ count }), found.count);
	});

	$effect(() => {
		const endsAt = client.view.meta.timerEndsAt;
		if (endsAt === null) return;
		const left = endsAt - (Date.now() + untrack(() => client.offset));
		if (left <= 0) return;
		const timer = setTimeout(() => announcer.say('timer', () => m.board_announce_time_up()), left);
		return () => clearTimeout(timer);
	});
}
