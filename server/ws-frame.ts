import type { Duplex } from 'node:stream';

/**
 * A room sends the same message to every socket of its board: 149 copies of
 * each update in a plenary. `ws.send` frames it anew for each (a header
 * buffer, an options object, two writes through the stream's `writev`), so
 * the message is framed once here and the frame written as it is to each
 * socket. Only for a server whose `WebSocketServer` negotiates no extension
 * (no permessage-deflate), whose frames are plain.
 */

/** FIN and the binary opcode: a whole binary message in one frame. */
const FIN_BINARY = 0x82;

/**
 * Above this a payload is not copied into its frame: a newcomer's whole
 * board (hundreds of KB, sent to one socket) goes out as header and payload.
 */
const COPY_MAX_BYTES = 64 * 1024;

/** The header of an unmasked binary frame of `length` bytes (RFC 6455 §5.2), as a server sends it. */
function frameHeader(length: number, extra = 0): Buffer {
	const size = length < 126 ? 2 : length < 65536 ? 4 : 10;
	const header = Buffer.allocUnsafe(size + extra);
	header[0] = FIN_BINARY;
	if (length < 126) header[1] = length;
	else if (length < 65536) {
		header[1] = 126;
		header.writeUInt16BE(length, 2);
	} else {
		header[1] = 127;
		header.writeBigUInt64BE(BigInt(length), 2);
	}
	return header;
}

/**
 * One binary frame carrying `data`, as ws's own `Sender.frame` builds it for
 * a server; the payload is copied in, so one write sends it.
 */
export function binaryFrame(data: Uint8Array): Buffer {
	const frame = frameHeader(data.byteLength, data.byteLength);
	frame.set(data, frame.byteLength - data.byteLength);
	return frame;
}

/** Frames by message: a message sent to many sockets is framed once. */
const frames = new WeakMap<Uint8Array, Buffer>();

/**
 * The frame of `data`, built on its first send and kept while the message lives
 * (a room's messages are never changed once built: `src/lib/sync/protocol.ts`).
 */
export function frameOf(data: Uint8Array): Buffer {
	let frame = frames.get(data);
	if (!frame) {
		frame = binaryFrame(data);
		frames.set(data, frame);
	}
	return frame;
}

/**
 * Writes `data` as one binary frame to the socket a `WebSocket` reads and
 * writes: a small message's frame once for all its sockets, a large one's
 * header before the payload itself, in one write either way.
 */
export function writeFrame(socket: Duplex, data: Uint8Array): void {
	if (data.byteLength <= COPY_MAX_BYTES) {
		socket.write(frameOf(data));
		return;
	}
	socket.cork();
	socket.write(frameHeader(data.byteLength));
	socket.write(data);
	socket.uncork();
}
