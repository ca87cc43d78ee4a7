/** Headers every answer carries, from SvelteKit (hooks.server.ts) or the live path (server/live-api.ts). */
export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY'
} as const;

/** An answer to someone with a session (an account or a guest) is never cached. */
export const SESSION_CACHE_CONTROL = 'private, no-store';
