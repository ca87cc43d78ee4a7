import * as Y from 'yjs';
import { FAULT_DETAIL, textFault } from '$lib/forms/plain-text';
import { computeEffects, type Effects, type Insert } from './effects';
import { MAX_CLAIMS_PER_UPDATE, MAX_UPDATE_BYTES } from './limits';
import { judge, type PolicyRegistry, type Refused } from './policy';

/** Who sends an update, as the sync layer sees them. */
export interface SyncWriter {
	participantId: string;
	/** Observers: every write is refused. */
	readOnly: boolean;
}

export interface CheckInput<Ctx> {
	doc: Y.Doc;
	writer: SyncWriter;
	/** Who owns a Yjs client id: a participant id, 'server', or undefined if unclaimed. */
	clientOwner(clientId: number): string | undefined;
	policies: PolicyRegistry<Ctx>;
	context: Ctx;
}

export type CheckResult =
	| { ok: true; effects: Effects; claimedClientIds: number[] }
	/** Builds on the writer's own items the server has not received yet: hold it. */
	| { ok: false; wait: true; detail: string }
	| ({ ok: false; wait?: false } & Refused);

/**
 * Checks one client update before it is applied, stored or forwarded (SPEC
 * B9-B10): its size, its effects on the current document (nothing may stay
 * pending), the Yjs client ids it writes under, then each root's policy. It
 * never changes the document.
 */
export function checkUpdate<Ctx>(input: CheckInput<Ctx>, update: Uint8Array): CheckResult {
	if (update.byteLength > MAX_UPDATE_BYTES)
		return { ok: false, reason: 'too-large', detail: `update of ${update.byteLength} bytes` };
	const computed = computeEffects(input.doc, update);
	if (!computed.ok && computed.reason === 'malformed')
		return { ok: false, reason: 'malformed', detail: computed.detail };
	if (!computed.ok) {
		const own = computed.clients.every((c) => {
			const owner = input.clientOwner(c);
			return owner === undefined || owner === input.writer.participantId;
		});
		if (own) return { ok: false, wait: true, detail: computed.detail };
		return { ok: false, reason: 'not-own-item', detail: `${computed.detail}: not yours` };
	}
	const { effects } = computed;
	if (effects.inserts.length === 0 && effects.removals.length === 0 && effects.clients.length === 0)
		return { ok: true, effects, claimedClientIds: [] };
	if (input.writer.readOnly)
		return { ok: false, reason: 'observer', detail: 'observers cannot write' };
	const fault = textFaultIn(effects.inserts);
	if (fault) return { ok: false, reason: 'bad-value', detail: fault };
	const claimed: number[] = [];
	for (const client of effects.clients) {
		const owner = input.clientOwner(client);
		if (owner === input.writer.participantId) continue;
		if (owner !== undefined)
			return {
				ok: false,
				reason: 'client-id-taken',
				detail: `client id ${client} is someone else's`
			};
		claimed.push(client);
	}
	if (claimed.length > MAX_CLAIMS_PER_UPDATE)
		return { ok: false, reason: 'malformed', detail: 'too many client ids' };
	const refused = judge(input.policies, effects, input.context);
	if (refused) return { ok: false, ...refused };
	return { ok: true, effects, claimedClientIds: claimed };
}

/**
 * The first text an update would store that Tavoli accepts from nobody
 * (forms/plain-text.ts), in any root: a string in a text, a plain value
 * (however nested) or a map key. The HTTP readers refuse the same.
 */
function textFaultIn(inserts: readonly Insert[]): string | null {
	for (const { path, content } of inserts) {
		const strings: unknown[] = [path.at(-1)];
		if (content instanceof Y.ContentString) strings.push(content.str);
		if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON)
			for (const value of content.arr as unknown[]) strings.push(value);
		while (strings.length > 0) {
			const value = strings.pop();
			if (typeof value === 'string') {
				const fault = textFault(value);
				if (fault) return `${path.join('/')}: ${FAULT_DETAIL[fault]}`;
			} else if (Array.isArray(value)) for (const v of value) strings.push(v);
			else if (value !== null && typeof value === 'object') {
				for (const [k, v] of Object.entries(value)) strings.push(k, v);
			}
		}
	}
	return null;
}
