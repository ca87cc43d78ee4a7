// The few calls of our JSON API (docs/API.md) the benchmark needs to set up a
// workshop the way people do: the UdP logs in and opens boards, participants
// join with the code, the facilitator changes phase.

const ADMIN = { email: 'admin@demo.local', password: 'tavoli-demo' };

/** @param {string} origin */
export function tavoliApi(origin) {
	/** @param {string} path @param {{ method?: string; cookie?: string; body?: unknown }} [options] */
	async function call(path, { method = 'GET', cookie = '', body } = {}) {
		const send = () =>
			fetch(`${origin}${path}`, {
				method,
				headers: { 'content-type': 'application/json', origin, cookie },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
		let response = await send();
		// The cost curve joins up to 1,250 people from one address, past the
		// burst SPEC J9 allows one venue; wait as the server asks, like a browser retrying.
		for (let tries = 0; response.status === 429 && tries < 30; tries++) {
			await response.arrayBuffer();
			const seconds = Number(response.headers.get('retry-after') ?? 1) || 1;
			await new Promise((r) => setTimeout(r, seconds * 1000));
			response = await send();
		}
		if (!response.ok)
			throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
		const setCookie = response.headers.get('set-cookie');
		return {
			json: /** @type {any} */ (await response.json()),
			cookie: setCookie?.split(';')[0] ?? ''
		};
	}

	return {
		/** @returns {Promise<string>} the UdP's session cookie */
		loginAdmin: async () => (await call('/api/session', { method: 'POST', body: ADMIN })).cookie,
		/** @param {string} cookie @returns {Promise<{ id: number }[]>} */
		meetings: async (cookie) => (await call('/api/meetings', { cookie })).json,
		/** @param {string} cookie @param {number} meetingId @returns {Promise<{ boardId: string; joinCode: string }>} */
		openBoard: async (cookie, meetingId) =>
			(await call(`/api/meetings/${meetingId}/board`, { method: 'POST', cookie })).json,
		/**
		 * @param {string} code @param {string} name @param {string} organization
		 * @returns {Promise<{ cookie: string; participantId: string }>}
		 */
		join: async (code, name, organization) => {
			const body = { code, name, organization, consent: true };
			const { json, cookie } = await call('/api/join', { method: 'POST', body });
			return { cookie, participantId: json.participantId };
		},
		/** @param {string} cookie @param {string} path @param {unknown} body @returns {Promise<any>} */
		post: async (cookie, path, body) => (await call(path, { method: 'POST', cookie, body })).json,
		/** @param {string} cookie @param {string} boardId @param {string} command @param {unknown} body */
		command: async (cookie, boardId, command, body) => {
			await call(`/api/boards/${boardId}/commands/${command}`, { method: 'POST', cookie, body });
		}
	};
}

/** @typedef {ReturnType<typeof tavoliApi>} TavoliApi */

const firstNames = [
	'Giulia',
	'Marco',
	'Sara',
	'Luca',
	'Chiara',
	'Paolo',
	'Elena',
	'Davide',
	'Anna',
	'Matteo'
];
const lastNames = [
	'Rossi',
	'Bianchi',
	'Colombo',
	'Ferrari',
	'Ricci',
	'Bruno',
	'Galli',
	'Conti',
	'Moretti',
	'Fontana'
];
const organizations = [
	'Cooperativa Il Ponte',
	'Comune di Seriate',
	'ASST Bergamo Est',
	'Associazione Genitori Insieme',
	'Caritas parrocchiale',
	''
];

/** A plausible participant for the foglio firme. @param {number} i */
export function personOf(i) {
	const name = `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / 10) % lastNames.length]} ${i}`;
	return { name, organization: organizations[i % organizations.length] ?? '' };
}
