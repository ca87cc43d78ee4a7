/**
 * What text Tavoli accepts from anyone: well-formed Unicode without control
 * characters, stored in NFC. Tab, line feed and carriage return are the only
 * controls a person types; the rest (NUL, vertical tab, escape, C1…) cut
 * documents short (the verbale DOCX stopped at a NUL) or hide text. A lone
 * surrogate is half a character: it cannot be encoded as UTF-8 and turns into
 * U+FFFD somewhere downstream.
 *
 * The HTTP readers (server/read-json.ts, server/request-guard.ts) apply this to
 * every body; the board's card policy to every text a sync update inserts.
 */
export type TextFault = 'control-character' | 'lone-surrogate' | 'noncharacter';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as CONTROL
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** With the u flag a well-formed pair is one code point, so this matches only halves. */
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * U+FFFE, U+FFFF and the other code points Unicode keeps out of interchange:
 * XML 1.0 forbids the first two, so one in a card made the verbale DOCX and the
 * plan XLSX files that Word and LibreOffice refuse to open.
 */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
const NONCHARACTER_ALL = /\p{Noncharacter_Code_Point}/gu;

export function textFault(text: string): TextFault | null {
	if (CONTROL.test(text)) return 'control-character';
	if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
	if (NONCHARACTER.test(text)) return 'noncharacter';
	return null;
}

export const FAULT_DETAIL: Record<TextFault, string> = {
	'control-character': 'control characters other than tab and line breaks are not allowed',
	'lone-surrogate': 'a lone surrogate is not valid Unicode',
	noncharacter: 'noncharacters such as U+FFFF are not allowed'
};

/**
 * What a person's pasted text becomes before a client writes it to a shared
 * document, which the server would refuse whole: controls dropped (Word's line
 * break is a vertical tab: it becomes a line feed), NFC.
 */
export function typedText(text: string): string {
	return normalizeText(
		text.replaceAll('\u000B', '\n').replace(CONTROL_ALL, '').replace(NONCHARACTER_ALL, '')
	);
}

/** Text in one canonical form, so "è" typed two ways is one string. */
export function normalizeText(text: string): string {
	return text.normalize('NFC');
}

/** The deepest nesting a request body may have: our documents need 6. */
export const MAX_JSON_DEPTH = 32;

/**
 * Names no body of ours uses and that JavaScript gives a meaning: read from a
 * plain object or written to one, they reach Object.prototype instead of a
 * field (a `__proto__` field slipped past the unknown-field check, a
 * `constructor` command answered 500). Refused as keys and field names at the
 * edge, so no code further in has to remember them.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isReservedKey(key: string): boolean {
	return RESERVED_KEYS.has(key);
}

export type CleanJson =
	| { ok: true; value: unknown }
	| { ok: false; fault: TextFault | 'too-deep' | 'reserved-key'; path: string; detail: string };

/**
 * A parsed JSON value with every string (keys too) checked and normalised,
 * walked without recursion so a body nested thousands deep is refused rather
 * than overflowing the stack.
 */
export function cleanJson(root: unknown): CleanJson {
	type Frame = { value: unknown; path: string; depth: number; set: (v: unknown) => void };
	let result: unknown;
	const stack: Frame[] = [{ value: root, path: '', depth: 0, set: (v) => (result = v) }];
	while (stack.length > 0) {
		const { value, path, depth, set } = stack.pop()!;
		if (typeof value === 'string') {
			const fault = textFault(value);
			if (fault) return { ok: false, fault, path: path || '(body)', detail: FAULT_DETAIL[fault] };
			set(normalizeText(value));
			continue;
		}
		if (value === null || typeof value !== 'object') {
			set(value);
			continue;
		}
		if (depth >= MAX_JSON_DEPTH)
			return {
				ok: false,
				fault: 'too-deep',
				path: path || '(body)',
				detail: `nested deeper than ${MAX_JSON_DEPTH}`
			};
		if (Array.isArray(value)) {
			const copy: unknown[] = new Array<unknown>(value.length);
			set(copy);
			value.forEach((item, i) =>
				stack.push({
					value: item,
					path: `${path}[${i}]`,
					depth: depth + 1,
					set: (v) => (copy[i] = v)
				})
			);
			continue;
		}
		const copy: Record<string, unknown> = {};
		set(copy);
		for (const [key, item] of Object.entries(value)) {
			const fault = textFault(key);
			if (fault) return { ok: false, fault, path: `${path}{key}`, detail: FAULT_DETAIL[fault] };
			const clean = normalizeText(key);
			const at = path ? `${path}.${clean}` : clean;
			if (isReservedKey(clean))
				return {
					ok: false,
					fault: 'reserved-key',
					path: at,
					detail: `"${clean}" is not a field name`
				};
			stack.push({ value: item, path: at, depth: depth + 1, set: (v) => (copy[clean] = v) });
		}
	}
	return { ok: true, value: result };
}
