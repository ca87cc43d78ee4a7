// The socket every benchmark client uses: the `ws` WebSocket, with the session
// cookie and our Origin when there is a cookie (our server checks both in the
// upgrade), plain for the reference.
import WebSocket from 'ws';

/**
 * The `ws` WebSocket, carrying a session cookie and our Origin when there is a
 * cookie (our server checks both in the upgrade); plain for the reference.
 * @param {string | null} cookie @param {string} origin @returns {typeof globalThis.WebSocket}
 */
export function socketClass(cookie, origin) {
	if (!cookie)
		return /** @type {typeof globalThis.WebSocket} */ (/** @type {unknown} */ (WebSocket));
	const headers = { cookie, origin };
	class HeaderSocket extends WebSocket {
		/** @param {string} url @param {string | string[]} [protocols] */
		constructor(url, protocols) {
			super(url, protocols, { headers });
		}
	}
	return /** @type {typeof globalThis.WebSocket} */ (/** @type {unknown} */ (HeaderSocket));
}
