/**
 * A Cookie header as SvelteKit reads it (the `cookie` package's `parse`): the
 * first of two cookies of one name wins, quotes around a value are dropped, and a
 * value with `%` is URL-decoded unless that fails (then it is kept as sent). The
 * websocket upgrade and the live path read sessions with it, so a request names
 * the same session on every path, and no header makes a path throw.
 */
export function parseCookies(header: string | undefined): Map<string, string> {
	const cookies = new Map<string, string>();
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		const name = part.slice(0, eq).trim();
		if (!name || cookies.has(name)) continue;
		let value = part.slice(eq + 1).trim();
		if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
			value = value.slice(1, -1);
		cookies.set(name, value.includes('%') ? tryDecode(value) : value);
	}
	return cookies;
}

function tryDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
