import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, frameOf, writeFrame } from './ws-frame';

/** ws's own framing, the oracle (exported by ws, not by its types). */
const { Sender } = createRequire(import.meta.url)('ws') as {
	Sender: {
		frame(
			data: Buffer,
			options: { fin: boolean; rsv1: boolean; opcode: number; mask: boolean; readOnly: boolean }
		): Buffer[];
	};
};

/** Around each length boundary of the frame header (7 bits, 16 bits, 64 bits); the last goes through writeFrame uncopied. */
const LENGTHS = [0, 1, 125, 126, 127, 65_535, 65_536, 70_001, 70_002];

const payload = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);

describe('binaryFrame', () => {
	it.each(LENGTHS)('frames %i bytes as ws itself frames them for a server', (length) => {
		const data = payload(length);
		const theirs = Sender.frame(Buffer.from(data), {
			fin: true,
			rsv1: false,
			opcode: 2,
			mask: false,
			readOnly: false
		});
		expect(binaryFrame(data).equals(Buffer.concat(theirs))).toBe(true);
	});

	it('frames a view into a larger buffer by its own bytes only', () => {
		const whole = payload(300);
		const view = whole.subarray(100, 230);
		expect(binaryFrame(view).subarray(4).equals(Buffer.from(view))).toBe(true);
	});

	it.each([125, 65_535, 65_536, 65_537, 70_001])(
		'writes %i bytes as exactly that frame, copied in or not',
		async (length) => {
			const data = payload(length);
			const socket = new PassThrough();
			writeFrame(socket, data);
			socket.end();
			const written = Buffer.concat(await socket.toArray());
			expect(written.equals(binaryFrame(data))).toBe(true);
		}
	);

	it('frames a message once, however many sockets it goes to', () => {
		const data = payload(10);
		expect(frameOf(data)).toBe(frameOf(data));
		expect(frameOf(payload(10))).not.toBe(frameOf(data));
	});
});

describe('frames written straight to the socket', () => {
	let server: Server | undefined;
	afterEach(() => server?.close());

	it('reach a ws client whole and in order, between frames ws sends itself', async () => {
		server = createServer();
		const wss = new WebSocketServer({ server, perMessageDeflate: false });
		server.listen(0, '127.0.0.1');
		await once(server, 'listening');
		const { port } = server.address() as AddressInfo;
		wss.on('connection', (ws, req) => {
			const socket = req.socket;
			LENGTHS.forEach((length, i) => {
				if (i % 2) ws.send(payload(length));
				else writeFrame(socket, payload(length));
			});
		});
		const client = new WebSocket(`ws://127.0.0.1:${port}`);
		const received: Buffer[] = [];
		await new Promise<void>((resolve, reject) => {
			client.on('message', (data: Buffer) => {
				received.push(data);
				if (received.length === LENGTHS.length) resolve();
			});
			client.on('error', reject);
		});
		client.close();
		wss.close();
		expect(received.map((b) => b.length)).toEqual(LENGTHS);
		received.forEach((b, i) => expect(b.equals(Buffer.from(payload(LENGTHS[i]!)))).toBe(true));
	});
});
