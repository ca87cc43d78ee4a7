import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { readJson } from './read-json';
import { crossSiteReason, guardFormData } from './request-guard';

const own = 'http://127.0.0.1:4173';

function request(method: string, headers: Record<string, string> = {}, body?: BodyInit) {
	return new Request(`${own}/api/x`, { method, headers, body });
}

/** The status of the HttpError a promise rejects with (or of its non-HTTP failure: 500). */
async function statusOf(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
	try {
		await promise;
	} catch (e) {
		if (isHttpError(e)) return { status: e.status, message: e.body.message };
		return { status: 500, message: String(e) };
	}
	return { status: 200, message: '' };
}

/** A body whose stream fails the way adapter-node's does over BODY_SIZE_LIMIT. */
function oversizeBody(): ReadableStream<Uint8Array> {
	const tooLarge = Object.assign(
		new Error('Content-length of 600000 exceeds limit of 524288 bytes.'),
		{
			status: 413
		}
	);
	return new ReadableStream({ start: (controller) => controller.error(tooLarge) });
}

function streamed(type: string): Request {
	return new Request(`${own}/x`, {
		method: 'POST',
		headers: { 'content-type': type },
		body: oversizeBody(),
		duplex: 'half'
	} as RequestInit);
}

describe('crossSiteReason', () => {
	it.each(['GET', 'HEAD', 'OPTIONS'])('lets a %s through without Origin', (method) => {
		expect(crossSiteReason(request(method), own)).toBeNull();
	});

	it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('lets a same-origin %s through', (method) => {
		expect(crossSiteReason(request(method, { origin: own }), own)).toBeNull();
	});

	it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses a %s from another site', (method) => {
		const reason = crossSiteReason(request(method, { origin: 'https://evil.example' }), own);
		expect(reason).toContain('https://evil.example');
	});

	it('refuses another port or scheme of the same host, and the opaque origin "null"', () => {
		for (const origin of ['http://127.0.0.1:9999', 'https://127.0.0.1:4173', 'null']) {
			expect(crossSiteReason(request('POST', { origin }), own)).not.toBeNull();
		}
	});

	it('refuses a request with neither Origin nor Sec-Fetch-Site', () => {
		expect(crossSiteReason(request('POST'), own)).toMatch(/Origin header missing/);
	});

	it('trusts a browser that marks the request same-origin without Origin, and nothing else', () => {
		expect(crossSiteReason(request('POST', { 'sec-fetch-site': 'same-origin' }), own)).toBeNull();
		for (const site of ['same-site', 'cross-site', 'none']) {
			expect(crossSiteReason(request('POST', { 'sec-fetch-site': site }), own)).not.toBeNull();
		}
		const forged = { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' };
		expect(crossSiteReason(request('POST', forged), own)).not.toBeNull();
	});
});

describe('readJson', () => {
	it('reads application/json, with or without parameters', async () => {
		const plain = request('POST', { 'content-type': 'application/json' }, '{"a":1}');
		expect(await readJson(plain)).toEqual({ a: 1 });
		const charset = request('POST', { 'content-type': 'Application/JSON; charset=utf-8' }, '[]');
		expect(await readJson(charset)).toEqual([]);
	});

	it('answers 415 for JSON sent as text/plain, another type or none', async () => {
		for (const type of [
			'text/plain',
			'text/plain; charset=application/json',
			'application/jsonx',
			null
		]) {
			// A Blob without a type leaves the Content-Type out (a string would make it text/plain).
			const headers: Record<string, string> = type ? { 'content-type': type } : {};
			const body = new Blob(['{}']);
			const { status, message } = await statusOf(readJson(request('POST', headers, body)));
			expect(status).toBe(415);
			expect(message).toMatch(/must be application\/json/);
		}
	});

	it('answers 413 when the body is over the size limit, 400 when it is malformed', async () => {
		const large = await statusOf(readJson(streamed('application/json')));
		expect(large.status).toBe(413);
		expect(large.message).toMatch(/too large.*524288/);
		const broken = request('POST', { 'content-type': 'application/json' }, '{"a":');
		expect((await statusOf(readJson(broken))).status).toBe(400);
	});
});

