import type { HandleServerError } from '@sveltejs/kit';

type Input = Parameters<HandleServerError>[0];

/**
 * The last resort for anything a route did not expect (hooks.server.ts's
 * handleError): logged under a fresh id with the method and route, answered as
 * `{ message, id }` so a person can quote the id; the message stays SvelteKit's
 * generic one and never carries the error's text. Below 500 (an unknown route,
 * a method a route lacks) SvelteKit's own message is the answer and nothing is logged.
 */
export function reportUnexpected(
	{ error, event, status, message }: Input,
	log: (line: string, error: unknown) => void = console.error,
	newId: () => string = () => crypto.randomUUID()
): App.Error {
	if (status < 500) return { message };
	const id = newId();
	log(
		`[error ${id}] ${event.request.method} ${event.route.id ?? event.url.pathname} → ${status}`,
		error
	);
	return { message, id };
}
