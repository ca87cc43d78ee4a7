// The workshop traffic of the benchmark as plain data: for each client a list of
// timed actions, derived from a seed, so the same traffic runs against our server
// and the reference. Pure: no sockets, no documents, no clock.

/** @typedef {import('../../src/lib/board/board').CardKind} CardKind */
/** @typedef {import('../../src/lib/board/board-doc').BoardMeta} BoardMeta */

/**
 * @typedef {{ at: number } & (
 *   | { kind: 'create'; cardId: string; cardKind: CardKind; text: string }
 *   | { kind: 'type'; cardId: string; text: string }
 *   | { kind: 'presence'; field: 'typing' | 'view'; value: string | false }
 *   | { kind: 'move'; cardPick: number; clusterPick: number }
 *   | { kind: 'cluster'; clusterId: string; title: string }
 *   | { kind: 'meta'; meta: Partial<BoardMeta> }
 *   | { kind: 'replay'; index: number }
 * )} Action
 * `at` is in ms from the start of the traffic; `type` carries the card's whole
 * text after the edit (what the client's text field holds), so a burst of typed
 * characters and a correction are both one `setCardText`.
 */

/**
 * How a compressed workshop runs, as fractions of its duration: participants
 * write until `collectEnd`; the facilitator opens clustering at `clusterOpen`;
 * cards move between `clusterStart` and `clusterEnd`; voting starts at `close`.
 */
export const session = {
	collectEnd: 0.68,
	clusterOpen: 0.7,
	clusterStart: 0.73,
	clusterEnd: 0.93,
	close: 0.96
};

/** 15 minutes of brainstorm, whatever the duration it is compressed into. */
export const REAL_SESSION_MS = 15 * 60_000;

/** @param {number} seed @returns {() => number} a PRNG in [0, 1) (mulberry32) */
export function random(seed) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

const phrases = [
	'Mancano trasporti per gli anziani che vivono nelle frazioni',
	'I caregiver familiari non sanno a chi chiedere aiuto la sera',
	'Liste di attesa lunghe per il centro diurno disabili',
	'Lo sportello unico è aperto solo due mattine a settimana',
	'Le famiglie con bambini piccoli cercano posti al nido',
	'La rete del volontariato può accompagnare alle visite',
	'Servono orari più ampi per il servizio di assistenza domiciliare',
	'I giovani NEET non arrivano ai servizi per il lavoro',
	'Un punto di ascolto nelle scuole medie per i ragazzi',
	'Le case popolari sfitte potrebbero ospitare progetti di coabitazione',
	'Chi ha una disabilità lieve resta senza progetto dopo la scuola',
	'Le badanti straniere non conoscono i servizi del territorio',
	'Un tavolo comune tra ASST e comuni sulle dimissioni protette',
	'Corsi di italiano per le madri con i figli piccoli',
	'La biblioteca può diventare uno spazio per i compiti pomeridiani',
	'Come raggiungiamo le persone sole che non chiedono nulla?',
	'Dati condivisi tra comuni per vedere i bisogni per tempo',
	'Il trasporto sociale costa troppo per i comuni piccoli'
];
const kinds = /** @type {CardKind[]} */ (['need', 'problem', 'resource', 'proposal', 'question']);
const clusterTitles = [
	'Trasporti e mobilità',
	'Casa e abitare',
	'Lavoro e inclusione',
	'Caregiver e famiglie',
	'Giovani e scuola',
	'Accesso ai servizi',
	'Disabilità',
	'Rete e dati'
];

/** @param {() => number} rand @param {readonly T[]} list @template T */
function pick(rand, list) {
	return /** @type {T} */ (list[Math.floor(rand() * list.length)]);
}

/**
 * The edits of one card as a person types it: bursts of about two words at
 * 3–5 characters a second, with pauses and the odd correction, in compressed
 * time (`speedup` times faster than real). Times are relative to the first edit.
 * @param {() => number} rand @param {string} text @param {number} speedup
 * @returns {{ at: number; text: string }[]}
 */
export function typingOf(rand, text, speedup) {
	const words = text.split(/(?<= )/);
	const cps = 3 + rand() * 2;
	/** @type {{ at: number; text: string }[]} */
	const edits = [];
	let typed = '';
	let at = 0;
	for (let i = 0; i < words.length; i++) {
		let burst = words[i] ?? '';
		while (rand() < 0.55 && i + 1 < words.length) burst += words[++i];
		at += (burst.length / cps) * (1000 / speedup);
		if (rand() < 0.15) at += (1000 + rand() * 3000) / speedup;
		if (rand() < 0.08 && typed.length > 3) {
			const cut = 1 + Math.floor(rand() * 3);
			edits.push({ at, text: typed.slice(0, -cut) });
			at += (cut / cps) * (1000 / speedup);
			edits.push({ at, text: typed });
		}
		typed += burst;
		edits.push({ at, text: typed });
	}
	return edits;
}

