import { error } from '@sveltejs/kit';
import { cleanJson } from '$lib/forms/plain-text';

/** The media type of a request's body, lower case, without parameters ('' when none). */
export function mediaType(request: Request): string {
	return mediaTypeOf(request.headers.get('content-type'));
}

/** The same from the Content-Type header itself (Node's request, server/live-api.ts). */
export function mediaTypeOf(contentType: string | null | undefined): string {
	return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/**
 * A 413 when reading the body failed because it is over the size limit. The
 * adapter (BODY_SIZE_LIMIT, 512 KB by default) errors the body stream with its
 * own 413 error; caught as "malformed", it used to become a 400.
 */
export function rethrowIfTooLarge(cause: unknown): void {
	if (typeof cause === 'object' && cause !== null && 'status' in cause && cause.status === 413) {
		const detail = cause instanceof Error && cause.message ? `: ${cause.message}` : '';
		error(413, `Request body too large${detail}`);
	}
}

/** The body's bytes: 413 over the size limit. */
export async function readBytes(request: Request): Promise<Uint8Array> {
	try {
		return new Uint8Array(await request.arrayBuffer());
	} catch (cause) {
		rethrowIfTooLarge(cause);
		throw cause;
	}
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes as UTF-8 text, or 400: a replacement character would store something nobody sent. */
export function decodeUtf8(bytes: Uint8Array): string {
	try {
		return utf8.decode(bytes);
	} catch {
		error(400, 'Body is not valid UTF-8');
	}
}

/**
 * The body of a JSON request as text: 415 unless the Content-Type is
 * application/json (a browser form can send text/plain cross-site, never
 * application/json), 413 over the size limit, 400 for invalid UTF-8.
 */
export async function readJsonText(request: Request): Promise<string> {
	const type = mediaType(request);
	if (type !== 'application/json') {
		error(415, `Content-Type must be application/json, not ${type || 'missing'}`);
	}
	return decodeUtf8(await readBytes(request));
}

/**
 * Text that should be JSON, parsed and cleaned (forms/plain-text.ts): 400 when
 * it does not parse, nests too deep, or holds control characters or lone
 * surrogates; strings come back in NFC.
 */
export function parseJsonText(text: string): unknown {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		error(400, 'Malformed JSON body');
	}
	const clean = cleanJson(parsed);
	if (!clean.ok) error(400, `Invalid text at ${clean.path}: ${clean.detail}`);
	return clean.value;
}

/** The request body as JSON: 415 for another Content-Type, 413 too large, 400 malformed. */
export async function readJson(request: Request): Promise<unknown> {
	return parseJsonText(await readJsonText(request));
}

/**
 * For a request that carries nothing (open a board, submit, erase, close a
 * round): an empty body or `{}` goes on; anything else is a 400, so a client
 * that thinks it is sending options learns that they are not read.
 */
export async function readNoBody(request: Request): Promise<void> {
	const text = decodeUtf8(await readBytes(request)).trim();
	if (text === '' || (mediaType(request) === 'application/json' && /^\{\s*\}$/.test(text))) return;
	error(400, 'This request takes no body (send none, or {})');
}
