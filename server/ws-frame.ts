/**
 * A room sends the same message to every socket of its board: 149 copies of
 * each update in a plenary. `ws.send` frames it anew for each (a header
 * buffer, an options object, two writes through the stream's `writev`), so
 * the message is framed once here and the frame written as it is to each
 * socket. Only for a server whose `WebSocketServer` negotiates no extension
 * (no permessage-deflate: ws's default), whose frames are plain.
 */

/** FIN and the binary opcode: a whole binary message in one frame. */
const FIN_BINARY = 0x82;

/**
 * One unmasked binary frame carrying `data` (RFC 6455 §5.2), as ws's own
 * `Sender.frame` builds it for a server; the payload is copied in, so one
 * write sends it.
 */
export function binaryFrame(data: Uint8Array): Buffer {
	const length = data.byteLength;
	const head = length < 126 ? 2 : length < 65536 ? 4 : 10;
	const frame = Buffer.allocUnsafe(head + length);
	frame[0] = FIN_BINARY;
	if (length < 126) frame[1] = length;
	else if (length < 65536) {
		frame[1] = 126;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeBigUInt64BE(BigInt(length), 2);
	}
	frame.set(data, head);
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