/** How many cards a participant writes: a quarter none, most one or two. @param {number} r */
const cardsFor = (r) => (r < 0.25 ? 0 : r < 0.6 ? 1 : r < 0.85 ? 2 : 3);
/** How many cards a participant moves: most leave clustering to a few. @param {number} r */
const movesFor = (r) => (r < 0.7 ? 0 : r < 0.9 ? 1 : 3);

/**
 * A participant's actions: 0–3 cards spread over the collecting part, each
 * announced in presence and typed in bursts; then 0–3 card moves while clustering.
 * @param {number} seed @param {number} clientId @param {number} durationMs
 * @returns {Action[]}
 */
export function participantScript(seed, clientId, durationMs) {
	const rand = random(seed * 7919 + clientId);
	const speedup = REAL_SESSION_MS / durationMs;
	/** @type {Action[]} */
	const actions = [];
	const cards = cardsFor(rand());
	const slot = (session.collectEnd * durationMs) / Math.max(cards, 1);
	for (let n = 0; n < cards; n++) {
		const cardId = `k${seed}-${clientId}-${n}`;
		const text =
			rand() < 0.4 ? `${pick(rand, phrases)}. ${pick(rand, phrases)}` : pick(rand, phrases);
		const edits = typingOf(rand, text, speedup);
		const length = edits.at(-1)?.at ?? 0;
		const start = n * slot + rand() * Math.max(0, slot - length - 50);
		const [first, ...rest] = edits;
		actions.push({ at: start, kind: 'presence', field: 'typing', value: cardId });
		actions.push({
			at: start,
			kind: 'create',
			cardId,
			cardKind: pick(rand, kinds),
			text: first?.text ?? ''
		});
		for (const e of rest) actions.push({ at: start + e.at, kind: 'type', cardId, text: e.text });
		actions.push({ at: start + length + 20, kind: 'presence', field: 'typing', value: false });
	}
	const moves = movesFor(rand());
	for (let m = 0; m < moves; m++) {
		const at =
			durationMs * (session.clusterStart + rand() * (session.clusterEnd - session.clusterStart));
		actions.push({ at, kind: 'move', cardPick: rand(), clusterPick: rand() });
	}
	return actions.sort((a, b) => a.at - b.at);
}

/**
 * The facilitator's actions: the clusters when clustering opens, a dozen moves,
 * and — only where no server mirrors the settings (`metaInDoc`, the reference) —
 * the phase changes written into the document itself.
 * @param {number} seed @param {number} durationMs @param {boolean} metaInDoc
 * @returns {Action[]}
 */
export function facilitatorScript(seed, durationMs, metaInDoc) {
	const rand = random(seed * 104729);
	/** @type {Action[]} */
	const actions = clusterTitles.map((title, i) => ({
		at: durationMs * session.clusterStart - 400 + i * 40,
		kind: /** @type {const} */ ('cluster'),
		clusterId: `g${seed}-${i}`,
		title
	}));
	for (let m = 0; m < 12; m++) {
		const at =
			durationMs * (session.clusterStart + rand() * (session.clusterEnd - session.clusterStart));
		actions.push({ at, kind: 'move', cardPick: rand(), clusterPick: rand() });
	}
	if (metaInDoc) {
		actions.push({
			at: durationMs * session.clusterOpen,
			kind: 'meta',
			meta: { participantsCanCluster: true, phase: 'cluster' }
		});
		actions.push({ at: durationMs * session.close, kind: 'meta', meta: { phase: 'vote' } });
	}
	return actions.sort((a, b) => a.at - b.at);
}

/**
 * A writer that fills the cold board: `cards` cards, each created and then
 * typed in `editsPerCard - 1` more edits, one action every `intervalMs`.
 * @param {number} seed @param {number} writer @param {{ cards: number; editsPerCard: number; intervalMs: number }} plan
 * @returns {Action[]}
 */
export function writerScript(seed, writer, { cards, editsPerCard, intervalMs }) {
	const rand = random(seed * 15485863 + writer);
	/** @type {Action[]} */
	const actions = [];
	for (let n = 0; n < cards; n++) {
		const cardId = `w${seed}-${writer}-${n}`;
		const text = `${pick(rand, phrases)}. ${pick(rand, phrases)}`;
		const upTo = (/** @type {number} */ e) =>
			text.slice(0, Math.round((text.length * e) / editsPerCard));
		const at = () => actions.length * intervalMs;
		actions.push({ at: at(), kind: 'create', cardId, cardKind: pick(rand, kinds), text: upTo(1) });
		for (let e = 2; e <= editsPerCard; e++)
			actions.push({ at: at(), kind: 'type', cardId, text: upTo(e) });
	}
	return actions;
}

/** @param {number} count @param {number} intervalMs @returns {Action[]} replays recorded updates at a steady pace */
export function replayScript(count, intervalMs) {
	return Array.from({ length: count }, (_, index) => ({
		at: index * intervalMs,
		kind: /** @type {const} */ ('replay'),
		index
	}));
}
