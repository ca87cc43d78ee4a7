import type { APIRequestContext } from '@playwright/test';
import { baseURL } from '../../playwright.config';
import { readBoard } from '../../src/lib/board/board-doc';
import { leave, nodeClient, type ServerProcess } from './sync-node';

/**
 * What the sync socket gives a session on a board: the document's roots, the
 * round it says is open and every byte received, decoded loosely so a test can
 * look for words that must never cross the wire (V5).
 */
export async function socketSees(session: APIRequestContext, boardId: string) {
	const cookies = (await session.storageState()).cookies;
	const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const url = new URL(baseURL);
	// nodeClient needs only where the server is, not a process of its own.
	const server = { origin: url.origin, port: Number(url.port) } as unknown as ServerProcess;
	const client = nodeClient(server, boardId, cookie);
	await client.synced;
	const seen = {
		roots: [...client.doc.share.keys()],
		roundId: readBoard(client.doc).meta.roundId,
		bytes: client.frames.map((f) => Buffer.from(f).toString('latin1')).join('\n')
	};
	leave(client);
	return seen;
}
