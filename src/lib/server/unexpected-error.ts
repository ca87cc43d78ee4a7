import { appendFileSync } from 'node:fs';
import type { HandleServerError } from '@sveltejs/kit';
import { currentRuntime } from './runtime';

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
	const where = `${event.request.method} ${event.route.id ?? event.url.pathname}`;
	return { message, id: logUnexpected(where, status, error, log, newId) };
}

/** Logs an unexpected error under a fresh id (for routes served outside SvelteKit too). */
export function logUnexpected(
	where: string,
	status: number,
	error: unknown,
	log: (line: string, error: unknown) => void = console.error,
	newId: () => string = () => crypto.randomUUID()
): string {
	const id = newId();
	const line = `[error ${id}] ${where} → ${status}`;
	log(line, error);
	recordForTests(line);
	return id;
}

/**
 * Test servers set TAVOLI_UNEXPECTED_LOG (tests/e2e/serve.js, sync-node.ts; read by
 * server/config.ts) and `npm test` fails when the file holds a line: a 500 is a
 * bug, whichever test happened to provoke it.
 */
function recordForTests(line: string): void {
	const file = currentRuntime()?.unexpectedLog;
	if (file) appendFileSync(file, `${line}\n`);
}
