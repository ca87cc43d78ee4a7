import { createContext } from 'svelte';
import { AnnouncementQueue } from './announcements';

/**
 * The text of a page's one polite live region, for the components under it
 * (createContext): any of them may `say` an event; see AnnouncementQueue.
 */
export class Announcer {
	#text = $state('');
	readonly #queue = new AnnouncementQueue((text) => (this.#text = text));

	get text(): string {
		return this.#text;
	}

	say(key: string, render: (count: number) => string, count = 1): void {
		this.#queue.say(key, render, count);
	}

	destroy(): void {
		this.#queue.destroy();
	}
}

export const [getAnnouncer, setAnnouncer, hasAnnouncer] = createContext<Announcer>();
