import { error } from '@sveltejs/kit';

/** The media type of a request's body, lower case, without parameters ('' when none). */
export function mediaType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
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

/**
 * The body of a JSON request as text: 415 unless the Content-Type is
 * application/json (a browser form can send text/plain cross-site, never
 * application/json), 413 over the size limit.
 */
export async function readJsonText(request: Request): Promise<string> {
	const type = mediaType(request);
	if (type !== 'application/json') {
		error(415, `Content-Type must be application/json, not ${type || 'missing'}`);
	}
	try {
		return await request.text();
	} catch (cause) {
		rethrowIfTooLarge(cause);
		throw cause;
	}
}

/** The request body as JSON: 415 for another Content-Type, 413 too large, 400 malformed. */
export async function readJson(request: Request): Promise<unknown> {
	const text = await readJsonText(request);
	try {
		return JSON.parse(text) as unknown;
	} catch {
		error(400, 'Malformed JSON body');
	}
}
