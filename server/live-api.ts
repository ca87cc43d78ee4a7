import type { IncomingMessage, ServerResponse } from 'node:http';
import { isHttpError } from '@sveltejs/kit';
import { GUEST_COOKIE } from '$lib/attendance/guest-session.server';
import { AUTH_COOKIE } from '$lib/auth/auth-session.server';
import { cookieUpkeep, resolveIdentity } from '$lib/auth/identity.server';
import { cardEndpoint } from '$lib/board/card-endpoint.server';
import type { Db } from '$lib/server/db/database';
import type { JsonAnswer, LiveEndpoint } from '$lib/server/live-endpoint';
import { decodeUtf8, mediaTypeOf, parseJsonText } from '$lib/server/read-json';
import type { Clock } from '$lib/server/runtime';
import { SECURITY_HEADERS, SESSION_CACHE_CONTROL } from '$lib/server/security-headers';
import { logUnexpected } from '$lib/server/unexpected-error';
import { ballotEndpoint } from '$lib/voting/ballot-endpoint.server';
import { parseCookies } from './cookies';
import type { RequestHandler } from './http';

/** The requests a room sends by the hundred. */
const ENDPOINTS: readonly LiveEndpoint[] = [ballotEndpoint, cardEndpoint];

/** Far above a ballot or a card; a larger body goes to SvelteKit, which answers 413 past its limit. */
const MAX_BODY_BYTES = 64 * 1024;

/** As hooks.server.ts's handleHeaders sets them on an answer to a session. */
const HEADERS = {
	'Content-Type': 'application/json',
	...SECURITY_HEADERS,
	'Cache-Control': SESSION_CACHE_CONTROL
};

export interface LiveApiDeps {
	db: Db;
	clock: Clock;
	/** config.origin; undefined: the origin is the Host header's, over plain http. */
	origin: string | undefined;
	/** Behind a trusted proxy the origin comes from X-Forwarded-*: left to SvelteKit. */
	trustProxy: boolean;
}

export interface LiveApi {
	handle: RequestHandler;
	/** How many requests it answered (the rest went to SvelteKit): for tests. */
	readonly answered: number;
}

/**
 * The live path (docs/ARCHITECTURE.md): ballots and cards answered from Node's
 * request, before SvelteKit, by the very `LiveEndpoint` their SvelteKit route
 * runs. SvelteKit's own work per request (a web Request and Response, the
 * router, five hooks) cost ≈ 0.4 ms of CPU, more than a ballot itself
 * (docs/PERFORMANCE.md, "Request path").
 *
 * It takes only the ordinary request, and hands anything else to SvelteKit
 * before reading a byte of the body: another method or path, a body that is not
 * JSON or is large, an Accept that SvelteKit could answer with an HTML page, an
 * Origin that is not ours, a session cookie to renew or clear, and any refusal
 * the endpoint throws before it reads the body (no session, no access, no such
 * round). So every such answer stays SvelteKit's, and what this path answers
 * (the body's refusals, the endpoint's own) is what the route answers.
 */
export function createLiveApi(deps: LiveApiDeps): LiveApi {
	let answered = 0;

	async function serve(
		endpoint: LiveEndpoint,
		params: Record<string, string>,
		locals: App.Locals,
		req: IncomingMessage,
		res: ServerResponse,
		next: () => void
	): Promise<void> {
		let reading = false;
		let answer: JsonAnswer;
		try {
			answer = await endpoint.answer({ locals, params }, () => {
				reading = true;
				return readJsonBody(req);
			});
		} catch (error) {
			if (!reading) return next();
			// The client went away, or its body never ended: nobody to answer, nothing to log.
			// (A request counts as destroyed once read, so ask the response.)
			if (res.destroyed || !req.complete) return void res.destroy();
			answer = isHttpError(error)
				? { status: error.status, body: error.body }
				: {
						status: 500,
						body: {
							message: 'Internal Error',
							id: logUnexpected(`${req.method} ${endpoint.route}`, 500, error)
						}
					};
		}
		answered++;
		const text = JSON.stringify(answer.body);
		res.writeHead(answer.status, {
			...HEADERS,
			...answer.headers,
			'Content-Length': Buffer.byteLength(text)
		});
		res.end(text);
	}

	const handle: RequestHandler = (req, res, next) => {
		const taken = take(req, deps);
		if (!taken) return next();
		const { endpoint, params, cookies } = taken;
		const tokens = { auth: cookies.get(AUTH_COOKIE), guest: cookies.get(GUEST_COOKIE) };
		const identity = resolveIdentity(deps.db, tokens, deps.clock.now());
		// Cookies to renew or to clear: SvelteKit's hooks write them.
		if (Object.values(cookieUpkeep(tokens, identity)).some(Boolean)) return next();
		const locals: App.Locals = {
			actor: identity.actor,
			authSessionId: identity.session?.sessionId ?? null,
			guest: identity.guest
		};
		return serve(endpoint, params, locals, req, res, next);
	};

	return {
		handle,
		get answered() {
			return answered;
		}
	};
}

/** The endpoint an ordinary request is for, or null to leave it to SvelteKit. */
function take(req: IncomingMessage, deps: LiveApiDeps) {
	const method = req.method;
	if (method !== 'POST' && method !== 'PUT') return null;
	const url = ownUrl(req, deps);
	if (!url || url.pathname.includes('%')) return null;
	let endpoint: LiveEndpoint | undefined;
	let match: RegExpExecArray | null = null;
	for (const e of ENDPOINTS)
		if (e.method === method && (match = e.path.exec(url.pathname))) {
			endpoint = e;
			break;
		}
	if (!endpoint || !match) return null;
	const h = req.headers;
	// SvelteKit's crossSiteReason (hooks.server.ts) answers every other case.
	if (h.origin !== url.origin) return null;
	// SvelteKit answers a thrown error as JSON only when JSON is what the client prefers.
	if (h.accept !== '*/*' && h.accept !== 'application/json') return null;
	if (mediaTypeOf(h['content-type']) !== 'application/json') return null;
	if (h['transfer-encoding'] !== undefined) return null;
	const length = Number(h['content-length']);
	if (!Number.isSafeInteger(length) || length > MAX_BODY_BYTES) return null;
	const params = Object.fromEntries(endpoint.params.map((name, i) => [name, match[i + 1]!]));
	return { endpoint, params, cookies: parseCookies(h.cookie) };
}

/**
 * The request's URL as SvelteKit's adapter builds it (ORIGIN, else plain http and
 * the Host header); null behind a proxy or when it does not parse.
 */
function ownUrl(req: IncomingMessage, deps: LiveApiDeps): URL | null {
	if (deps.trustProxy && !deps.origin) return null;
	const base = deps.origin ?? (req.headers.host ? `http://${req.headers.host}` : null);
	if (!base || !req.url?.startsWith('/')) return null;
	try {
		return new URL(base + req.url);
	} catch {
		return null;
	}
}

/** The body as `readJson` reads it: 400 for bytes that are not UTF-8 or text that is not JSON. */
function readJsonBody(req: IncomingMessage): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.once('error', reject);
		// A client gone before its body ended: settled, so nothing waits for it.
		req.once('close', () => {
			if (!req.complete) reject(new Error('request aborted'));
		});
		req.once('end', () => {
			try {
				resolve(parseJsonText(decodeUtf8(Buffer.concat(chunks))));
			} catch (error) {
				reject(error);
			}
		});
	});
}
