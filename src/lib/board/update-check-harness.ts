import * as Y from 'yjs';
import type { BoardSettings, Writer } from './board';
import { checkUpdate, type CheckContext } from './update-check';

/**
 * The server's update check against updates made by real Y.Docs, as a client's
 * y-websocket provider would send them. Each "client" is a Y.Doc synced with the
 * server document. Test support only.
 */
export const collecting: BoardSettings = {
	phase: 'collect',
	locked: false,
	anonymous: false,
	privateWriting: false,
	participantsCanCluster: false
};

export class Harness {
	server = new Y.Doc();
	clients = new Map<number, string>();
	cards = new Map<string, string>();
	settings: BoardSettings & { openFields?: string[] } = { ...collecting };

	join(participantId: string): Y.Doc {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.server));
		this.clients.set(doc.clientID, participantId);
		return doc;
	}

	context(writer: Writer): CheckContext {
		return {
			doc: this.server,
			writer,
			settings: this.settings,
			clientOwner: (id) => this.clients.get(id),
			cardOwner: (id) => this.cards.get(id) ?? null,
			policyAreaIds: new Set([1, 2])
		};
	}

	/** Checks a change made on `doc` by `writer`; applies it to the server when accepted. */
	send(doc: Y.Doc, writer: Writer, change: (doc: Y.Doc) => void) {
		const before = Y.encodeStateVector(this.server);
		change(doc);
		const update = Y.encodeStateAsUpdate(doc, before);
		const result = checkUpdate(this.context(writer), update);
		if (result.ok) {
			Y.applyUpdate(this.server, update);
			for (const c of result.createdCards) this.cards.set(c, writer.participantId);
		}
		return result;
	}
}
