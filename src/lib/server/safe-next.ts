/** A local path to go back to after a form, never another site (no open redirect). */
export function safeNext(next: unknown, fallback = '/'): string {
	return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : fallback;
}