describe('guardFormData', () => {
	function guarded(req: Request): Request {
		guardFormData(req);
		return req;
	}

	it('reads url-encoded and multipart forms as before', async () => {
		const encoded = guarded(
			request('POST', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1')
		);
		expect((await encoded.formData()).get('a')).toBe('1');
		const form = new FormData();
		form.set('b', '2');
		expect((await guarded(request('POST', {}, form)).formData()).get('b')).toBe('2');
	});

	it('answers 415 for a form posted as text/plain or without a type', async () => {
		const text = guarded(request('POST', { 'content-type': 'text/plain' }, 'a=1'));
		const { status, message } = await statusOf(text.formData());
		expect(status).toBe(415);
		expect(message).toMatch(/not text\/plain/);
		expect((await statusOf(guarded(request('POST')).formData())).status).toBe(415);
	});

	it('answers 400 for a multipart body that does not parse, 413 over the limit', async () => {
		const broken = guarded(
			request('POST', { 'content-type': 'multipart/form-data; boundary=x' }, 'garbage')
		);
		expect((await statusOf(broken.formData())).status).toBe(400);
		const large = guarded(streamed('application/x-www-form-urlencoded'));
		expect((await statusOf(large.formData())).status).toBe(413);
	});
});

describe('text in bodies', () => {
	const jsonRequest = (body: BodyInit) =>
		request('POST', { 'content-type': 'application/json' }, body);
	const formRequest = (body: BodyInit, type = 'application/x-www-form-urlencoded') => {
		const req = request('POST', { 'content-type': type }, body);
		guardFormData(req);
		return req;
	};

	it('normalises JSON strings and keys to NFC', async () => {
		const value = await readJson(jsonRequest('{"cafe\\u0301":"e\\u0301","a":[{"b":"x"}]}'));
		expect(value).toEqual({ café: 'é', a: [{ b: 'x' }] });
	});

	it.each(['__proto__', 'constructor', 'prototype'])(
		'refuses a key named %s at any depth (400, names where)',
		async (key) => {
			const { status, message } = await statusOf(readJson(jsonRequest(`{"a":[{"${key}":{}}]}`)));
			expect(status).toBe(400);
			expect(message).toContain(`a[0].${key}`);
		}
	);

	it.each([
		['NUL', '{"name":"a\\u0000b"}', /name: control characters/],
		['vertical tab in a key', '{"a\\u000bb":1}', /control characters/],
		['C1 control deep in an array', '{"a":[1,["\\u0085"]]}', /a\[1\]\[0\]/],
		['lone high surrogate', '{"t":"\\ud800"}', /lone surrogate/],
		['lone low surrogate', '["x\\udc00y"]', /lone surrogate/],
		['noncharacter U+FFFF', '{"t":"a\\uffff"}', /noncharacter/],
		['noncharacter U+FFFE in a key', '{"\\ufffe":1}', /noncharacter/]
	])('refuses JSON with a %s (400, names where)', async (_, body, reason) => {
		const { status, message } = await statusOf(readJson(jsonRequest(body)));
		expect(status).toBe(400);
		expect(message).toMatch(reason);
	});

	it('keeps tabs, line breaks and well-formed pairs (emoji)', async () => {
		expect(await readJson(jsonRequest('["a\\tb\\r\\nc \\ud83d\\ude00"]'))).toEqual([
			'a\tb\r\nc 😀'
		]);
	});

	it('refuses a JSON body that is not UTF-8, and one nested too deep, without overflowing', async () => {
		const latin1 = jsonRequest(new Uint8Array([0x22, 0xe8, 0x22]));
		expect(await statusOf(readJson(latin1))).toEqual({
			status: 400,
			message: 'Body is not valid UTF-8'
		});
		for (const depth of [33, 100_000]) {
			const deep = '['.repeat(depth) + ']'.repeat(depth);
			const { status, message } = await statusOf(readJson(jsonRequest(deep)));
			expect(status).toBe(400);
			expect(message).toMatch(/nested deeper than 32|Malformed/);
		}
		const fine = '['.repeat(32) + ']'.repeat(32);
		expect((await statusOf(readJson(jsonRequest(fine)))).status).toBe(200);
	});

	it('normalises form text to NFC', async () => {
		const form = await formRequest('nome=Nicol%C3%B2&citt%C3%A0=Lodi+e%CC%80').formData();
		expect([...form]).toEqual([
			['nome', 'Nicolò'],
			['città', 'Lodi è']
		]);
	});

	it.each([
		['a raw byte that is not UTF-8', new Uint8Array([0x61, 0x3d, 0xe8])],
		['an escape that is not UTF-8', 'a=%E8'],
		['an encoded surrogate half', 'a=%ED%A0%80'],
		['a broken escape', 'a=%zz']
	])('refuses a urlencoded form with %s (400)', async (_, body) => {
		expect((await statusOf(formRequest(body).formData())).status).toBe(400);
	});

	it('refuses a multipart field the platform had to repair (U+FFFD)', async () => {
		const boundary = 'b0undary';
		const head = `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\n`;
		const body = new Uint8Array([
			...new TextEncoder().encode(head),
			0xe8,
			...new TextEncoder().encode(`\r\n--${boundary}--\r\n`)
		]);
		const req = formRequest(body, `multipart/form-data; boundary=${boundary}`);
		const { status, message } = await statusOf(req.formData());
		expect(status).toBe(400);
		expect(message).toMatch(/"a" is not valid UTF-8/);
	});

	it('keeps uploaded files as files', async () => {
		const sent = new FormData();
		sent.set('file', new File(['x,y'], 'righe.csv', { type: 'text/csv' }));
		const req = request('POST', {}, sent);
		guardFormData(req);
		const file = (await req.formData()).get('file');
		expect(file).toBeInstanceOf(File);
		expect((file as File).name).toBe('righe.csv');
	});
});
