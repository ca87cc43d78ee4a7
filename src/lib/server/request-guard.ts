import { error } from '@sveltejs/kit';
import { mediaType, rethrowIfTooLarge } from './read-json';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** POST, PUT, PATCH, DELETE and anything else that is not a read. */
export function changesState(method: string): boolean {
	return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Why a state-changing request is refused as cross-site, or null when it may
 * go on. `ownOrigin` is the origin SvelteKit computed for the request: the
 * configured ORIGIN, else the protocol stamped by server/http.ts (or taken from
 * X-Forwarded-* behind a trusted proxy) and the Host header.
 *
 * Browsers send Origin with every POST, PUT, PATCH and DELETE, fetch and form
 * alike; a request without it is refused too, so scripts say where they come
 * from (tests/e2e and scripts/bench send our origin). The one exception is a
 * browser that leaves Origin out but marks the request
 * `Sec-Fetch-Site: same-origin`, a header no page can forge.
 */
export function crossSiteReason(request: Request, ownOrigin: string): string | null {
	if (!changesState(request.method)) return null;
	const origin = request.headers.get('origin');
	if (origin === null) {
		if (request.headers.get('sec-fetch-site') === 'same-origin') return null;
		return `Origin header missing; ${request.method} requests must come from ${ownOrigin}`;
	}
	if (origin === ownOrigin) return null;
	return `Origin ${origin} may not ${request.method} here; requests must come from ${ownOrigin}`;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Makes `request.formData()` fail as a 4xx with a reason instead of a TypeError
 * (a 500): 415 when the body is not a form (SvelteKit lets text/plain through to
 * form actions, since browsers may send it), 413 over the size limit, 400 for a
 * form that does not parse. Every form action and `/locale` read their body
 * through this one method, so hooks.server.ts guards them all here.
 */
export function guardFormData(request: Request): void {
	const read = request.formData.bind(request);
	request.formData = async () => {
		const type = mediaType(request);
		if (!FORM_TYPES.includes(type)) {
			error(415, `Content-Type must be ${FORM_TYPES.join(' or ')}, not ${type || 'missing'}`);
		}
		if (request.bodyUsed) return read(); // a bug in the route, not in the request: a 500
		try {
			return await read();
		} catch (cause) {
			rethrowIfTooLarge(cause);
			error(400, 'Malformed form body');
		}
	};
}
