import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Refusal } from './policy';

/**
 * The y-websocket wire protocol (the same bytes as @y/websocket-server, so a
 * stock WebsocketProvider syncs with us), our one addition (ping) and our close
 * codes. Nothing else.
 */
export const MessageType = {
	sync: 0,
	awareness: 1,
	auth: 2,
	queryAwareness: 3,
	/**
	 * Ours: the server answers with the same byte once everything the connection
	 * sent before it is applied and stored. Far from the stock types, so a new
	 * one cannot collide. A sync step 1 would do, but its answer carries the
	 * whole delete set (~10 KB on a board of 2,000 cards) once a second.
	 */
	ping: 100,
	/**
	 * Ours, server to client only: news of state kept outside the document (a
	 * round revealed, a participant's waiting cards), as one JSON value. The
	 * server picks the connections that may hear it; a stock client ignores it.
	 */
	signal: 101
} as const;
export const SyncStep = {
	step1: syncProtocol.messageYjsSyncStep1,
	step2: syncProtocol.messageYjsSyncStep2,
	update: syncProtocol.messageYjsUpdate
} as const;

/** Why the server closed a sync connection. 4000-4999 is the application range. */
export const CloseCode = {
	malformed: 4400,
	removed: 4401,
	refused: 4403,
	/** The participant opened the board on more sockets than allowed; the oldest goes. */
	superseded: 4408,
	clientIdTaken: 4409,
	boardClosed: 4410,
	/** The facilitator merged the participant's line into another: reloading signs in as that one. */
	merged: 4411,
	tooLarge: 4413,
	/** A bound: updates or pings per second, cards per phase, clusters per board. */
	tooMany: 4429,
	serverStopping: 1001,
	/** A bug on the server while handling the connection (logged); the client reconnects. */
	internal: 1011
} as const;

/** Reason → close code: the one mapping from a refused update to the socket. */
export const closeCodeOf: Record<Refusal, number> = {
	'too-large': CloseCode.tooLarge,
	malformed: CloseCode.malformed,
	'client-id-taken': CloseCode.clientIdTaken,
	'too-many': CloseCode.tooMany,
	observer: CloseCode.refused,
	'server-only': CloseCode.refused,
	'unknown-location': CloseCode.refused,
	'bad-value': CloseCode.refused,
	'not-allowed': CloseCode.refused,
	'not-own-item': CloseCode.refused
};

/** A sync message: a step (1, 2 or update) around its payload. */
function syncMessage(step: number, payload: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MessageType.sync);
	encoding.writeVarUint(e, step);
	encoding.writeVarUint8Array(e, payload);
	return encoding.toUint8Array(e);
}

export const syncStep1Message = (stateVector: Uint8Array) =>
	syncMessage(SyncStep.step1, stateVector);
export const syncStep2Message = (update: Uint8Array) => syncMessage(SyncStep.step2, update);
export const updateMessage = (update: Uint8Array) => syncMessage(SyncStep.update, update);

/** A ping, and the server's answer to it: the message type alone (a varuint below 128: one byte). */
export function pingMessage(): Uint8Array<ArrayBuffer> {
	return Uint8Array.of(MessageType.ping);
}

/** A signal: the message type and its JSON payload (see MessageType.signal). */
export function signalMessage(payload: unknown): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MessageType.signal);
	encoding.writeVarString(e, JSON.stringify(payload));
	return encoding.toUint8Array(e);
}

/** The payload of a signal, read after its type; throws on bytes that are not one. */
export function readSignal(decoder: decoding.Decoder): unknown {
	return JSON.parse(decoding.readVarString(decoder)) as unknown;
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, MessageType.awareness);
	encoding.writeVarUint8Array(e, update);
	return encoding.toUint8Array(e);
}

export type IncomingMessage =
	| { type: 'step1'; stateVector: Uint8Array }
	| { type: 'update'; update: Uint8Array }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' }
	| { type: 'ping' };

/** Reads one client message; throws on bytes that are not a known message. */
export function readMessage(data: Uint8Array): IncomingMessage {
	const d = decoding.createDecoder(data);
	const type = decoding.readVarUint(d);
	if (type === MessageType.sync) {
		const step = decoding.readVarUint(d);
		const payload = decoding.readVarUint8Array(d);
		if (step === SyncStep.step1) return { type: 'step1', stateVector: payload };
		if (step === SyncStep.step2 || step === SyncStep.update)
			return { type: 'update', update: payload };
		throw new Error(`unknown sync step ${step}`);
	}
	if (type === MessageType.awareness)
		return { type: 'awareness', update: decoding.readVarUint8Array(d) };
	if (type === MessageType.queryAwareness) return { type: 'query-awareness' };
	if (type === MessageType.ping) {
		// One byte and nothing else: bytes after it are not a ping we know.
		if (decoding.hasContent(d)) throw new Error('a ping carries nothing');
		return { type: 'ping' };
	}
	throw new Error(`unknown message type ${type}`);
}

export interface AwarenessEntry {
	clientId: number;
	clock: number;
	state: Record<string, unknown> | null;
}

/**
 * Reads a presence message, parsing the state of the entries `wanted` accepts
 * only. A stock client re-sends every presence it sees, so a newcomer to a room
 * of 150 sends 150 entries at once: the others are skipped unread, never a
 * reason to refuse (the frame size bounds the message). Throws on bad bytes.
 */
export function decodeAwareness(
	update: Uint8Array,
	wanted: (clientId: number) => boolean,
	maxEntries = Infinity
): AwarenessEntry[] {
	const d = decoding.createDecoder(update);
	const count = decoding.readVarUint(d);
	if (count > maxEntries) throw new Error(`more than ${maxEntries} presence entries`);
	const entries: AwarenessEntry[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(d);
		const clock = decoding.readVarUint(d);
		const json = decoding.readVarString(d);
		if (!wanted(clientId)) continue;
		const state = JSON.parse(json) as unknown;
		if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
			throw new Error('awareness state is not an object');
		entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
	}
	return entries;
}

export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
	const e = encoding.createEncoder();
	encoding.writeVarUint(e, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(e, entry.clientId);
		encoding.writeVarUint(e, entry.clock);
		encoding.writeVarString(e, JSON.stringify(entry.state));
	}
	return encoding.toUint8Array(e);
}

/** A state vector that names no client: the sender's document is empty. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
	try {
		return Y.decodeStateVector(stateVector).size === 0;
	} catch {
		return false;
	}
}
