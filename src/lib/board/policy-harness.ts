import * as Y from 'yjs';
import type { PolicyRegistry } from '$lib/sync/policy';
import { serverOnly } from '$lib/sync/policy';
import { checkUpdate, type CheckResult } from '$lib/sync/update-check';
import { DEFAULT_CARD_LIMIT, type BoardSettings, type Writer } from './board';
import { defaultMeta, Root, type BoardMeta } from './board-doc';
import type { BoardWriteContext } from './board-write-context';
import { cardPolicy, clusterPolicy } from './card-policy';
import { SplitTexts } from './split-texts';

/**
 * The server's update check with a board's policies, against updates made by
 * real Y.Docs as a client's y-websocket provider would send them. Each
 * "client" is a Y.Doc synced with the server document. Test support only.
 */
export const collecting: BoardSettings = {
	phase: 'collect',
	locked: false,
	anonymous: false,
	privateWriting: false,
	participantsCanCluster: false
};

/** The card and cluster roots as the server judges them; the rest is the server's. */
export const cardPolicies: PolicyRegistry<BoardWriteContext> = {
	[Root.cards]: cardPolicy,
	[Root.clusters]: clusterPolicy,
	[Root.meta]: serverOnly,
	[Root.participants]: serverOnly
};
export const alice: Writer = { role: 'participant', participantId: 'alice' };
export const bob: Writer = { role: 'participant', participantId: 'bob' };
export const fac: Writer = { role: 'facilitator', participantId: 'fac' };

export class Harness {
	server = new Y.Doc();
	clients = new Map<number, string>();
	cards = new Map<string, string>();
	settings: BoardSettings & Partial<BoardMeta> = { ...collecting };
	readonly splitTexts = new SplitTexts();

	constructor(private readonly policies: PolicyRegistry<BoardWriteContext>) {}

	join(participantId: string): Y.Doc {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.server));
		this.clients.set(doc.clientID, participantId);
		return doc;
	}

	/** Checks a change made on `doc` by `writer`; applies it to the server when accepted. */
	send(doc: Y.Doc, writer: Writer, change: (doc: Y.Doc) => void): CheckResult {
		const before = Y.encodeStateVector(this.server);
		change(doc);
		return this.sendUpdate(Y.encodeStateAsUpdate(doc, before), writer);
	}

	/** Checks a hand-made update; applies it to the server when accepted. */
	sendUpdate(update: Uint8Array, writer: Writer): CheckResult {
		const settings: BoardMeta = { ...defaultMeta, cardLimit: DEFAULT_CARD_LIMIT, ...this.settings };
		const counts = new Map<string, number>();
		for (const owner of this.cards.values()) counts.set(owner, (counts.get(owner) ?? 0) + 1);
		const context: BoardWriteContext = {
			doc: this.server,
			writer,
			settings,
			cardOwner: (id) => this.cards.get(id) ?? null,
			cardsWritten: (participantId) => counts.get(participantId) ?? 0,
			cardCount: this.cards.size,
			policyAreaIds: new Set([1, 2]),
			splitText: (id) => this.splitTexts.get(id),
			clientOwner: (id) => this.clients.get(id)
		};
		const result = checkUpdate(
			{
				doc: this.server,
				writer: { participantId: writer.participantId, readOnly: writer.role === 'observer' },
				clientOwner: (id) => this.clients.get(id),
				policies: this.policies,
				context
			},
			update
		);
		if (result.ok) {
			this.splitTexts.note(this.server, result.effects);
			for (const id of result.claimedClientIds) this.clients.set(id, writer.participantId);
			for (const i of result.effects.inserts)
				if (i.path.length === 2 && i.path[0] === Root.cards && !i.reused)
					this.cards.set(i.path[1]!, writer.participantId);
			Y.applyUpdate(this.server, update);
		}
		return result;
	}
}
