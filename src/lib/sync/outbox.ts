import { updateMessage } from './protocol';
import type { Accepted } from './room-storage';

/** The transport as the room sees it: two members, whatever carries the bytes. */
export interface SyncSocket {
	send(data: Uint8Array): void;
	/** Several messages in order, in one write where the transport can (one syscall, not one each). */
	sendAll?(data: Uint8Array[]): void;
	close(code: number, reason: string): void;
}

/** A message for a room's sockets, and the socket it came from, which does not get it back. */
export interface Outgoing {
	message: Uint8Array;
	origin: unknown;
}

/**
 * The order a room sends in (SPEC B11, B12): an update goes out only after its
 * commit, presence is never stored, so presence that arrives while updates wait
 * waits with them and goes out right after the ones that came before it. The
 * others hear a connection in the order it spoke ("typing on card k" after card k).
 */
export class Outbox {
	/** Updates the document took, and how many of them were released (after their commit). */
	private taken = 0;
	private released = 0;
	/** Presence held, with how many updates were taken before it. */
	private held: (Outgoing & { after: number })[] = [];

	/** The document took an update; it is released once stored. */
	took(): void {
		this.taken++;
	}

	/** Holds a presence message behind the updates still waiting; false when none waits (send it now). */
	hold(message: Uint8Array, origin: unknown): boolean {
		if (this.released === this.taken) return false;
		this.held.push({ message, origin, after: this.taken });
		return true;
	}

	/** Stored updates, in order, each after the presence held before it, then the presence after them. */
	release(stored: Accepted[]): Outgoing[] {
		const out: Outgoing[] = [];
		for (const { update, origin } of stored) {
			this.presenceUpTo(this.released, out);
			this.released++;
			out.push({ message: updateMessage(update), origin });
		}
		this.presenceUpTo(this.released, out);
		return out;
	}

	private presenceUpTo(released: number, out: Outgoing[]): void {
		let n = 0;
		while (n < this.held.length && this.held[n]!.after <= released) out.push(this.held[n++]!);
		if (n > 0) this.held = this.held.slice(n);
	}
}

/**
 * Sends messages to every socket but each one's origin, in order: one message
 * as one send each, several in one write per socket (what a commit released).
 */
export function deliver(sockets: Iterable<SyncSocket>, out: readonly Outgoing[]): void {
	if (out.length === 1) {
		const [{ message, origin }] = out as [Outgoing];
		for (const socket of sockets) if (socket !== origin) socket.send(message);
	} else if (out.length > 1)
		for (const socket of sockets)
			sendInOrder(
				socket,
				out.filter((o) => o.origin !== socket).map((o) => o.message)
			);
}

/** Several messages to one socket in order, in one write where the transport can. */
export function sendInOrder(socket: SyncSocket, messages: Uint8Array[]): void {
	if (socket.sendAll) socket.sendAll(messages);
	else for (const message of messages) socket.send(message);
}
