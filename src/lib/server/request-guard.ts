import { error } from '@sveltejs/kit';
import { isReservedKey, normalizeText, textFault } from '$lib/forms/plain-text';
import { decodeUtf8, mediaType, readBytes, rethrowIfTooLarge } from './read-json';

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

const URLENCODED = 'application/x-www-form-urlencoded';
const FORM_TYPES = [URLENCODED, 'multipart/form-data'];

/**
 * Makes `request.formData()` answer a 4xx with a reason instead of a TypeError
 * (a 500): 415 when the body is not a form (SvelteKit lets text/plain through to
 * form actions, since browsers may send it), 413 over the size limit, 400 for a
 * form that does not parse or holds text that is not well-formed UTF-8. Every
 * text value comes back in NFC (forms/plain-text.ts). Every form action and
 * `/locale` read their body through this one method, so hooks.server.ts guards
 * them all here; control characters are left to `parseForm`, which names the
 * field so the page can show it.
 */
export function guardFormData(request: Request): void {
	const read = request.formData.bind(request);
	request.formData = async () => {
		const type = mediaType(request);
		if (!FORM_TYPES.includes(type)) {
			error(415, `Content-Type must be ${FORM_TYPES.join(' or ')}, not ${type || 'missing'}`);
		}
		if (request.bodyUsed) return read(); // a bug in the route, not in the request: a 500
		if (type === URLENCODED) return cleanForm(parseUrlEncoded(await readBytes(request)), false);
		let form: FormData;
		try {
			form = await read();
		} catch (cause) {
			rethrowIfTooLarge(cause);
			error(400, 'Malformed form body');
		}
		return cleanForm(form, true);
	};
}

/**
 * A urlencoded body read strictly: the platform's parser replaces bytes that are
 * not UTF-8 with U+FFFD, which would store something nobody typed.
 */
function parseUrlEncoded(bytes: Uint8Array): FormData {
	const form = new FormData();
	const text = decodeUtf8(bytes);
	for (const pair of text.split('&')) {
		if (pair === '') continue;
		const at = pair.indexOf('=');
		const [key, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
		try {
			form.append(decodeFormPart(key), decodeFormPart(value));
		} catch {
			error(400, 'Malformed form body: an escape is not valid UTF-8');
		}
	}
	return form;
}

const decodeFormPart = (part: string) => decodeURIComponent(part.replaceAll('+', ' '));

/**
 * The form with every text in NFC; 400 for a lone surrogate and, in a multipart
 * body (decoded by the platform), for U+FFFD, the mark of bytes that were not
 * UTF-8.
 */
function cleanForm(form: FormData, multipart: boolean): FormData {
	const clean = new FormData();
	for (const [key, value] of form) {
		for (const text of typeof value === 'string' ? [key, value] : [key]) {
			if (textFault(text) === 'lone-surrogate' || (multipart && text.includes('\uFFFD')))
				error(400, `Field "${key.slice(0, 40)}" is not valid UTF-8`);
		}
		const name = normalizeText(key);
		if (isReservedKey(name)) error(400, `"${name}" is not a field name`);
		clean.append(name, typeof value === 'string' ? normalizeText(value) : value);
	}
	return clean;
}
