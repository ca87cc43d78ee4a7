import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from './access';

/**
 * The logged-in actor, or the way out: pages redirect to the log-in form (and come
 * back afterwards), JSON endpoints answer 401.
 */
export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const actor = event.locals.actor;
	if (actor) return actor;
	if (event.url.pathname.startsWith('/api/')) error(401, 'Autenticazione richiesta');
	const next = event.url.pathname + event.url.search;
	redirect(303, `/login?next=${encodeURIComponent(next)}`);
}

/** Stops the request with 403 unless the access rule allowed it. */
export function authorize(allowed: boolean): void {
	if (!allowed) error(403, 'Accesso negato');
}

/** requireActor + authorize in one step, for the common case. */
export function requireAccess(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	rule: (actor: Actor) => boolean
): Actor {
	const actor = requireActor(event);
	authorize(rule(actor));
	return actor;
}
